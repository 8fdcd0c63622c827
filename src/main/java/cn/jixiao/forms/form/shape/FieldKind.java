package cn.jixiao.forms.form.shape;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.functions.Decimal;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a field of a form holds, declared once in its schema as {@code "x-kind"}: it decides how the field is
 * validated (the JSON Schema keywords it stands for), read into an expression's value, printed, typed on the staff
 * page and formatted in a workbook. A field without {@code x-kind} is text (or an object or a list).
 */
public enum FieldKind {
    /** Free text, printed verbatim. */
    TEXT,
    /** Money, in the form's amount unit: never negative, two decimals (or {@code x-decimals}), thousands separators allowed. */
    AMOUNT,
    /** A percentage without its sign: {@code 98.30}. */
    PERCENTAGE,
    /** Points of a score, 0–100: {@code 8.62}. */
    POINTS,
    /** Another exact number. */
    DECIMAL,
    INTEGER,
    /** A year, 1900–2199. */
    YEAR,
    /** An ISO date, {@code 2022-03-05}. */
    DATE,
    /** 是 or 否. */
    YESNO,
    /** 一级指标: a name, with or without 指标, or its code. */
    LEVEL1,
    /** 二级指标: a name, with or without 指标, or its code. */
    LEVEL2,
    /** One of the values the schema's {@code enum} lists. */
    CHOICE,
    /** An indicator's value as written ({@code ≥95%}, {@code 2024年10月前}): text, read by the indicator checks. */
    INDICATOR_VALUE,
    /** A code with a fixed pattern (a project code). */
    CODE;

    /** The kind a schema node declares; {@link #TEXT} when it declares none. */
    public static Optional<FieldKind> of(JsonNode node) {
        String declared = node.path("x-kind").asString("");
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        for (FieldKind kind : values()) {
            if (kind.keyword().equals(declared)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** As written in a schema: {@code amount}, {@code indicator-value}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isNumber() {
        return this == AMOUNT || this == PERCENTAGE || this == POINTS || this == DECIMAL;
    }

    public boolean isWhole() {
        return this == INTEGER || this == YEAR;
    }

    /** The value an expression sees: a decimal, an int, a bool or a string; empty when the node is not of the kind. */
    public Optional<Object> value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (isNumber()) {
            return decimal(node).map(Decimal::of);
        }
        if (isWhole()) {
            return node.isIntegralNumber() && node.canConvertToLong() ? Optional.of(node.longValue()) : Optional.empty();
        }
        if (this == YESNO) {
            return node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
        }
        if (this == LEVEL1 || this == LEVEL2) {
            return node.isString() || node.isIntegralNumber() ? Optional.of(node.asString()) : Optional.empty();
        }
        return node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    /** A JSON number, or a decimal string as printed on the forms ({@code "1,323,379.00"}). */
    static Optional<BigDecimal> decimal(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isString()) {
            try {
                return Optional.of(new BigDecimal(node.asString().strip().replace(",", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The printed form of a value of this kind, as its cell shows it. */
    public String print(Object value, Printing printing) {
        if (value instanceof Decimal decimal) {
            if (this == AMOUNT) {
                BigDecimal amount = decimal.value();
                return amount.signum() == 0 && printing.blankZeroAmounts() ? "" : Amounts.formatAsGiven(amount, printing.decimals());
            }
            return decimal.toString();
        }
        if (value instanceof Boolean yes) {
            return yes ? "是" : "否";
        }
        if (this == DATE && value instanceof String iso && printing.chineseDates()) {
            return chineseDate(iso);
        }
        return String.valueOf(value);
    }

    /** {@code 2021-09-10} → {@code 2021年9月10日}. */
    static String chineseDate(String iso) {
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(iso);
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        } catch (java.time.DateTimeException e) {
            return iso;
        }
    }

    /**
     * How a form prints its fields.
     *
     * @param decimals         places an amount may carry; it prints with two, and its own beyond them up to these
     * @param blankZeroAmounts a zero amount prints as an empty cell (the target table)
     * @param chineseDates     a date prints as 2021年9月10日, else as 2021-09-10
     */
    public record Printing(int decimals, boolean blankZeroAmounts, boolean chineseDates) {
    }
}
