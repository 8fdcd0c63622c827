package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy.Level1;
import java.util.Optional;

/** The budget's execution (预算执行率, 资金到位率, 拨付率 …) counted as an 产出 or 效益 of the project. */
final class InputCountedAsResult {
    private InputCountedAsResult() {
    }

    static Optional<String> problem(IndicatorDescription indicator) {
        Level1 level1 = indicator.level1();
        if (level1 == Level1.SATISFACTION || !IndicatorName.isBudgetInput(indicator.name())) {
            return Optional.empty();
        }
        String shouldShow = level1 == Level1.OUTPUT ? "项目完成的数量、质量、时效和成本" : "项目带来的经济、社会、生态效益和可持续影响";
        return Optional.of(Problems.quote(indicator.name()) + "反映的是预算资金的到位和执行，属于投入，不宜列为" + level1.label() + "："
                + level1.label() + "应反映" + shouldShow + "，请删去或换成这样的指标");
    }
}
