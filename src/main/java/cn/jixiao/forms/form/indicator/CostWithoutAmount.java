package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level2;
import cn.jixiao.forms.form.indicator.ProjectContext.Budget;
import java.util.Optional;

/**
 * A 成本指标 whose value states no amount in 元, 万元 or 亿元. A 率 (经费压缩率 ≥5%) measures cost as a
 * share and is left to the rate checks.
 */
final class CostWithoutAmount implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (!indicator.is(Level2.COST) || IndicatorName.isRate(indicator.name()) || value.isAmount()) {
            return Optional.empty();
        }
        Optional<Budget> budget = project.budget();
        if (value.text().contains("预算") && budget.isPresent()) {
            return Optional.of("只提到预算，没有写出金额：成本指标请写明金额，如「" + budget.get().asCeiling() + "」（本项目"
                    + budget.get().printed() + "）");
        }
        return Optional.of("没有写出金额：成本指标请写明金额和单位（元、万元或亿元），如「≤50万元」");
    }
}
