package cn.jixiao.forms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Semantic JSON equality of two documents: fields null, "" or absent alike (as the service reads them),
 * numbers compared as decimals (1000.00 is 1000), the order of an object's fields ignored.
 */
public final class SameDocument {
    private SameDocument() {
    }

    public static void assertSame(JsonNode expected, JsonNode actual) {
        assertEquals(canonical(expected), canonical(actual));
    }

    /** The document written out canonically, one field a line: a failure shows the difference. */
    public static String canonical(JsonNode node) {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(normalise(node));
    }

    private static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            object.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (!value.isNull() && !(value.isString() && value.asString().isBlank())) {
                    fields.put(e.getKey(), normalise(value));
                }
            });
            ObjectNode sorted = Json.MAPPER.createObjectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            array.forEach(item -> copy.add(normalise(item)));
            return copy;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return Json.MAPPER.getNodeFactory().stringNode("#" + (value.scale() < 0 ? value.setScale(0) : value).toPlainString());
        }
        return node;
    }
}
