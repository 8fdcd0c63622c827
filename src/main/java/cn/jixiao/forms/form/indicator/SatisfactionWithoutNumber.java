package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level1;
import java.util.Optional;

/** A 满意度指标 without a number (满意, 较高); a 满意率 in words is the rate checks' to report. */
final class SatisfactionWithoutNumber implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (indicator.level1() != Level1.SATISFACTION || IndicatorName.isRate(indicator.name()) || value.isNumeric()) {
            return Optional.empty();
        }
        return Optional.of("没有数值：满意度指标请写明比例，如「≥90%」");
    }
}
