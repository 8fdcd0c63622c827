package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level1;
import java.math.BigDecimal;
import java.util.Optional;

/** A 满意度 target in percent (or a bare number, read as percent) below the configured minimum. */
final class SatisfactionBelowMinimum implements ValueCheck {
    private final int minimumPercent;

    SatisfactionBelowMinimum(int minimumPercent) {
        this.minimumPercent = minimumPercent;
    }

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (indicator.level1() != Level1.SATISFACTION || !value.readsAsPercent()
                || value.number().compareTo(BigDecimal.valueOf(minimumPercent)) >= 0) {
            return Optional.empty();
        }
        return Optional.of("低于满意度的最低要求 " + minimumPercent + "%：请定为「≥" + minimumPercent + "%」或更高");
    }
}
