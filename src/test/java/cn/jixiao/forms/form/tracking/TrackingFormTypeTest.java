package cn.jixiao.forms.form.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.tracking.TrackingForm.TrackingIndicator;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic and arrangement of the tracking table, without HTTP or rendering. */
class TrackingFormTypeTest {
    private static final TrackingFormType TYPE = new TrackingFormType(IndicatorChecks.DEFAULT);
    private static final RegisteredForm<?> FORM = FormRegistry.standard(Limits.DEFAULT, new TextRules(cp -> true), IndicatorChecks.DEFAULT)
            .get("performance-tracking");

    private static List<Problem> warnings(byte[] document) {
        return FORM.verdict(document).warnings();
    }

    /** The warnings about the first form's 预算执行进度; the example's indicators earn others. */
    private static List<Problem> rateWarnings(byte[] document) {
        return warnings(document).stream().filter(w -> w.path().equals("/forms/0/executionRate")).toList();
    }

    private static byte[] example() {
        return TestServer.example("performance-tracking");
    }

    @ParameterizedTest(name = "{1} / {0} × 100 = {2}")
    @CsvSource({
            "1323379.00, 1300926.00, 98.30",
            "4050000.00, 4049800.00, 100.00",
            "3, 1, 33.33",
            "3, 2, 66.67",
            "200, 0.01, 0.01",
            "200, 0.009, 0.00",
            "100, 250, 250.00"})
    void rateIsExecutedOverBudgetTwoDecimalsHalfUp(String budget, String executed, String rate) {
        TrackingForm form = new TrackingForm("p", "u", null, null, null, new BigDecimal(budget), new BigDecimal(executed),
                null, null, "g", List.of(), null, null, null, null);
        assertEquals(new BigDecimal(rate), TrackingFormType.computedRate(form).orElseThrow());
    }

    @Test
    void computedRateIsTheStatedOneElseTheArithmetic() {
        assertEquals("98.38", FORM.verdict(example()).computed().get("/forms/0/executionRate"));
        byte[] left = JsonEdit.edit(example(), "/forms/0/executionRate", JsonEdit.REMOVE);
        assertEquals("98.30", FORM.verdict(left).computed().get("/forms/0/executionRate"));
        byte[] noBudget = JsonEdit.edit(left, "/forms/0/annualBudget", "0");
        assertEquals("", FORM.verdict(noBudget).computed().get("/forms/0/executionRate"), "no budget: an empty cell");
        assertEquals(2, FORM.verdict(example()).computed().size());
    }

    @Test
    void statedRateOffByMoreThanAHundredthIsAWarningWithBothFigures() {
        List<Problem> warnings = rateWarnings(example());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("98.38") && warnings.get(0).message().contains("98.30"));
    }

    @Test
    void statedRateWithinAHundredthIsNoWarning() {
        assertEquals(List.of(), rateWarnings(JsonEdit.edit(example(), "/forms/0/executionRate", "98.31")));
        assertEquals(List.of(), rateWarnings(JsonEdit.edit(example(), "/forms/0/executionRate", "98.29")));
        assertEquals(1, rateWarnings(JsonEdit.edit(example(), "/forms/0/executionRate", "98.32")).size());
    }

    @Test
    void absentRateIsComputedAndPrinted() {
        byte[] document = JsonEdit.edit(example(), "/forms/0/executionRate", JsonEdit.REMOVE);
        TrackingDocument parsed = (TrackingDocument) FORM.read(document).document();
        assertEquals("98.30", TYPE.view(parsed).forms().get(0).executionRate());
        assertEquals(List.of(), rateWarnings(document));
    }

    @Test
    void statedRateIsPrintedAsGiven() {
        TrackingDocument parsed = (TrackingDocument) FORM.read(example()).document();
        assertEquals("98.38", TYPE.view(parsed).forms().get(0).executionRate());
        assertEquals("100", TYPE.view(parsed).forms().get(1).executionRate());
    }

    @Test
    void zeroBudgetLeavesTheRateBlankWithAWarning() {
        byte[] document = JsonEdit.edit(JsonEdit.edit(example(), "/forms/0/annualBudget", "0"), "/forms/0/executionRate", JsonEdit.REMOVE);
        TrackingDocument parsed = (TrackingDocument) FORM.read(document).document();
        assertEquals("", TYPE.view(parsed).forms().get(0).executionRate());
        assertTrue(warnings(document).stream().anyMatch(w -> w.path().equals("/forms/0/executionRate")));
    }

    @Test
    void overspendingIsAWarningNotAnError() {
        byte[] document = JsonEdit.edit(example(), "/forms/1/executedAmount", "\"4050000.01\"");
        RegisteredForm.Verdict verdict = FORM.verdict(document);
        assertTrue(verdict.valid());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.path().equals("/forms/1/executedAmount")), verdict.toString());
    }

    @Test
    void amountsPrintWithThousandsSeparatorsAndTwoDecimals() {
        TrackingDocument parsed = (TrackingDocument) FORM.read(JsonEdit.edit(example(), "/forms/0/annualBudget", "\"1323379\"")).document();
        TrackingView.Form view = TYPE.view(parsed).forms().get(0);
        assertEquals("1,323,379.00", view.annualBudget());
        assertEquals("1,300,926.00", view.executedAmount());
    }

    @Test
    void yesNoAndBlank() {
        byte[] document = JsonEdit.edit(JsonEdit.edit(example(), "/forms/0/recurring", "true"), "/forms/0/budgetAdjustmentNeeded", "false");
        TrackingView.Form view = TYPE.view((TrackingDocument) FORM.read(document).document()).forms().get(0);
        assertEquals("是", view.recurring());
        assertEquals("否", view.budgetAdjustmentNeeded());
        TrackingView.Form blank = TYPE.view((TrackingDocument) FORM.read(example()).document()).forms().get(0);
        assertEquals("", blank.recurring());
    }

    @Test
    void reportDateInChinese() {
        byte[] document = JsonEdit.edit(example(), "/forms/0/reportDate", "\"2021-09-10\"");
        assertEquals("2021年9月10日", TYPE.view((TrackingDocument) FORM.read(document).document()).forms().get(0).reportDate());
    }

    @Test
    void consecutiveIndicatorsOfOneLevelShareOneCellWhateverTheSpelling() {
        List<TrackingIndicator> indicators = List.of(
                indicator("产出指标"), indicator("产出"), indicator("1"),
                indicator("效益指标"), indicator("2"),
                indicator("产出指标"),
                indicator("满意度"));
        List<TrackingView.IndicatorRow> rows = TrackingFormType.rows(indicators);
        assertEquals("产出指标:3 产出指标:0 产出指标:0 效益指标:2 效益指标:0 产出指标:1 满意度指标:1",
                rows.stream().map(r -> r.level1() + ":" + r.groupSize()).collect(Collectors.joining(" ")));
        assertTrue(rows.get(0).groupStart());
        assertFalse(rows.get(1).groupStart());
    }

    private static TrackingIndicator indicator(String level1) {
        return new TrackingIndicator(level1, "n", "", "", "", "", "", "");
    }

    @Test
    void levelCodesAsNumbersAreAccepted() {
        byte[] document = JsonEdit.edit(example(), "/forms/0/indicators/0/level1", "1");
        assertTrue(FORM.verdict(document).valid());
    }

    @Test
    void fileNameFromTheProjectOrTheUnit() {
        TrackingDocument both = (TrackingDocument) FORM.read(example()).document();
        assertEquals("上海市闵行区肿瘤医院-项目支出绩效跟踪表", TYPE.fileName(both));
        byte[] slashed = JsonEdit.edit(JsonEdit.edit(example(), "/forms/1", JsonEdit.REMOVE), "/forms/0/projectName", "\"A/B:C\"");
        assertEquals("A_B_C-项目支出绩效跟踪表", TYPE.fileName((TrackingDocument) FORM.read(slashed).document()));
    }
}
