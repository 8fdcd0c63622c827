package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.shape.ObjectShape;
import cn.jixiao.forms.form.shape.ObjectShape.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A document as its expressions see it: objects as maps of their fields, lists as lists, each value read by its
 * field's kind (amounts as decimals). A value that is not of its kind (a schema error already reported) is left
 * out, as an empty field is.
 */
final class DocumentValues {
    private DocumentValues() {
    }

    static Map<String, Object> of(ObjectShape shape, JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return values;
        }
        for (Property property : shape.properties().values()) {
            JsonNode child = node.get(property.name());
            if (child == null || child.isNull()) {
                continue;
            }
            Object value = value(property, child);
            if (value != null) {
                values.put(property.name(), value);
            }
        }
        return values;
    }

    /** One field's value; null when it is not of its kind. */
    static Object value(Property property, JsonNode child) {
        if (property.object() != null) {
            return child.isObject() ? of(property.object(), child) : null;
        }
        if (property.items() != null) {
            if (!child.isArray()) {
                return null;
            }
            List<Object> rows = new ArrayList<>();
            child.forEach(item -> rows.add(of(property.items(), item)));
            return rows;
        }
        if (property.itemKind() != null) {
            if (!child.isArray()) {
                return null;
            }
            List<Object> items = new ArrayList<>();
            child.forEach(item -> property.itemKind().value(item).ifPresent(items::add));
            return items;
        }
        return property.kind().value(child).orElse(null);
    }
}
