package cn.jixiao.forms.form.selfeval;

import static cn.jixiao.forms.testing.Contract.bad;
import static cn.jixiao.forms.testing.JsonEdit.REMOVE;

import cn.jixiao.forms.testing.Contract;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of the self-evaluation document, tried with bad values: a 422 naming the field, never a 500. */
class SelfEvaluationContractTest {
    private static final String F = "/forms/0";
    private static final String FISCAL = "/forms/0/funds/fiscal";
    private static final String I = "/forms/0/indicators/0";

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("", "forms", REMOVE),
                bad("", "forms", "[]"),
                bad("", "forms", "{}"),
                bad("", "extra", "1"),
                bad(F, "year", REMOVE),
                bad(F, "year", "\"2019\""),
                bad(F, "year", "2019.5"),
                bad(F, "year", "1899"),
                bad(F, "year", "2200"),
                bad(F, "attachment", "\"附件\\n1\""),
                bad(F, "attachment", "1"),
                bad(F, "attachment", "\"附件一二三四五六七八九十一二三四五六七八九十\""),
                bad(F, "projectName", REMOVE),
                bad(F, "projectName", "\"\""),
                bad(F, "projectName", "42"),
                bad(F, "department", REMOVE),
                bad(F, "department", "[\"廊坊市发改委\"]"),
                bad(F, "implementingUnit", "null"),
                bad(F, "implementingUnit", "{}"),
                bad(F, "funds", REMOVE),
                bad(F, "funds", "[43.2]"),
                bad(F + "/funds", "current", "{}"),
                bad(F + "/funds", "carryOver", "10"),
                bad(F + "/funds", "other", "[]"),
                bad(FISCAL, "initialBudget", "-1"),
                bad(FISCAL, "initialBudget", "\"四十三万\""),
                bad(FISCAL, "annualBudget", "-0.01"),
                bad(FISCAL, "annualBudget", "43.205"),
                bad(FISCAL, "annualBudget", "\"4,32.00\""),
                bad(FISCAL, "annualBudget", "10000000"),
                bad(FISCAL, "annualBudget", "true"),
                bad(FISCAL, "executed", "\"-37.24\""),
                bad(FISCAL, "executed", "\"37.24万元\""),
                bad(FISCAL, "executed", "1e400"),
                bad(FISCAL, "spent", "1"),
                bad(F, "executionWeight", "-10"),
                bad(F, "executionWeight", "101"),
                bad(F, "executionWeight", "\"十\""),
                bad(F, "executionWeight", "10.001"),
                bad(F, "executionRate", "-5"),
                bad(F, "executionRate", "\"86%\""),
                bad(F, "executionRate", "86.205"),
                bad(F, "executionRate", "100000"),
                bad(F, "fundsScore", "-1"),
                bad(F, "fundsScore", "11"),
                bad(F, "fundsScore", "\"9分\""),
                bad(F, "fundsScore", "[9]"),
                bad(F, "goals", REMOVE),
                bad(F, "goals", "\"43.2\""),
                bad(F + "/goals", "expected", REMOVE),
                bad(F + "/goals", "expected", "43.2"),
                bad(F + "/goals", "achieved", "37.24"),
                bad(F + "/goals", "reached", "\"37.24\""),
                bad(F, "indicators", REMOVE),
                bad(F, "indicators", "{}"),
                bad(I, "level1", REMOVE),
                bad(I, "level1", "\"产出效益指标\""),
                bad(I, "level1", "4"),
                bad(I, "level1", "\"11-数量指标\""),
                bad(I, "level2", REMOVE),
                bad(I, "level2", "\"数额指标\""),
                bad(I, "level2", "\"经济效益指标\""),
                bad(I, "level2", "31"),
                bad(I, "level2", "\"产出指标\""),
                bad(I, "name", REMOVE),
                bad(I, "name", "\"\""),
                bad(I, "name", "1"),
                bad(I, "target", "43.2"),
                bad(I, "actual", "[37.24]"),
                bad(I, "weight", "-10"),
                bad(I, "weight", "\"10分\""),
                bad(I, "weight", "100.5"),
                bad(I, "weight", "9.999"),
                bad(I, "score", "-1"),
                bad(I, "score", "10.01"),
                bad(I, "score", "\"九\""),
                bad(I, "score", "false"),
                bad(I, "deviation", "0"),
                bad(I, "remarks", "\"x\""),
                bad(F, "preparer", "{}"),
                bad(F, "phone", "13800000000"),
                bad(F, "phone", "\"0316-\\n2345678\""),
                bad(F, "reportDate", "\"2020-02-30\""),
                bad(F, "reportDate", "\"2020/03/05\""),
                bad(F, "reportDate", "20200305"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueIsRefusedNamingTheField(String pointer, Object value) {
        Contract.assertRefusedNaming("performance-self-evaluation", pointer, value);
    }
}
