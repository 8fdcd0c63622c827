package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.indicator.IndicatorValue.Operator;
import java.math.BigDecimal;
import java.util.Optional;

/** A 率 or 比例 target above 100 %, or one only exactly 100 % can meet (≥100%) or none can (>100%). */
final class RateBeyondHundred implements ValueCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String ABOVE = "超过100%：比率最多为100%，请核对数值";

    /**
     * What was achieved of a share no work beyond plan can push past 100 % ({@code 验收合格率 120%}); a 完成率 or
     * 使用率 of 110 % may be true and is left alone.
     */
    static Optional<String> achievedAbove(IndicatorDescription indicator, IndicatorValue value) {
        return IndicatorName.isBoundedShare(indicator.name()) && value.readsAsPercent() && above(value)
                ? Optional.of(ABOVE) : Optional.empty();
    }

    private static boolean above(IndicatorValue value) {
        BigDecimal highest = value.upper() != null ? value.upper() : value.number();
        return highest.compareTo(HUNDRED) > 0;
    }

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (!IndicatorName.isRate(indicator.name()) || IndicatorName.mayExceedHundred(indicator.name())
                || !value.readsAsPercent()) {
            return Optional.empty();
        }
        if (above(value)) {
            return Optional.of(ABOVE);
        }
        if (value.number().compareTo(HUNDRED) == 0 && value.operator() == Operator.MORE_THAN) {
            return Optional.of("要求超过100%，比率做不到：请写成「100%」");
        }
        if (value.number().compareTo(HUNDRED) == 0 && value.operator() == Operator.AT_LEAST) {
            return Optional.of("只有恰好100%才能达到：请写成「100%」或「=100%」");
        }
        return Optional.empty();
    }
}
