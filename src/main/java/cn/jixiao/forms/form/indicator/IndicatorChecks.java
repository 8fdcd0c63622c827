package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.indicator.NamedValue.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks an auditor makes of a project's indicators, as warnings: the form still renders. A form type
 * describes each project ({@link ProjectContext}) and its indicators ({@link IndicatorDescription}) and calls
 * {@link #check}; see the package description.
 */
public final class IndicatorChecks {
    /** The checks with their defaults: a 满意度 target below 80 % is worth a second look. */
    public static final IndicatorChecks DEFAULT = new IndicatorChecks(80);

    private final int minSatisfactionPercent;
    private final List<ValueCheck> valueChecks;

    /** @param minSatisfactionPercent a 满意度 target below this many percent is reported */
    public IndicatorChecks(int minSatisfactionPercent) {
        this.minSatisfactionPercent = minSatisfactionPercent;
        this.valueChecks = List.of(
                new PercentInWords(),
                new RateWithoutPercentage(),
                new RateBeyondHundred(),
                new QuantityAsPercentage(),
                new CostWithoutAmount(),
                new CostAboveBudget(),
                new TimelinessWithoutTime(),
                new SatisfactionWithoutNumber(),
                new SatisfactionBelowMinimum(minSatisfactionPercent));
    }

    public int minSatisfactionPercent() {
        return minSatisfactionPercent;
    }

    /** Adds a warning, at the path of what it concerns, for everything the checks find in one project. */
    public void check(ProjectContext project, List<IndicatorDescription> indicators, Problems problems) {
        for (IndicatorDescription indicator : indicators) {
            InputCountedAsResult.problem(indicator).ifPresent(message -> problems.warning(indicator.path(), message));
            Set<String> reported = checkTargets(indicator, project, problems);
            checkAchieved(indicator, problems, reported);
            for (Problem disagreement : UnitsDisagree.problems(indicator, reported)) {
                problems.warning(disagreement.path(), disagreement.message());
            }
        }
        for (String message : MissingOutputOrBenefit.problems(project, indicators)) {
            problems.warning(project.indicatorsPath(), message);
        }
    }

    /** What was achieved is read for one slip of its own: a rate above 100 %. */
    private static void checkAchieved(IndicatorDescription indicator, Problems problems, Set<String> reported) {
        for (NamedValue value : indicator.values()) {
            if (value.role() == Role.ACTUAL && value.filledIn()) {
                IndicatorValue read = IndicatorValue.read(value.text());
                RateBeyondHundred.achievedAbove(indicator, read).ifPresent(problem -> {
                    problems.warning(value.path(), message(indicator, value.label(), read, problem));
                    reported.add(value.path());
                });
            }
        }
    }

    /**
     * Runs the value checks on the indicator's targets; targets written alike (实施周期 and 年度 both 100%)
     * share one warning, placed at the first. Returns the paths of the values warned about.
     */
    private Set<String> checkTargets(IndicatorDescription indicator, ProjectContext project, Problems problems) {
        Map<String, List<NamedValue>> alike = new LinkedHashMap<>();
        for (NamedValue value : indicator.values()) {
            if (value.role() == Role.TARGET && value.filledIn()) {
                alike.computeIfAbsent(value.text(), text -> new ArrayList<>()).add(value);
            }
        }
        Map<IndicatorValue, List<NamedValue>> read = new LinkedHashMap<>();
        alike.forEach((text, values) -> read.put(IndicatorValue.read(text), values));
        Set<String> reported = new HashSet<>();
        for (ValueCheck check : valueChecks) {
            read.forEach((value, values) -> check.problem(indicator, value, project).ifPresent(problem -> {
                String labels = values.stream().map(NamedValue::label).collect(Collectors.joining("、"));
                problems.warning(new Problem(values.get(0).path(), message(indicator, labels, value, problem), null, null,
                        check.fix(indicator).orElse(null)));
                values.forEach(named -> reported.add(named.path()));
            }));
        }
        return reported;
    }

    /** 「name」的labels「value」problem: which indicator, which of its values, what is wrong. */
    private static String message(IndicatorDescription indicator, String labels, IndicatorValue value, String problem) {
        return Problems.quote(indicator.name()) + "的" + labels + Problems.quote(value.text()) + problem;
    }
}
