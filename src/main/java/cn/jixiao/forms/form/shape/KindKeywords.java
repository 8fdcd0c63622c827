package cn.jixiao.forms.form.shape;

import cn.jixiao.forms.form.Amounts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema keywords a field's {@code x-kind} stands for, written into the schema the service validates
 * with and publishes: a maintainer writes {@code {"title": "年初预算数", "x-kind": "amount"}} and the type,
 * pattern, bounds and message follow. A keyword the field already has is left as written.
 */
public final class KindKeywords {
    private static final String AMOUNT_PATTERN = "^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\\.[0-9]{1,%d})?$";
    private static final String TWO_PLACES = "^[0-9]+(\\.[0-9]{1,2})?$";
    private static final BigDecimal MAX_RATE = new BigDecimal("9999.99");
    private static final String[] PLACES = {"零", "一", "两", "三", "四", "五", "六"};

    private KindKeywords() {
    }

    /**
     * How a form's amounts are given.
     *
     * @param unit     the one unit of every amount (元, 万元), or empty when the document chooses it
     * @param decimals places an amount may carry
     */
    public record AmountSettings(Optional<String> unit, int decimals) {
        public static final AmountSettings DEFAULT = new AmountSettings(Optional.empty(), 2);

        /** The largest amount a column is sized for, in the fixed unit or the largest of the units. */
        BigDecimal maximum() {
            return unit.map(Amounts::maxIn).orElse(Amounts.MAX);
        }
    }

    /** Fills in the keywords of a node that declares {@code x-kind}; nodes without one are left alone. */
    public static void expand(ObjectNode node, AmountSettings amounts) {
        Optional<FieldKind> declared = FieldKind.of(node);
        if (declared.isEmpty()) {
            if (node.has("x-kind")) {
                throw new IllegalArgumentException("unknown x-kind \"" + node.path("x-kind").asString() + "\"; known: "
                        + String.join(", ", Arrays.stream(FieldKind.values()).map(FieldKind::keyword).toList()));
            }
            return;
        }
        switch (declared.get()) {
            case AMOUNT -> {
                types(node, "number", "string");
                fill(node, "minimum", 0);
                fill(node, "maximum", amounts.maximum());
                fill(node, "pattern", String.format(AMOUNT_PATTERN, amounts.decimals()));
                message(node, "应为金额：数字，可带千分位逗号，不带单位，最多" + places(amounts.decimals()) + "小数，如 "
                        + example(node, amounts.unit().map(u -> u.equals("元") ? "1323379.00" : "43.20").orElse("4809.89")));
            }
            case PERCENTAGE -> {
                types(node, "number", "string");
                fill(node, "minimum", 0);
                fill(node, "maximum", MAX_RATE);
                fill(node, "pattern", TWO_PLACES);
                message(node, "应为百分数的数值，不带 % 号，最多两位小数，如 " + example(node, "98.30"));
            }
            case POINTS -> {
                types(node, "number", "string");
                fill(node, "minimum", 0);
                fill(node, "maximum", 100);
                fill(node, "pattern", TWO_PLACES);
                message(node, "应为分数：0 到 100 的数字，最多两位小数，如 " + example(node, "8.62"));
            }
            case DECIMAL -> {
                types(node, "number", "string");
                fill(node, "pattern", "^-?[0-9]+(\\.[0-9]+)?$");
                message(node, "应为数字，如 " + example(node, "12.5"));
            }
            case INTEGER -> types(node, "integer");
            case YEAR -> {
                types(node, "integer");
                fill(node, "minimum", 1900);
                fill(node, "maximum", 2199);
            }
            case DATE -> {
                types(node, "string");
                if (!node.has("format")) {
                    node.put("format", "date");
                }
            }
            case YESNO -> types(node, "boolean");
            case LEVEL1, LEVEL2 -> {
                types(node, "string", "integer");
                if (!node.has("x-taxonomy")) {
                    node.put("x-taxonomy", declared.get() == FieldKind.LEVEL1 ? "level1" : "level2");
                }
            }
            case CHOICE -> {
                types(node, "string");
                if (!node.has("enum")) {
                    throw new IllegalArgumentException("a field of x-kind \"choice\" lists its values in \"enum\"");
                }
            }
            case TEXT, INDICATOR_VALUE, CODE -> types(node, "string");
        }
    }

    private static String places(int decimals) {
        return decimals < PLACES.length ? PLACES[decimals] + "位" : decimals + " 位";
    }

    private static String example(JsonNode node, String fallback) {
        JsonNode examples = node.path("examples");
        return examples.size() > 0 ? examples.get(0).asString(examples.get(0).toString()) : fallback;
    }

    private static void types(ObjectNode node, String... types) {
        if (!node.has("type")) {
            ArrayNode array = node.putArray("type");
            for (String type : types) {
                array.add(type);
            }
            if (types.length == 1) {
                node.put("type", types[0]);
            }
        }
    }

    private static void fill(ObjectNode node, String keyword, Object value) {
        if (node.has(keyword)) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            node.put(keyword, decimal);
        } else if (value instanceof Integer number) {
            node.put(keyword, number);
        } else {
            node.put(keyword, value.toString());
        }
    }

    private static void message(ObjectNode node, String pattern) {
        JsonNode messages = node.get("x-message");
        if (messages instanceof ObjectNode object) {
            if (!object.has("pattern")) {
                object.put("pattern", pattern);
            }
        } else if (messages == null) {
            node.putObject("x-message").put("pattern", pattern);
        }
    }
}
