package cn.jixiao.forms.form.target;

import static cn.jixiao.forms.testing.Contract.bad;
import static cn.jixiao.forms.testing.JsonEdit.REMOVE;

import cn.jixiao.forms.testing.Contract;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of the target document, tried with bad values: a 422 naming the field. */
class TargetContractTest {
    private static final String P = "/units/0/projects/0";
    private static final String I = "/units/0/projects/0/indicators/0";

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("", "title", "\"第一行\\n第二行\""),
                bad("", "title", "7"),
                bad("", "organization", REMOVE),
                bad("", "organization", "\"\""),
                bad("", "amountUnit", "\"千元\""),
                bad("", "amountUnit", "10000"),
                bad("", "units", REMOVE),
                bad("", "units", "[]"),
                bad("", "unit", "\"万元\""),
                bad("/units/0", "name", REMOVE),
                bad("/units/0", "name", "[]"),
                bad("/units/0", "projects", "[]"),
                bad("/units/0", "projects", REMOVE),
                bad("/units/0", "budget", "1"),
                bad(P, "name", REMOVE),
                bad(P, "name", "\"\""),
                bad(P, "fiscalAppropriation", "-4809.89"),
                bad(P, "fiscalAppropriation", "4809.891"),
                bad(P, "fiscalAppropriation", "\"4809,89\""),
                bad(P, "fiscalAppropriation", "\"48,09.89\""),
                bad(P, "specialAccountAppropriation", "\"abc\""),
                bad(P, "specialAccountAppropriation", "-1"),
                bad(P, "otherFunds", "1e400"),
                bad(P, "otherFunds", "[1]"),
                bad(P, "total", "4809.88"),
                bad(P, "total", "\"4809.8\""),
                bad(P, "total", "false"),
                bad(P, "goal", REMOVE),
                bad(P, "goal", "1"),
                bad(P, "indicators", REMOVE),
                bad(P, "indicators", "\"无\""),
                bad(P, "fundSource", "\"财政\""),
                bad(I, "level1", REMOVE),
                bad(I, "level1", "\"成本指标\""),
                bad(I, "level1", "0"),
                bad(I, "level2", REMOVE),
                bad(I, "level2", "\"经济成本指标\""),
                bad(I, "level2", "\"社会效益\""),
                bad(I, "level2", "31"),
                bad(I, "level2", "15"),
                bad(I, "name", REMOVE),
                bad(I, "name", "\"\""),
                bad(I, "periodValue", "21"),
                bad(I, "annualValue", "[]"),
                bad(I, "level3", "\"x\""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueIsRefusedNamingTheField(String pointer, Object value) {
        Contract.assertRefusedNaming("performance-target", pointer, value);
    }
}
