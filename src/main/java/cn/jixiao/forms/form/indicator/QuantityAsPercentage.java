package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Taxonomy.Level2;
import java.util.Optional;

/** A 数量指标 whose value is a percentage: usually a 质量指标 put in the wrong row. */
final class QuantityAsPercentage implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (!indicator.is(Level2.QUANTITY) || !value.isPercentage()) {
            return Optional.empty();
        }
        return Optional.of("是百分比，但本指标列在" + Level2.QUANTITY.codedLabel() + "下：数量指标请写明数量和单位，如「2台」「1200人次」；"
                + "合格率、通过率一类比率请改列为" + Level2.QUALITY.codedLabel());
    }

    /** The same move for every such indicator: to 质量指标, where a share belongs. */
    @Override
    public Optional<Problem.Fix> fix(IndicatorDescription indicator) {
        return Optional.ofNullable(indicator.level2Path())
                .map(path -> new Problem.Fix(path, Level2.QUALITY.label(), "改列为" + Level2.QUALITY.codedLabel(),
                        Level2.QUANTITY.label() + "以百分比表示"));
    }
}
