package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import java.util.ArrayList;
import java.util.List;

/** A project without 产出 or without 效益 indicators: what it delivers, or what that brings, is left unsaid. */
final class MissingOutputOrBenefit {
    private MissingOutputOrBenefit() {
    }

    static List<String> problems(ProjectContext project, List<IndicatorDescription> indicators) {
        String name = Problems.quote(project.name());
        if (indicators.isEmpty()) {
            return List.of("项目" + name + "没有绩效指标：请至少填写产出指标和效益指标");
        }
        List<String> problems = new ArrayList<>();
        for (Level1 required : List.of(Level1.OUTPUT, Level1.BENEFIT)) {
            if (indicators.stream().noneMatch(indicator -> indicator.level1() == required)) {
                problems.add("项目" + name + "没有" + required.label() + "：请至少填写一项" + required.label() + "（" + kinds(required) + "）");
            }
        }
        return problems;
    }

    private static String kinds(Level1 level1) {
        List<String> labels = level1.children().stream().map(Level2::label).toList();
        return String.join("、", labels.subList(0, labels.size() - 1)) + "或" + labels.get(labels.size() - 1);
    }
}
