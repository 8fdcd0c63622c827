package cn.jixiao.forms.form;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A field sent as {@code null}, {@code ""} or white space only is a field not filled in: removed before the
 * schema looks, so that an optional one is a blank cell and a required one is reported as required — what
 * ordinary JSON libraries and database exports send for "no value" is accepted as such.
 */
final class Blanks {
    private Blanks() {
    }

    static void remove(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                JsonNode value = fields.next().getValue();
                if (value.isNull() || value.isString() && value.asString().isBlank()) {
                    fields.remove();
                } else {
                    remove(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Blanks::remove);
        }
    }
}
