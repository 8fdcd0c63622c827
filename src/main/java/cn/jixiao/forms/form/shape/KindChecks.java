package cn.jixiao.forms.form.shape;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.Dates;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.SchemaMessages;
import cn.jixiao.forms.form.shape.ObjectShape.Property;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/**
 * What a field's kind asks beyond its schema, checked on every value of a document that passed its schema: an
 * amount within what its column prints in the document's unit and with no more decimals than the form allows, a
 * percentage or points with two decimals at most, a date within the years a budget form speaks of.
 */
public final class KindChecks {
    private static final BigDecimal MAX_RATE = new BigDecimal("9999.99");
    private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

    private KindChecks() {
    }

    /** Adds an error for every value of {@code document} its kind refuses; {@code unit} is the document's amount unit. */
    public static void check(ObjectShape shape, JsonNode document, String unit, int amountDecimals, Problems problems) {
        walk(shape, document, "", unit, amountDecimals, problems);
    }

    private static void walk(ObjectShape shape, JsonNode node, String pointer, String unit, int decimals, Problems problems) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Property property : shape.properties().values()) {
            JsonNode child = node.get(property.name());
            if (child == null || child.isNull()) {
                continue;
            }
            String at = pointer + "/" + SchemaMessages.escape(property.name());
            if (property.object() != null) {
                walk(property.object(), child, at, unit, decimals, problems);
            } else if (property.items() != null && child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    walk(property.items(), child.get(i), at + "/" + i, unit, decimals, problems);
                }
            } else if (property.kind() != null) {
                value(property, child, at, unit, decimals, problems);
            }
        }
    }

    private static void value(Property property, JsonNode node, String at, String unit, int decimals, Problems problems) {
        FieldKind kind = property.kind();
        if (kind == FieldKind.DATE && node.isString()) {
            try {
                Dates.check(LocalDate.parse(node.asString()), at, problems);
            } catch (DateTimeException notADate) {
                // the schema's format has said so
            }
            return;
        }
        if (!kind.isNumber() || kind == FieldKind.DECIMAL) {
            return;
        }
        BigDecimal value = FieldKind.decimal(node).orElse(null);
        switch (kind) {
            case AMOUNT -> Amounts.checkDecimal(value, Amounts.maxIn(unit), "以" + unit + "计的金额", decimals, at, problems);
            case PERCENTAGE -> Amounts.checkDecimal(value, MAX_RATE, named(property), 2, at, problems);
            case POINTS -> Amounts.checkDecimal(value, MAX_POINTS, named(property), 2, at, problems);
            default -> {
            }
        }
    }

    /** A field's title as a message names it: 预算执行进度(%) → 预算执行进度. */
    private static String named(Property property) {
        return property.title().replaceAll("[（(][^）)]*[）)]$", "");
    }
}
