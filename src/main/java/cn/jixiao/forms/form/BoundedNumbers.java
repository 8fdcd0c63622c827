package cn.jixiao.forms.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every number of a request read into a bounded form before anything looks at it: {@code 0e-99999999} is
 * 0 and {@code 98.38000…0} is 98.38 (trailing zeros beyond two decimals dropped), and a number with more
 * decimals or integer digits than any form field can hold is refused with its path. No later check,
 * arithmetic or print then meets a scale of a hundred million.
 */
final class BoundedNumbers {
    /** Decimals that a number may still carry once its trailing zeros are gone. */
    static final int MAX_DECIMALS = 10;
    /** Integer digits: more than any amount, rate or score of any form. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** A number in JSON with an exponent: its digits, and its exponent with the sign. */
    private static final Pattern EXPONENT = Pattern.compile("-?([0-9.]+)[eE]([+-]?[0-9]+)");

    private BoundedNumbers() {
    }

    static void apply(JsonNode tree, Problems problems) {
        walk(tree, "", problems);
    }

    private static void walk(JsonNode node, String path, Problems problems) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String child = path + "/" + SchemaMessages.escape(entry.getKey());
                JsonNode value = entry.getValue();
                if (value.isNumber()) {
                    entry.setValue(bounded(value, child, problems));
                } else {
                    walk(value, child, problems);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isNumber()) {
                    array.set(i, bounded(array.get(i), path + "/" + i, problems));
                } else {
                    walk(array.get(i), path + "/" + i, problems);
                }
            }
        }
    }

    /**
     * The refusal of a number whose exponent no decimal can hold ({@code 1E+2147483648}, {@code 0e-2147483649}),
     * found while the JSON is read: said as the bound it breaks, at its path.
     */
    static FormError beyondAnyScale(String text, String path) {
        Matcher number = EXPONENT.matcher(text == null ? "" : text);
        String shown = Problems.quote(text);
        String message;
        if (number.matches() && number.group(1).chars().allMatch(c -> c == '0' || c == '.')) {
            message = "数字" + shown + "的指数超出范围：零请写作 0";
        } else if (number.matches() && number.group(2).startsWith("-")) {
            message = "数字的小数位数过多：" + shown + "（最多 " + MAX_DECIMALS + " 位）";
        } else {
            message = "数字过大：" + shown + "（整数部分最多 " + MAX_INTEGER_DIGITS + " 位）";
        }
        return FormError.invalid(List.of(new Problem(path, message)));
    }

    private static JsonNode bounded(JsonNode number, String path, Problems problems) {
        BigDecimal value = number.decimalValue();
        if (value.signum() == 0) {
            return number.isBigDecimal() && (value.scale() > 2 || value.scale() < 0) ? DecimalNode.valueOf(BigDecimal.ZERO) : number;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMALS) {
            problems.error(path, "数字的小数位数过多：" + Amounts.show(value) + "（最多 " + MAX_DECIMALS + " 位）");
            return number;
        }
        if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) { // long: 1E+2147483647 overflows an int
            problems.error(path, "数字过大：" + Amounts.show(value) + "（整数部分最多 " + MAX_INTEGER_DIGITS + " 位）");
            return number;
        }
        if (!number.isBigDecimal() || value.scale() >= 0 && value.scale() <= 2) {
            return number;
        }
        return DecimalNode.valueOf(value.scale() > 2 ? stripped.setScale(Math.max(stripped.scale(), 0)) : value.setScale(0));
    }
}
