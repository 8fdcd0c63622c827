package cn.jixiao.forms.form.indicator;

import java.util.Optional;

/**
 * A 率 or 比例 indicator whose value is words, a date or a number in another unit; a bare number reads as percent, and
 * a rate per mille or per 10万 is a share too.
 */
final class RateWithoutPercentage implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (!IndicatorName.isRate(indicator.name()) || value.readsAsShare()) {
            return Optional.empty();
        }
        return Optional.of("不是百分比：比率指标请写成百分比，如「≥95%」「≤10%」");
    }
}
