package cn.jixiao.forms.form;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON Schema violations into messages a finance clerk understands, naming the field by its
 * Chinese label (the schema's {@code title}) and pointing at it with a JSON pointer.
 */
public final class SchemaMessages {
    private final JsonNode schema;

    SchemaMessages(JsonNode schema) {
        this.schema = schema;
    }

    Problem toProblem(Error error) {
        String location = pointer(error);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String path = switch (keyword) {
            case "required", "additionalProperties", "unevaluatedProperties" ->
                    location + "/" + escape(error.getProperty());
            default -> location;
        };
        if (error.isCustomMessage()) {
            return new Problem(path, "「" + label(path) + "」" + error.getMessage());
        }
        String label = "「" + label(path) + "」";
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        JsonNode instance = error.getInstanceNode();
        String message = switch (keyword) {
            case "required" -> "缺少必填项" + label;
            case "additionalProperties", "unevaluatedProperties" ->
                    "不认识的字段「" + error.getProperty() + "」：请检查拼写，允许的字段见 schema";
            case "type" -> label + "应为" + typeNames(error.getSchemaNode()) + "，收到的是" + describe(instance);
            case "enum", "const" -> label + "的取值不在允许范围内：" + describe(instance)
                    + "；允许的取值：" + allowed(error.getSchemaNode());
            case "maxLength" -> label + "过长：最多 " + arg(args, 0) + " 个字符，现有 "
                    + (instance == null ? "?" : instance.asString().codePointCount(0, instance.asString().length())) + " 个"
                    + limitNote(limit(error));
            case "minLength" -> label + "不能为空";
            case "maxItems" -> label + "最多 " + arg(args, 0) + " 项，现有 " + arg(args, 1) + " 项" + limitNote(limit(error));
            case "minItems" -> label + "至少要有 " + arg(args, 0) + " 项";
            case "minimum" -> label + "不能小于 " + arg(args, 0) + "，收到的是" + describe(instance);
            case "maximum" -> label + "不能大于 " + arg(args, 0) + "，收到的是" + describe(instance);
            case "format" -> label + "应为日期，格式 YYYY-MM-DD，且是日历上存在的日子，收到的是" + describe(instance);
            case "pattern" -> label + "格式不对，收到的是" + describe(instance);
            default -> label + "：" + error.getMessage();
        };
        return new Problem(path, message, limit(error));
    }

    /**
     * The {@code null} branch of a field that may be left out, refusing a value given: the value's own branch says
     * what is wrong with it, and "should be null" would only mislead (and mark the group it stands for).
     */
    static boolean isNullBranch(Error error) {
        JsonNode type = error.getSchemaNode();
        return "type".equals(error.getKeyword()) && type != null && type.isString() && type.asString().equals("null");
    }

    /** The environment variable behind a violated limit, or null when the keyword is no configured limit. */
    private String limit(Error error) {
        if (error.getSchemaLocation() == null || !"maxItems".equals(error.getKeyword()) && !"maxLength".equals(error.getKeyword())) {
            return null;
        }
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        if (hash < 0) {
            return null;
        }
        JsonNode node = schema;
        String[] parts = location.substring(hash + 1).split("/");
        for (int i = 1; i < parts.length - 1; i++) {
            node = node.path(parts[i].replace("~1", "/").replace("~0", "~"));
        }
        return Limits.environmentVariable(node.path("x-limit").asString(null));
    }

    private static String limitNote(String limit) {
        return limit == null ? "" : "（限制 " + limit + "）";
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return location.equals("/") ? "" : location;
    }

    /** JSON pointer escaping of a property name (RFC 6901). */
    public static String escape(String name) {
        return name == null ? "" : name.replace("~", "~0").replace("/", "~1");
    }

    private static String arg(Object[] args, int index) {
        return index < args.length ? String.valueOf(args[index]) : "?";
    }

    /** The Chinese label of the field at a JSON pointer, found by walking the schema along it. */
    String label(String pointer) {
        JsonNode node = schema;
        String title = "文档";
        if (pointer.isEmpty()) {
            return title;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            node = resolve(node);
            if (node == null) {
                return token;
            }
            JsonNode next = node.path("properties").get(token);
            if (next == null && token.chars().allMatch(Character::isDigit) && node.has("items")) {
                next = node.get("items");
                JsonNode resolved = resolve(next);
                title = title + "第 " + (Integer.parseInt(token) + 1) + " " + resolved.path("x-unit").asString("项");
                node = next;
                continue;
            }
            if (next == null) {
                return token;
            }
            node = next;
            JsonNode resolved = resolve(node);
            title = node.path("title").asString(resolved == null ? token : resolved.path("title").asString(token));
        }
        return title;
    }

    /** A schema node with its {@code $ref} followed and, for a field that may be null, its non-null branch. */
    JsonNode resolve(JsonNode node) {
        int guard = 0;
        while (node != null && guard++ < 16) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asString();
                if (!ref.startsWith("#/")) {
                    return node;
                }
                JsonNode target = schema;
                for (String part : ref.substring(2).split("/")) {
                    target = target.path(part);
                }
                node = target.isMissingNode() ? null : target;
            } else if (node.has("anyOf")) {
                JsonNode branch = null;
                for (JsonNode option : node.get("anyOf")) {
                    if (!option.path("type").asString("").equals("null")) {
                        branch = option;
                        break;
                    }
                }
                node = branch;
            } else {
                return node;
            }
        }
        return node;
    }


    private String typeNames(JsonNode schemaNode) {
        JsonNode type = schemaNode == null ? null : schemaNode;
        List<String> names = new ArrayList<>();
        if (type != null && type.isArray()) {
            // null stands for "not filled in", which is always accepted; it is no answer to a wrong type
            type.forEach(t -> {
                if (!t.asString().equals("null")) {
                    names.add(typeName(t.asString()));
                }
            });
        } else if (type != null) {
            names.add(typeName(type.asString()));
        }
        return names.stream().collect(Collectors.joining("或"));
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "文本";
            case "number" -> "数字";
            case "integer" -> "整数";
            case "boolean" -> "true 或 false";
            case "array" -> "列表";
            case "object" -> "对象";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private static String allowed(JsonNode values) {
        if (values == null) {
            return "见 schema";
        }
        if (!values.isArray()) {
            return values.toString();
        }
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(v.isString() ? v.asString() : v.toString()));
        return String.join("、", shown);
    }

    static String describe(JsonNode instance) {
        if (instance == null || instance.isMissingNode()) {
            return "（无）";
        }
        if (instance.isNull()) {
            return "null";
        }
        if (instance.isString()) {
            String text = instance.asString();
            return "文本“" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "”";
        }
        if (instance.isNumber()) {
            String number = instance.toString();
            return "数字 " + (number.length() > 40 ? number.substring(0, 40) + "…" : number);
        }
        if (instance.isBoolean()) {
            return instance.toString();
        }
        if (instance.isArray()) {
            return "列表";
        }
        return "对象";
    }
}
