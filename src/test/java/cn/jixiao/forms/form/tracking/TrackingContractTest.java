package cn.jixiao.forms.form.tracking;

import static cn.jixiao.forms.testing.Contract.bad;
import static cn.jixiao.forms.testing.JsonEdit.REMOVE;

import cn.jixiao.forms.testing.Contract;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of the tracking document, tried with bad values: a 422 naming the field, never a 500. */
class TrackingContractTest {
    private static final String F = "/forms/0";
    private static final String I = "/forms/0/indicators/0";

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("", "forms", REMOVE),
                bad("", "forms", "[]"),
                bad("", "forms", "{}"),
                bad("", "extra", "1"),
                bad(F, "projectName", REMOVE),
                bad(F, "projectName", "\"\""),
                bad(F, "projectName", "42"),
                bad(F, "budgetUnit", REMOVE),
                bad(F, "budgetUnit", "null"),
                bad(F, "implementingDepartment", "[\"科室\"]"),
                bad(F, "trackingPeriod", REMOVE),
                bad(F, "trackingPeriod", "\"2021-01-01 2021-08-31\""),
                bad(F + "/trackingPeriod", "start", "\"2021-02-30\""),
                bad(F + "/trackingPeriod", "start", "\"2021/01/01\""),
                bad(F + "/trackingPeriod", "end", "\"2020-12-31\""),
                bad(F + "/trackingPeriod", "end", REMOVE),
                bad(F + "/trackingPeriod", "middle", "\"2021-05-01\""),
                bad(F, "recurring", "\"是\""),
                bad(F, "recurring", "1"),
                bad(F, "annualBudget", REMOVE),
                bad(F, "annualBudget", "-1"),
                bad(F, "annualBudget", "1.005"),
                bad(F, "annualBudget", "\"1,3233,79.00\""),
                bad(F, "annualBudget", "\"1 323 379.00\""),
                bad(F, "annualBudget", "\"一百万\""),
                bad(F, "annualBudget", "1e400"),
                bad(F, "annualBudget", "true"),
                bad(F, "executedAmount", "-0.01"),
                bad(F, "executedAmount", "\"12.345\""),
                bad(F, "executionRate", "-5"),
                bad(F, "executionRate", "\"98.38%\""),
                bad(F, "executionRate", "98.385"),
                bad(F, "executionRate", "100000"),
                bad(F, "budgetAdjustmentNeeded", "\"否\""),
                bad(F, "annualGoal", REMOVE),
                bad(F, "annualGoal", "{\"text\":\"x\"}"),
                bad(F, "indicators", REMOVE),
                bad(F, "indicators", "{}"),
                bad(I, "level1", REMOVE),
                bad(I, "level1", "\"产出效益指标\""),
                bad(I, "level1", "4"),
                bad(I, "level1", "\"11-数量指标\""),
                bad(I, "name", REMOVE),
                bad(I, "name", "\"\""),
                bad(I, "annualTarget", "100"),
                bad(I, "expectedValue", "[1]"),
                bad(I, "completion", "false"),
                bad(I, "deviation", "70"),
                bad(I, "deviationReason", "{}"),
                bad(I, "correctiveAction", "1"),
                bad(I, "weight", "\"10\""),
                bad(F, "remarks", "0"),
                bad(F, "reviewer", "[]"),
                bad(F, "preparer", "{}"),
                bad(F, "reportDate", "\"2021-13-01\""),
                bad(F, "reportDate", "20210910"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueIsRefusedNamingTheField(String pointer, Object value) {
        Contract.assertRefusedNaming("performance-tracking", pointer, value);
    }
}
