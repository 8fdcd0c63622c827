package cn.jixiao.forms.form.shape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A form's schema read into {@link ObjectShape}s, from the root object down; {@code $ref}s followed. */
public final class FormSchema {
    private final ObjectNode root;
    private final ObjectShape rootShape;
    private final Map<JsonNode, ObjectShape> shapes = new IdentityHashMap<>();
    private final List<ObjectShape> all = new ArrayList<>();

    private FormSchema(ObjectNode root) {
        this.root = root;
        this.rootShape = shape(root, "", "Document");
    }

    public static FormSchema of(ObjectNode expandedSchema) {
        return new FormSchema(expandedSchema);
    }

    public ObjectShape root() {
        return rootShape;
    }

    /** Every object shape, each once, parents before their children. */
    public List<ObjectShape> shapes() {
        return List.copyOf(all);
    }

    public ObjectNode json() {
        return root;
    }

    private ObjectShape shape(JsonNode node, String pointer, String fallbackName) {
        ObjectShape known = shapes.get(node);
        if (known != null) {
            return known;
        }
        ObjectShape shape = new ObjectShape(fallbackName, pointer, node);
        shapes.put(node, shape);
        all.add(shape);
        for (var entry : node.path("properties").properties()) {
            String name = entry.getKey();
            JsonNode declared = entry.getValue();
            String at = pointer + "/properties/" + name;
            Resolved resolved = resolve(declared, at);
            JsonNode property = resolved.node;
            String title = declared.path("title").asString(property.path("title").asString(name));
            Set<String> types = types(property);
            if (types.contains("array")) {
                Resolved items = resolve(property.path("items"), resolved.pointer + "/items");
                if (types(items.node).contains("object") || items.node.has("properties")) {
                    ObjectShape itemShape = shape(items.node, items.pointer, items.name(typeName(fallbackName, name) + "Row"));
                    itemShape.markRow();
                    shape.add(new ObjectShape.Property(name, title, null, null, itemShape, null, merged(declared, property), at));
                } else {
                    shape.add(new ObjectShape.Property(name, title, null, null, null,
                            FieldKind.of(items.node).orElse(FieldKind.TEXT), merged(declared, property), at));
                }
            } else if (types.contains("object") || property.has("properties")) {
                shape.add(new ObjectShape.Property(name, title, null,
                        shape(property, resolved.pointer, resolved.name(typeName(fallbackName, name))), null, null,
                        merged(declared, property), at));
            } else {
                shape.add(new ObjectShape.Property(name, title, FieldKind.of(property).orElse(FieldKind.TEXT), null, null,
                        null, merged(declared, property), at));
            }
        }
        return shape;
    }

    /** A property's own keywords over those of what it refers to, as the schema applies them. */
    private static JsonNode merged(JsonNode declared, JsonNode resolved) {
        if (declared == resolved || !(resolved instanceof ObjectNode target)) {
            return resolved;
        }
        ObjectNode merged = target.deepCopy();
        declared.properties().forEach(e -> {
            if (!e.getKey().equals("$ref") && !e.getKey().equals("anyOf")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private static String typeName(String parent, String property) {
        return parent + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    private record Resolved(JsonNode node, String pointer, String defName) {
        String name(String fallback) {
            return defName != null ? Character.toUpperCase(defName.charAt(0)) + defName.substring(1) : fallback;
        }
    }

    /** A node with its {@code $ref} followed, or the non-null branch of an {@code anyOf}. */
    private Resolved resolve(JsonNode node, String pointer) {
        JsonNode current = node;
        String at = pointer;
        String defName = null;
        for (int guard = 0; guard < 16; guard++) {
            String ref = current.path("$ref").asString(null);
            if (ref == null) {
                JsonNode branch = nonNullBranch(current);
                if (branch == null) {
                    return new Resolved(current, at, defName);
                }
                ref = branch.path("$ref").asString(null);
                if (ref == null) {
                    return new Resolved(branch, at, defName);
                }
            }
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only references inside the schema are read: " + ref);
            }
            at = ref.substring(1);
            defName = at.substring(at.lastIndexOf('/') + 1);
            current = root.at(at);
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("the reference " + ref + " leads nowhere");
            }
        }
        throw new IllegalArgumentException("references go round in a circle at " + pointer);
    }

    private static JsonNode nonNullBranch(JsonNode node) {
        for (JsonNode branch : node.path("anyOf")) {
            if (!branch.path("type").asString("").equals("null")) {
                return branch;
            }
        }
        return null;
    }

    public static Set<String> types(JsonNode node) {
        Set<String> types = new HashSet<>();
        JsonNode type = node.path("type");
        if (type.isString()) {
            types.add(type.asString());
        }
        type.forEach(t -> types.add(t.asString()));
        return types;
    }
}
