package cn.jixiao.forms.form.selfeval;

import cn.jixiao.forms.form.indicator.IndicatorValue;
import cn.jixiao.forms.form.selfeval.SelfEvaluationForm.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An indicator's 得分 as the arithmetic gives it from its 年度指标值 and 实际完成值: a target met earns the
 * whole 分值; one missed earns 分值 × 实际 ÷ 目标 (for a ≤ or &lt; target 分值 × 目标 ÷ 实际), never below 0 nor
 * above 分值. Only plain numbers in one unit are compared; anything else ({@code 提升}, {@code 按期完成}) is
 * judged by people and needs a given score.
 *
 * @param points  the score, two decimals; null when it cannot be worked out
 * @param working how it was reached ({@code 10 × 37.24 ÷ 43.2 = 8.62}), or why it cannot be
 */
record IndicatorScore(BigDecimal points, String working) {

    boolean computed() {
        return points != null;
    }

    /** The score of an indicator that has a 分值. */
    static IndicatorScore of(Indicator indicator) {
        BigDecimal weight = indicator.weight();
        IndicatorValue target = IndicatorValue.read(indicator.target());
        IndicatorValue actual = IndicatorValue.read(indicator.actual());
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
        return new IndicatorScore(weight.setScale(2, RoundingMode.HALF_UP), "实际完成值「" + actual.text()
                + "」达到年度指标值「" + target.text() + "」，得满分 " + weight.toPlainString());
    }

    /** 分值 × part ÷ whole, where part &lt; whole: a missed target. */
    private static IndicatorScore scaled(BigDecimal weight, BigDecimal part, BigDecimal whole) {
        BigDecimal points = weight.multiply(part).divide(whole, 2, RoundingMode.HALF_UP);
        return new IndicatorScore(points, weight.toPlainString() + " × " + part.toPlainString() + " ÷ "
                + whole.toPlainString() + " = " + points.toPlainString());
    }

    private static IndicatorScore cannot(String reason) {
        return new IndicatorScore(null, reason);
    }

    /** The score printed in the 得分 cell: as given, else as worked out; none for a row without 分值. */
    static Optional<BigDecimal> printed(Indicator indicator) {
        if (indicator.score() != null) {
            return Optional.of(indicator.score());
        }
        if (indicator.weight() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(of(indicator).points());
    }
}
