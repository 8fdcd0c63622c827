package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.functions.Decimal;
import cn.jixiao.forms.form.shape.FieldKind;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A figure worked out on an object ({@code x-derive}): its name in the view and for later expressions, its
 * expression, how it prints, and the cell it fills for an editor ({@code figure}: a field's pointer relative to the
 * object, or its own name) — null for a value only the template uses.
 *
 * @param sumOf for a 总计 declared with {@code x-sum-of}: the fields it adds up; empty otherwise
 */
public record Figure(String name, Expression expression, Format format, String cell, FieldKind kind, List<String> sumOf) {

    /** How a figure prints. */
    public enum Format {
        /** As the kind of the field it stands for prints (an amount {@code 1,323,379.00}), else as written. */
        NATURAL,
        AMOUNT,
        /** As written: {@code 98.30}, {@code 8.6}. */
        PLAIN,
        /** With a percent sign: {@code 86.20%}. */
        PERCENT,
        /** Points without a decimal when whole: {@code 50}, {@code 12.5}. */
        POINTS,
        /** Two decimals, half up: {@code 98.00}. */
        FIXED2;

        static Format of(String declared) {
            return declared == null || declared.isEmpty() ? NATURAL : valueOf(declared.toUpperCase(Locale.ROOT));
        }

        static List<String> names() {
            return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** The figure as its cell prints it. */
    public String print(Object value, FieldKind.Printing printing) {
        if (value instanceof Decimal decimal) {
            return switch (format) {
                case NATURAL -> kind != null ? kind.print(value, printing) : decimal.toString();
                case AMOUNT -> FieldKind.AMOUNT.print(value, printing);
                case PLAIN -> decimal.toString();
                case PERCENT -> decimal + "%";
                case POINTS -> decimal.value().signum() == 0 ? "0" : decimal.value().stripTrailingZeros().toPlainString();
                case FIXED2 -> decimal.value().setScale(2, RoundingMode.HALF_UP).toPlainString();
            };
        }
        if (value instanceof Boolean yes && format != Format.NATURAL) {
            return yes ? "是" : "否";
        }
        return kind != null ? kind.print(value, printing) : String.valueOf(value);
    }
}
