package cn.jixiao.forms.form;

import cn.jixiao.forms.form.shape.KindKeywords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads a form's JSON Schema and fills in what lives elsewhere: the configured limits (arrays marked
 * {@code x-limit}, every text field), the taxonomy (nodes marked {@code x-taxonomy}), and {@code null} as an
 * allowed value of every optional field (what clients send for "not filled in"; see {@link Blanks}). The
 * schema the service validates with is the very one it publishes.
 */
final class Schemas {
    private Schemas() {
    }

    /**
     * The schema a form's folder declares, completed: each field's {@code x-kind} written out as the keywords it stands
     * for, then the limits, the taxonomy and {@code null} for optional fields filled in.
     */
    static ObjectNode complete(ObjectNode schema, Limits limits, KindKeywords.AmountSettings amounts) {
        expandKinds(schema, amounts);
        complete((JsonNode) schema, limits);
        return schema;
    }

    private static void expandKinds(JsonNode node, KindKeywords.AmountSettings amounts) {
        if (node instanceof ObjectNode object) {
            KindKeywords.expand(object, amounts);
            object.properties().forEach(e -> {
                if (!e.getKey().startsWith("x-")) {
                    expandKinds(e.getValue(), amounts);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> expandKinds(child, amounts));
        }
    }

    private static void complete(JsonNode node, Limits limits) {
        if (node instanceof ObjectNode object) {
            nullable(object);
            JsonNode limit = object.get("x-limit");
            if (limit != null && object.has("items")) {
                object.put("maxItems", switch (limit.asString()) {
                    case "forms" -> limits.forms();
                    case "units" -> limits.units();
                    case "indicators" -> limits.indicators();
                    default -> throw new IllegalStateException("unknown x-limit " + limit);
                });
            }
            if (isText(object) && !object.has("maxLength")) {
                object.put("maxLength", limits.fieldChars());
                object.put("x-limit", "fieldChars");
            }
            JsonNode taxonomy = object.get("x-taxonomy");
            if (taxonomy != null) {
                ArrayNode values = object.putArray("enum");
                boolean level1 = taxonomy.asString().equals("level1");
                // The canonical choices, as the forms print them, for editors: value, label and, for a
                // 二级指标, the 一级指标 it belongs to.
                ArrayNode choices = object.putArray("x-choices");
                if (level1) {
                    for (Taxonomy.Level1 level : Taxonomy.Level1.values()) {
                        choices.addObject().put("value", level.label()).put("label", level.codedLabel());
                    }
                } else {
                    for (Taxonomy.Level2 level : Taxonomy.Level2.values()) {
                        choices.addObject().put("value", level.label()).put("label", level.codedLabel())
                                .put("parent", level.parent().label());
                    }
                }
                for (String spelling : level1 ? Taxonomy.level1Spellings() : Taxonomy.level2Spellings()) {
                    values.add(spelling);
                    if (spelling.chars().allMatch(Character::isDigit)) {
                        values.add(Integer.parseInt(spelling));
                    }
                }
            }
            object.properties().forEach(e -> {
                if (!e.getKey().startsWith("x-") || e.getKey().equals("x-choices")) {
                    complete(e.getValue(), limits);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> complete(child, limits));
        }
    }

    /** Every property that {@code required} does not name also admits {@code null}. */
    private static void nullable(ObjectNode object) {
        JsonNode properties = object.get("properties");
        if (!(properties instanceof ObjectNode named)) {
            return;
        }
        java.util.Set<String> required = new java.util.HashSet<>();
        object.path("required").forEach(name -> required.add(name.asString()));
        for (java.util.Map.Entry<String, JsonNode> entry : named.properties()) {
            if (required.contains(entry.getKey()) || !(entry.getValue() instanceof ObjectNode property)) {
                continue;
            }
            JsonNode ref = property.remove("$ref");
            if (ref != null) {
                ArrayNode anyOf = property.putArray("anyOf");
                anyOf.addObject().set("$ref", ref);
                anyOf.addObject().put("type", "null");
            } else if (property.has("type")) {
                JsonNode type = property.get("type");
                ArrayNode types = type.isArray() ? (ArrayNode) type : property.putArray("type").add(type.asString());
                if (types.valueStream().noneMatch(t -> t.asString().equals("null"))) {
                    types.add("null");
                }
                if (property.get("enum") instanceof ArrayNode values && values.valueStream().noneMatch(JsonNode::isNull)) {
                    values.addNull();
                }
            }
        }
    }

    private static boolean isText(ObjectNode object) {
        JsonNode type = object.get("type");
        if (type == null || object.has("format") || object.has("enum") || object.has("pattern")) {
            return false;
        }
        if (type.isString()) {
            return type.asString().equals("string");
        }
        for (JsonNode t : type) {
            if (t.asString().equals("string")) {
                return true;
            }
        }
        return false;
    }
}
