package cn.jixiao.forms.form.indicator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an indicator value written as free text says, read only to check it (the text itself is printed
 * verbatim): a number with its comparison and unit ({@code ≥95%}, {@code 不少于1000人次}, {@code 1~2名}),
 * a date or deadline ({@code 2024年12月31日前}), or words ({@code 有效提升}).
 *
 * @param kind     what was found
 * @param operator the comparison the value states; {@link Operator#NONE} when it states none
 * @param number   the number (the lower end of a range), null for a date or words
 * @param upper    the upper end of a range, null otherwise
 * @param unit     the unit in its canonical spelling ({@code %}, {@code 万元}, {@code 平方米}, {@code 次/年} …), empty
 *                 when none follows the number
 * @param unitAsWritten the unit as the text spells it ({@code 百分比} for {@code %})
 * @param prefix   words before the comparison or number ({@code 全院医护人员} in {@code 全院医护人员700人}, {@code 合格率} in
 *                 {@code 合格率应达到95%}: the words joining them to it left out)
 * @param suffix   words after the unit
 * @param text     the value as written
 */
public record IndicatorValue(Kind kind, Operator operator, BigDecimal number, BigDecimal upper, String unit,
                             String unitAsWritten, String prefix, String suffix, String text) {
    private static final Pattern YEARS = Pattern.compile("(1[89]|2[01])\\d{2}(-(1[89]|2[01])\\d{2})?年度?");

    public enum Kind {
        /** Nothing written. */
        EMPTY,
        /** A number, possibly with a comparison and a unit. */
        NUMBER,
        /** Two numbers, {@code 1~2名}. */
        RANGE,
        /** A calendar date or deadline: {@code 2024年12月31日前}, {@code 年底前}. */
        DATE,
        /** Words only: {@code 提升}, {@code 按期完成}. */
        QUALITATIVE
    }

    public enum Operator {
        NONE(""), AT_LEAST("≥"), MORE_THAN(">"), AT_MOST("≤"), LESS_THAN("<"), EQUAL("=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether more is better: ≥, >, = and no comparison at all (a plain target is met by reaching it). */
        public boolean upward() {
            return this != AT_MOST && this != LESS_THAN;
        }
    }

    /** Reads a value; never fails (what cannot be read is {@link Kind#QUALITATIVE}). */
    public static IndicatorValue read(String text) {
        return ValueReader.read(text);
    }

    public boolean isNumeric() {
        return kind == Kind.NUMBER || kind == Kind.RANGE;
    }

    public boolean isPercentage() {
        return isNumeric() && unit.equals("%");
    }

    /** A percentage, or a number without a unit, which the forms write for one ({@code 100} for 100 %). */
    public boolean readsAsPercent() {
        return isNumeric() && (unit.equals("%") || unit.isEmpty());
    }

    /**
     * A share of a whole, as a 率 is written: a percentage, per mille (3‰), per 10万 (≤250/10万), or a bare number,
     * which the forms write for a percentage.
     */
    public boolean readsAsShare() {
        return isNumeric() && (unit.isEmpty() || Units.isShare(unit));
    }

    /** A number written as a value of its own: nothing but the comparison, the number and the unit. */
    public boolean isPlain() {
        return isNumeric() && prefix.isEmpty() && suffix.isEmpty();
    }

    /**
     * A number led by words that say what it measures, and nothing after it: {@code 满意度≥90%}, {@code 合格率达到95%},
     * {@code 2021年完成率100%}; the words are Chinese, with at most a year among them (a number there, 3号楼, is no word).
     */
    public boolean ledByWords() {
        if (!isNumeric() || prefix.isEmpty() || !suffix.isEmpty()) {
            return false;
        }
        String words = YEARS.matcher(prefix).replaceAll("");
        return words.codePoints().noneMatch(Character::isDigit)
                && words.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The unit's kind of quantity: money, time, or the unit itself. */
    public String dimension() {
        return Units.dimension(unit);
    }

    /** Whether the value is an amount of money, a total or per something ({@code ≤500元/人}). */
    public boolean isAmount() {
        return isNumeric() && Units.isMoney(unit);
    }

    /** The amount in 元, for a value in 元, 万元 or 亿元. */
    public Optional<BigDecimal> inYuan() {
        return number == null ? Optional.empty() : Units.toYuan(number, unit);
    }

    /**
     * Whether the value says when or how quickly: a date, a deadline, a duration ({@code 3个工作日}), or a share by a
     * date ({@code 年底前完成率达到100%}).
     */
    public boolean isTimeBound() {
        return kind == Kind.DATE || isNumeric() && (Units.isTime(unit) || ValueReader.mentionsDate(prefix));
    }
}
