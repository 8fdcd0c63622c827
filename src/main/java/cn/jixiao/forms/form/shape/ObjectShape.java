package cn.jixiao.forms.form.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One object of a form's schema as the engine reads it: its fields with their kinds, the objects and lists
 * below it, and what is declared on it — figures ({@code x-derive}), rules ({@code x-rules}) and the indicator
 * checks ({@code x-indicator-checks}). Objects defined once under {@code $defs} are one shape wherever used.
 */
public final class ObjectShape {
    private final String name;
    private final String schemaPointer;
    private final JsonNode node;
    private final Map<String, Property> properties = new LinkedHashMap<>();
    private boolean rows;

    ObjectShape(String name, String schemaPointer, JsonNode node) {
        this.name = name;
        this.schemaPointer = schemaPointer;
        this.node = node;
    }

    /**
     * One field of an object.
     *
     * @param kind     the kind of a value field; null for an object or a list
     * @param object   the shape of an object field
     * @param items    the shape of a list's objects, or null
     * @param itemKind the kind of a list's values (a list of texts), or null
     * @param schemaPointer where the field is declared, {@code /$defs/form/properties/annualBudget}
     */
    public record Property(String name, String title, FieldKind kind, ObjectShape object, ObjectShape items,
                           FieldKind itemKind, JsonNode node, String schemaPointer) {

        public boolean isValue() {
            return kind != null;
        }

        public boolean isList() {
            return items != null || itemKind != null;
        }

        /** Per-row keys that merge consecutive rows ({@code x-runs}), by run name; empty for none. */
        public Map<String, String> runs() {
            Map<String, String> runs = new LinkedHashMap<>();
            node.path("x-runs").properties().forEach(e -> runs.put(e.getKey(), e.getValue().asString()));
            return runs;
        }

        /** The fields this one is the sum of ({@code x-sum-of}); empty for none. */
        public List<String> sumOf() {
            List<String> parts = new ArrayList<>();
            node.path("x-sum-of").forEach(part -> parts.add(part.asString()));
            return parts;
        }

        /** A date printed as 2021-09-10 ({@code "x-print": "iso"}) instead of 2021年9月10日. */
        public boolean isoDate() {
            return node.path("x-print").asString("").equals("iso");
        }

        /** What an absent value prints as: the schema's {@code default}, or nothing. */
        public JsonNode fallback() {
            return node.get("default");
        }
    }

    /** The name of its type in expressions: its {@code $defs} name, or a path-like one. */
    public String name() {
        return name;
    }

    public String schemaPointer() {
        return schemaPointer;
    }

    /** The resolved schema node, with the engine's keywords. */
    public JsonNode node() {
        return node;
    }

    public Map<String, Property> properties() {
        return Collections.unmodifiableMap(properties);
    }

    void add(Property property) {
        properties.put(property.name(), property);
    }

    /** Whether this object is an item of a list: its expressions also see {@code index}, {@code rows} and {@code runs}. */
    public boolean isRow() {
        return rows;
    }

    void markRow() {
        rows = true;
    }

    @Override
    public String toString() {
        return name;
    }
}
