package cn.jixiao.forms.form;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The configured limits on arrays ({@code x-limit} with its {@code maxItems}), checked before the schema
 * validates anything: an array far beyond its limit is refused for that alone, cheaply, instead of having
 * every one of its items checked.
 */
final class ArrayLimits {
    private final JsonNode schema;
    private final SchemaMessages messages;

    ArrayLimits(JsonNode schema, SchemaMessages messages) {
        this.schema = schema;
        this.messages = messages;
    }

    /** True when some array is beyond its limit (each such array is then reported). */
    boolean exceeded(JsonNode tree, Problems problems) {
        return walk(tree, schema, "", problems);
    }

    private boolean walk(JsonNode node, JsonNode schemaNode, String path, Problems problems) {
        JsonNode rules = messages.resolve(schemaNode);
        if (rules == null) {
            return false;
        }
        boolean exceeded = false;
        if (node.isArray()) {
            JsonNode limit = rules.get("x-limit");
            int max = rules.path("maxItems").asInt(Integer.MAX_VALUE);
            if (limit != null && node.size() > max) {
                String variable = Limits.environmentVariable(limit.asString());
                problems.error(new Problem(path, "「" + messages.label(path) + "」最多 " + max + " 项，现有 " + node.size()
                        + " 项（限制 " + variable + "）", variable));
                return true;
            }
            JsonNode items = rules.get("items");
            for (int i = 0; items != null && i < node.size(); i++) {
                exceeded |= walk(node.get(i), items, path + "/" + i, problems);
            }
        } else if (node.isObject()) {
            JsonNode properties = rules.path("properties");
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode property = properties.get(entry.getKey());
                if (property != null) {
                    exceeded |= walk(entry.getValue(), property, path + "/" + SchemaMessages.escape(entry.getKey()), problems);
                }
            }
        }
        return exceeded;
    }
}
