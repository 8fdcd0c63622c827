package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level1;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A 满意度 target in percent (or a bare number, read as percent) below the configured minimum. A share of the
 * dissatisfied ({@code 投诉率}, {@code 不满意率}; but {@code 投诉处理满意度} is one) or a cap on something not named 满意 ({@code 差评率 ≤5%}) is no
 * satisfaction rate and is left alone.
 */
final class SatisfactionBelowMinimum implements ValueCheck {
    private final int minimumPercent;

    SatisfactionBelowMinimum(int minimumPercent) {
        this.minimumPercent = minimumPercent;
    }

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (indicator.level1() != Level1.SATISFACTION || !value.readsAsPercent() || !satisfactionRate(indicator, value)
                || value.number().compareTo(BigDecimal.valueOf(minimumPercent)) >= 0) {
            return Optional.empty();
        }
        return Optional.of("低于满意度的最低要求 " + minimumPercent + "%：请定为「≥" + minimumPercent + "%」或更高");
    }

    private static boolean satisfactionRate(IndicatorDescription indicator, IndicatorValue value) {
        String name = indicator.name();
        if (name.contains("不满意") || name.contains("投诉") && !name.contains("满意")) {
            return false;
        }
        return value.operator().upward() || name.contains("满意");
    }
}
