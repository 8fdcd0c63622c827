package cn.jixiao.forms.form;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;

/**
 * A request body read as one JSON document, strictly: UTF-8 only, nothing after the document, nesting and
 * number lengths bounded, duplicate keys refused. Every body the service reads comes through here.
 */
public final class RequestJson {
    private RequestJson() {
    }

    /** The body as a JSON tree; {@link FormError} {@code malformed_json} or {@code limit_exceeded} when it is none. */
    public static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new FormError(FormError.Kind.MALFORMED_JSON, "请求体为空：需要一个 JSON 文档");
        }
        try (JsonParser parser = Json.MAPPER.createParser(Utf8.decode(body))) {
            try {
                JsonNode tree = Json.MAPPER.readTree(parser);
                if (tree == null || tree.isMissingNode()) {
                    throw new FormError(FormError.Kind.MALFORMED_JSON, "请求体为空：需要一个 JSON 文档");
                }
                if (parser.nextToken() != null) {
                    throw new FormError(FormError.Kind.MALFORMED_JSON, "JSON 格式错误：文档之后还有内容");
                }
                return tree;
            } catch (NumberFormatException e) {
                // Jackson refuses a number no BigDecimal can hold (an exponent beyond an int) with this, not its own
                throw BoundedNumbers.beyondAnyScale(parser.getString(), pointer(parser));
            } catch (StreamConstraintsException e) {
                String where = pointer(parser);
                throw new FormError(FormError.Kind.LIMIT_EXCEEDED, "JSON 超出限制：" + constraint(e),
                        List.of(new Problem(where, constraint(e), constraintName(e))));
            }
        } catch (StreamReadException e) {
            String where = e.getLocation() == null ? ""
                    : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
            throw new FormError(FormError.Kind.MALFORMED_JSON, "JSON 格式错误" + where + "：" + e.getOriginalMessage());
        } catch (FormError e) {
            throw e;
        } catch (JacksonException e) {
            throw new FormError(FormError.Kind.MALFORMED_JSON, "JSON 格式错误：" + e.getOriginalMessage());
        }
    }

    private static String pointer(JsonParser parser) {
        return parser.streamReadContext() == null ? "" : parser.streamReadContext().pathAsPointer().toString();
    }

    private static String constraintName(StreamConstraintsException e) {
        return e.getOriginalMessage().contains("nesting depth") ? "json-nesting-depth" : "json-number-length";
    }

    private static String constraint(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "嵌套层数超过 " + Json.MAX_NESTING_DEPTH;
        }
        if (message.contains("Number value length")) {
            return "数字过长";
        }
        return message;
    }

}
