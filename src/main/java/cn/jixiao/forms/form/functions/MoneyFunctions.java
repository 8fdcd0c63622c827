package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.INT;
import static cn.jixiao.forms.form.functions.Functions.OPTIONAL_DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.STRING;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.indicator.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Money and rates as the forms work them out: 执行率, the 资金 score capped at its 分值, 序时进度, units, and
 * amounts printed {@code 1,323,379.00}. Every result is rounded half up to two places, as the forms print it.
 */
public final class MoneyFunctions {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    private MoneyFunctions() {
    }

    static void register(Functions f) {
        f.binary("rate", "rate_decimal_decimal", OPTIONAL_DECIMAL, DECIMAL, Decimal.class, DECIMAL, Decimal.class,
                (part, whole) -> rate(part.value(), whole.value()).map(Decimal::of));
        f.global("cappedScore", "capped_score", OPTIONAL_DECIMAL, Functions.types(DECIMAL, DECIMAL, DECIMAL),
                List.of(Decimal.class, Decimal.class, Decimal.class),
                args -> cappedScore(((Decimal) args[0]).value(), ((Decimal) args[1]).value(), ((Decimal) args[2]).value())
                        .map(Decimal::of));
        f.unary("progress", "progress_int", DECIMAL, INT, Long.class, months -> Decimal.of(progress(months)));
        f.binary("toYuan", "to_yuan", OPTIONAL_DECIMAL, DECIMAL, Decimal.class, STRING, String.class,
                (amount, unit) -> Units.toYuan(amount.value(), unit).map(Decimal::of));
        f.global("inUnit", "in_unit", OPTIONAL_DECIMAL, Functions.types(DECIMAL, STRING, STRING),
                List.of(Decimal.class, String.class, String.class),
                args -> inUnit(((Decimal) args[0]).value(), (String) args[1], (String) args[2]).map(Decimal::of));
        f.unary("maxAmount", "max_amount", DECIMAL, STRING, String.class, unit -> Decimal.of(Amounts.maxIn(unit)));
        f.unary("amount", "amount_decimal", STRING, DECIMAL, Decimal.class, a -> Amounts.format(a.value()));
        f.binary("amount", "amount_decimal_int", STRING, DECIMAL, Decimal.class, INT, Long.class,
                (a, places) -> Amounts.format(a.value(), places.intValue()));
        f.binary("amountAsGiven", "amount_as_given_decimal_int", STRING, DECIMAL, Decimal.class, INT, Long.class,
                (a, places) -> Amounts.formatAsGiven(a.value(), Math.max(0, Math.min(10, places.intValue()))));
    }

    /** part ÷ whole × 100, two decimals half up; none when the whole is zero. */
    public static Optional<BigDecimal> rate(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP));
    }

    /** 分值 × min(part ÷ whole, 1), two decimals half up: the 资金 score; none when the whole is zero. */
    public static Optional<BigDecimal> cappedScore(BigDecimal weight, BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        if (part.compareTo(whole) > 0) {
            return Optional.of(weight.setScale(2, RoundingMode.HALF_UP));
        }
        return Optional.of(weight.multiply(part).divide(whole, 2, RoundingMode.HALF_UP));
    }

    /** An amount of one unit (元, 千元, 万元, 亿元) in another, exactly; none when either is no unit of money. */
    public static Optional<BigDecimal> inUnit(BigDecimal amount, String from, String to) {
        Optional<BigDecimal> yuan = Units.toYuan(amount, from);
        Optional<BigDecimal> one = Units.toYuan(BigDecimal.ONE, to);
        if (yuan.isEmpty() || one.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal converted = yuan.get().divide(one.get(), java.math.MathContext.DECIMAL128).stripTrailingZeros();
        return Optional.of(converted.setScale(Math.max(converted.scale(), Math.max(amount.scale(), 0))));
    }

    /** 序时进度 of the first {@code months} months: months ÷ 12 × 100, two decimals half up (7 → 58.33). */
    public static BigDecimal progress(long months) {
        return BigDecimal.valueOf(months).multiply(HUNDRED).divide(MONTHS, 2, RoundingMode.HALF_UP);
    }
}
