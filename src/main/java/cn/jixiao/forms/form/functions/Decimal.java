package cn.jixiao.forms.form.functions;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money and other exact figures as the expressions of a form see them: a {@link BigDecimal} that is equal to
 * another of the same value whatever their scales ({@code 10 == 10.00}), as people compare figures. It keeps the
 * scale it was written with, so that a stated figure prints as given.
 */
public final class Decimal implements Comparable<Decimal> {
    public static final Decimal ZERO = new Decimal(BigDecimal.ZERO);
    private final BigDecimal value;

    private Decimal(BigDecimal value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Decimal of(BigDecimal value) {
        return new Decimal(value);
    }

    public static Decimal of(long value) {
        return new Decimal(BigDecimal.valueOf(value));
    }

    public BigDecimal value() {
        return value;
    }

    @Override
    public int compareTo(Decimal other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decimal decimal && value.compareTo(decimal.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    /** As written, without an exponent: {@code 43.2}, {@code 8.62}. */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
