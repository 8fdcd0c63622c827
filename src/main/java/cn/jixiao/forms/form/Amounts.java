package cn.jixiao.forms.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money on the forms: checked once at the input, printed as {@code 1,323,379.00}. */
public final class Amounts {
    /** The largest amount in 元 a form accepts: 千亿 less a fen; keeps every amount inside its column. */
    public static final BigDecimal MAX = new BigDecimal("99999999999.99");
    /** The same ceiling in 万元, where a column is sized for it. */
    public static final BigDecimal MAX_IN_WAN = new BigDecimal("9999999.99");

    private Amounts() {
    }

    /** Adds the reason an amount is unacceptable to {@code problems}; true when it is fine. */
    public static boolean check(BigDecimal amount, String path, Problems problems) {
        return checkDecimal(amount, MAX, "金额", path, problems);
    }

    /** As {@link #check}, with the ceiling of the unit the amount is given in ({@code 元} or {@code 万元}). */
    public static boolean check(BigDecimal amount, String unit, String path, Problems problems) {
        return checkDecimal(amount, maxIn(unit), "以" + unit + "计的金额", path, problems);
    }

    public static BigDecimal maxIn(String unit) {
        return "元".equals(unit) ? MAX : MAX_IN_WAN;
    }

    /**
     * A non-negative decimal of at most two places and at most {@code max}, named {@code what} in messages.
     * True when the value is acceptable (or absent).
     */
    public static boolean checkDecimal(BigDecimal value, BigDecimal max, String what, String path, Problems problems) {
        return checkDecimal(value, max, what, 2, path, problems);
    }

    /** As {@link #checkDecimal(BigDecimal, BigDecimal, String, String, Problems)}, with {@code places} decimals at most. */
    public static boolean checkDecimal(BigDecimal value, BigDecimal max, String what, int places, String path,
                                       Problems problems) {
        if (value == null) {
            return true;
        }
        if (value.signum() < 0) {
            problems.error(path, what + "不能为负数：" + show(value));
        } else if (value.compareTo(max) > 0) {
            problems.error(path, what + "过大：最多 " + format(max));
        } else if (value.stripTrailingZeros().scale() > places) {
            problems.error(path, what + "最多" + (places == 2 ? "两" : String.valueOf(places)) + "位小数：" + show(value));
        } else {
            return true;
        }
        return false;
    }

    /** A value as the client sent it, but never longer than a line: 1E+999999999 stays short. */
    static String show(BigDecimal value) {
        int scale = value.scale();
        String text = scale >= -20 && scale <= 20 && value.precision() <= 40 ? value.toPlainString() : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** {@code 1323379} → {@code 1,323,379.00}. */
    public static String format(BigDecimal amount) {
        return format(amount, 2);
    }

    /** With {@code places} decimals, half up: {@code 968.1918} with four. */
    public static String format(BigDecimal amount, int places) {
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /**
     * As given, up to {@code places} decimals: at least two (or {@code places}, when fewer), the value's own beyond
     * them, half up past {@code places}: {@code 968.1918} and {@code 243.96} with four, {@code 220.00} for 220.
     */
    public static String formatAsGiven(BigDecimal amount, int places) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.min(2, places));
        format.setMaximumFractionDigits(places);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** An empty cell for zero or absent, as the target table prints it. */
    public static String formatOrBlank(BigDecimal amount) {
        return amount == null || amount.signum() == 0 ? "" : format(amount);
    }

    public static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
