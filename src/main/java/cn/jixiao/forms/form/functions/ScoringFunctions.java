package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.OPTIONAL_DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.STRING;

import cn.jixiao.forms.form.indicator.IndicatorValue;
import cn.jixiao.forms.form.indicator.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * An indicator's 得分 as the 10号 scoring gives it from its 年度指标值 and 实际完成值: a target met earns the whole
 * 分值; one missed earns 分值 × 实际 ÷ 目标 (for a ≤ or &lt; target 分值 × 目标 ÷ 实际), never below 0 nor above
 * 分值; a range ({@code 1~2名}) is met inside it. Only numbers in one unit are compared (the result may leave its unit
 * out; 元 and 万元 are converted; {@code 1.2万人次} is 12,000 人次), either perhaps led by the words it measures
 * ({@code 满意度≥90%}, {@code 合格率达到95%}, {@code 满意度92%}); anything else ({@code 提升}, {@code 按期完成}) is judged by
 * people.
 */
public final class ScoringFunctions {

    private ScoringFunctions() {
    }

    /**
     * @param points  the score, two decimals; null when it cannot be worked out
     * @param working how it was reached ({@code 10 × 37.24 ÷ 43.2 = 8.62}), or why it cannot be
     */
    public record Score(BigDecimal points, String working) {
    }

    static void register(Functions f) {
        f.global("score", "score_indicator", OPTIONAL_DECIMAL, Functions.types(STRING, STRING, DECIMAL),
                List.of(String.class, String.class, Decimal.class),
                args -> Optional.ofNullable(score((String) args[0], (String) args[1], ((Decimal) args[2]).value()).points())
                        .map(Decimal::of));
        f.global("scoreWorking", "score_working", STRING, Functions.types(STRING, STRING, DECIMAL),
                List.of(String.class, String.class, Decimal.class),
                args -> score((String) args[0], (String) args[1], ((Decimal) args[2]).value()).working());
    }

    /** The score of an indicator worth {@code weight} points, its target and result as written ("" for none). */
    public static Score score(String targetText, String actualText, BigDecimal weight) {
        IndicatorValue target = IndicatorValue.read(targetText);
        IndicatorValue actual = IndicatorValue.read(actualText);
        if (target.kind() == IndicatorValue.Kind.EMPTY) {
            return cannot("没有年度指标值");
        }
        if (!comparable(target)) {
            return cannot("年度指标值「" + target.text() + "」不是可直接比较的数值");
        }
        if (actual.kind() == IndicatorValue.Kind.EMPTY) {
            return cannot("没有实际完成值");
        }
        if (actual.kind() != IndicatorValue.Kind.NUMBER || !comparable(actual) || !sameMeasure(actual, target)) {
            return cannot("实际完成值「" + actual.text() + "」不是可直接比较的数值");
        }
        Optional<BigDecimal> factor = factor(actual.unit(), target.unit());
        if (factor.isEmpty()) {
            return cannot("年度指标值「" + target.text() + "」与实际完成值「" + actual.text() + "」单位不同");
        }
        BigDecimal done = factor.get().compareTo(BigDecimal.ONE) == 0 ? actual.number()
                : actual.number().multiply(factor.get()).stripTrailingZeros();
        BigDecimal low = target.number();
        BigDecimal high = target.kind() == IndicatorValue.Kind.RANGE ? target.upper() : target.number();
        boolean upward = target.kind() == IndicatorValue.Kind.RANGE || target.operator().upward();
        boolean downward = target.kind() == IndicatorValue.Kind.RANGE || !target.operator().upward();
        if (upward && done.compareTo(low) < 0) {
            return scaled(weight, done, low);
        }
        if (downward && done.compareTo(high) > 0) {
            return scaled(weight, high, done);
        }
        return new Score(weight.setScale(2, RoundingMode.HALF_UP), "实际完成值「" + actual.text()
                + "」达到年度指标值「" + target.text() + "」，得满分 " + weight.toPlainString());
    }

    /** A number to compare: nothing after it, and before it nothing, or the words that say what it measures ({@code 满意度≥90%}). */
    private static boolean comparable(IndicatorValue value) {
        return value.isNumeric() && value.suffix().isEmpty() && (value.prefix().isEmpty() || value.ledByWords());
    }

    /**
     * Whether the result measures what the target does: one of them says nothing of it, or they say the same, one perhaps
     * more fully ({@code 服务对象满意度≥90%} and {@code 满意度92%}); {@code 投诉率5%} is no 满意度.
     */
    private static boolean sameMeasure(IndicatorValue actual, IndicatorValue target) {
        String done = actual.prefix();
        String aimed = target.prefix();
        return done.isEmpty() || aimed.isEmpty() || done.endsWith(aimed) || aimed.endsWith(done);
    }

    /**
     * What the result's number is multiplied by to be in the target's unit: 1 for the same unit or none, 10000 for
     * 万元 against a target in 元; empty for units that do not compare.
     */
    private static Optional<BigDecimal> factor(String actualUnit, String targetUnit) {
        if (actualUnit.isEmpty() || actualUnit.equals(targetUnit)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> actualYuan = Units.toYuan(BigDecimal.ONE, actualUnit);
        Optional<BigDecimal> targetYuan = Units.toYuan(BigDecimal.ONE, targetUnit);
        if (actualYuan.isEmpty() || targetYuan.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(actualYuan.get().divide(targetYuan.get(), MathContext.DECIMAL128));
    }

    /** 分值 × part ÷ whole, where part &lt; whole: a missed target. */
    private static Score scaled(BigDecimal weight, BigDecimal part, BigDecimal whole) {
        BigDecimal points = whole.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : weight.multiply(part).divide(whole, 2, RoundingMode.HALF_UP).max(BigDecimal.ZERO.setScale(2));
        return new Score(points, weight.toPlainString() + " × " + part.toPlainString() + " ÷ "
                + whole.toPlainString() + " = " + points.toPlainString());
    }

    private static Score cannot(String reason) {
        return new Score(null, reason);
    }
}
