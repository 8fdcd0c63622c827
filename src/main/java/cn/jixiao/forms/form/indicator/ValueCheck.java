package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Problem;
import java.util.Optional;

/** A check of one target value of one indicator. */
interface ValueCheck {

    /**
     * What is wrong with the value and what to change, worded to follow the quoted value
     * ({@code 「设备验收通过率」的年度指标值「100%」} + {@code 是百分比，但…}); empty when nothing is.
     */
    Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project);

    /** The one change that settles what {@link #problem} found, when there is one. */
    default Optional<Problem.Fix> fix(IndicatorDescription indicator) {
        return Optional.empty();
    }
}
