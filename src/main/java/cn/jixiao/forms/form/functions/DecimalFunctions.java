package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.BOOL;
import static cn.jixiao.forms.form.functions.Functions.DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.DECIMALS;
import static cn.jixiao.forms.form.functions.Functions.INT;
import static cn.jixiao.forms.form.functions.Functions.OPTIONAL_DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.OPTIONAL_DECIMALS;
import static cn.jixiao.forms.form.functions.Functions.STRING;

import dev.cel.common.types.ListType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.IntPredicate;

/**
 * The decimal type: written {@code decimal('43.20')} or read from a document's amounts; {@code + - *} exact,
 * {@code /} to 34 significant digits, compared by value; {@code round(x, 2)} half up, as money is rounded
 * here. A decimal never meets a double: {@code x * 1.1} is refused when the form loads.
 */
final class DecimalFunctions {
    private static final BigDecimal LARGEST = new BigDecimal("1e30");

    private DecimalFunctions() {
    }

    static void register(Functions f) {
        f.unary("decimal", "decimal_string", DECIMAL, STRING, String.class, DecimalFunctions::parse);
        f.unary("decimal", "decimal_int", DECIMAL, INT, Long.class, Decimal::of);
        arithmetic(f, "_+_", "add_decimal", BigDecimal::add);
        arithmetic(f, "_-_", "subtract_decimal", BigDecimal::subtract);
        arithmetic(f, "_*_", "multiply_decimal", BigDecimal::multiply);
        arithmetic(f, "_/_", "divide_decimal", (a, b) -> a.divide(b, MathContext.DECIMAL128));
        f.unary("-_", "negate_decimal", DECIMAL, DECIMAL, Decimal.class, a -> Decimal.of(a.value().negate()));
        comparison(f, "_<_", "less_decimal", c -> c < 0);
        comparison(f, "_<=_", "less_equals_decimal", c -> c <= 0);
        comparison(f, "_>_", "greater_decimal", c -> c > 0);
        comparison(f, "_>=_", "greater_equals_decimal", c -> c >= 0);
        f.binary("round", "round_decimal_int", DECIMAL, DECIMAL, Decimal.class, INT, Long.class,
                (a, places) -> Decimal.of(a.value().setScale(places.intValue(), RoundingMode.HALF_UP)));
        f.binary("min", "min_decimal", DECIMAL, DECIMAL, Decimal.class, DECIMAL, Decimal.class, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        f.binary("max", "max_decimal", DECIMAL, DECIMAL, Decimal.class, DECIMAL, Decimal.class, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        f.unary("abs", "abs_decimal", DECIMAL, DECIMAL, Decimal.class, a -> Decimal.of(a.value().abs()));
        f.unary("string", "string_decimal", STRING, DECIMAL, Decimal.class, Decimal::toString);
        f.member("sum", "sum_decimals", DECIMAL, Functions.types(DECIMALS), List.of(List.class),
                args -> sum(decimals(args[0])));
        f.member("sum", "sum_optional_decimals", DECIMAL, Functions.types(OPTIONAL_DECIMALS), List.of(List.class),
                args -> sum(present(args[0])));
        f.member("sum", "sum_ints", INT, Functions.types(ListType.create(INT)), List.of(List.class),
                args -> ((List<?>) args[0]).stream().mapToLong(v -> (Long) v).sum());
        f.member("addUp", "add_up_optional_decimals", OPTIONAL_DECIMAL, Functions.types(OPTIONAL_DECIMALS),
                List.of(List.class), args -> {
                    List<Decimal> present = present(args[0]);
                    return present.isEmpty() ? Optional.empty() : Optional.of(sum(present));
                });
        f.unary("isZero", "is_zero_decimal", BOOL, DECIMAL, Decimal.class, a -> a.value().signum() == 0);
    }

    private static Decimal parse(String text) {
        BigDecimal value = new BigDecimal(text.strip());
        if (value.abs().compareTo(LARGEST) > 0 || value.scale() > 30 || value.scale() < -30) {
            throw new ArithmeticException("decimal out of range: " + text);
        }
        return Decimal.of(value);
    }

    private static void arithmetic(Functions f, String operator, String id, BinaryOperator<BigDecimal> operation) {
        f.binary(operator, id, DECIMAL, DECIMAL, Decimal.class, DECIMAL, Decimal.class,
                (a, b) -> Decimal.of(operation.apply(a.value(), b.value())));
    }

    private static void comparison(Functions f, String operator, String id, IntPredicate holds) {
        f.binary(operator, id, BOOL, DECIMAL, Decimal.class, DECIMAL, Decimal.class, (a, b) -> holds.test(a.compareTo(b)));
    }

    static Decimal sum(List<Decimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (Decimal value : values) {
            total = total.add(value.value());
        }
        return Decimal.of(total);
    }

    @SuppressWarnings("unchecked")
    static List<Decimal> decimals(Object list) {
        return (List<Decimal>) list;
    }

    @SuppressWarnings("unchecked")
    static List<Decimal> present(Object list) {
        return ((List<Optional<Decimal>>) list).stream().flatMap(Optional::stream).toList();
    }
}
