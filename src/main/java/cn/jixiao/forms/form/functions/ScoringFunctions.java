package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.OPTIONAL_DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.STRING;

import cn.jixiao.forms.form.indicator.IndicatorValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * An indicator's 得分 as the 10号 scoring gives it from its 年度指标值 and 实际完成值: a target met earns the whole
 * 分值; one missed earns 分值 × 实际 ÷ 目标 (for a ≤ or &lt; target 分值 × 目标 ÷ 实际), never below 0 nor above
 * 分值; a range ({@code 1~2名}) is met inside it. Only plain numbers in one unit are compared (the result may
 * leave its unit out); anything else ({@code 提升}, {@code 按期完成}) is judged by people.
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
        if (!target.isPlain()) {
            return cannot("年度指标值「" + target.text() + "」不是可直接比较的数值");
        }
        if (actual.kind() == IndicatorValue.Kind.EMPTY) {
            return cannot("没有实际完成值");
        }
        if (actual.kind() != IndicatorValue.Kind.NUMBER || !actual.isPlain()) {
            return cannot("实际完成值「" + actual.text() + "」不是可直接比较的数值");
        }
        if (!actual.unit().isEmpty() && !actual.unit().equals(target.unit())) {
            return cannot("年度指标值「" + target.text() + "」与实际完成值「" + actual.text() + "」单位不同");
        }
        BigDecimal done = actual.number();
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
