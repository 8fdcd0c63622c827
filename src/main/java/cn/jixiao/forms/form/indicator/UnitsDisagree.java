package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Values of one indicator that read as numbers of different kinds of unit (100 and 100%, 95 and ≥95%,
 * 2台 and 2个); 元 and 万元, or 天 and 小时, are one kind. Each later value is compared with the first.
 */
final class UnitsDisagree {
    private UnitsDisagree() {
    }

    /** The disagreements among the values not in {@code reported}: one already warned about is not judged again. */
    static List<Problem> problems(IndicatorDescription indicator, Set<String> reported) {
        List<NamedValue> numbers = new ArrayList<>();
        for (NamedValue value : indicator.values()) {
            if (!reported.contains(value.path()) && IndicatorValue.read(value.text()).isNumeric()) {
                numbers.add(value);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 1; i < numbers.size(); i++) {
            NamedValue first = numbers.get(0);
            NamedValue later = numbers.get(i);
            IndicatorValue a = IndicatorValue.read(first.text());
            IndicatorValue b = IndicatorValue.read(later.text());
            if (a.dimension().equals(b.dimension())) {
                continue;
            }
            String both = Problems.quote(indicator.name()) + "的" + first.label() + Problems.quote(first.text()) + "与"
                    + later.label() + Problems.quote(later.text()) + "单位不一致：";
            if (a.unit().isEmpty()) {
                problems.add(new Problem(first.path(), both + "请在" + first.label() + "中写明单位，如" + Problems.quote(withUnit(a, b.unit()))));
            } else if (b.unit().isEmpty()) {
                problems.add(new Problem(later.path(), both + "请在" + later.label() + "中写明单位，如" + Problems.quote(withUnit(b, a.unit()))));
            } else {
                problems.add(new Problem(later.path(), both + "一个以「" + a.unit() + "」计，一个以「" + b.unit() + "」计，请用同一单位填写"));
            }
        }
        return problems;
    }

    /** A bare number given the unit of the other value: 95 → 95%. */
    private static String withUnit(IndicatorValue bare, String unit) {
        String number = bare.number().toPlainString() + (bare.upper() == null ? "" : "~" + bare.upper().toPlainString());
        return bare.operator().symbol() + number + unit;
    }
}
