package cn.jixiao.forms.form.indicator;

import java.util.Optional;

/**
 * A percentage with its sign written as a word ({@code ≥100百分比}), a slip of published forms: it is read as the
 * percentage it means, and the value is asked to be written with {@code %}.
 */
final class PercentInWords implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (!value.isNumeric() || !value.unitAsWritten().equals("百分比")) {
            return Optional.empty();
        }
        return Optional.of("把百分号写成了「百分比」：请写作「" + value.text().strip().replace("百分比", "%") + "」");
    }
}
