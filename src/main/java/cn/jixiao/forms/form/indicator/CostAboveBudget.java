package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level2;
import cn.jixiao.forms.form.indicator.ProjectContext.Budget;
import java.math.BigDecimal;
import java.util.Optional;

/** A 成本指标 whose amount, in 元, exceeds the project's whole budget: usually 元 and 万元 confused. */
final class CostAboveBudget implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        Optional<BigDecimal> amount = value.inYuan();
        if (!indicator.is(Level2.COST) || amount.isEmpty() || project.budget().isEmpty()) {
            return Optional.empty();
        }
        Budget budget = project.budget().get();
        if (amount.get().compareTo(budget.inYuan()) <= 0) {
            return Optional.empty();
        }
        return Optional.of("超过本项目" + budget.printed() + "：成本不会超过项目预算，请核对金额和单位（元、万元）");
    }
}
