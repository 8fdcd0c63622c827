package cn.jixiao.forms.form.tracking;

import static cn.jixiao.forms.testing.Forms.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.Forms;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic and arrangement of the tracking table as its folder declares them, without HTTP or rendering. */
class TrackingFiguresTest {
    private static final String ID = "performance-tracking";
    private static final RegisteredForm FORM = Forms.form(ID);

    private static List<Problem> warnings(byte[] document) {
        return FORM.verdict(document).warnings();
    }

    /** The warnings about the first form's 预算执行进度; the example's indicators earn others. */
    private static List<Problem> rateWarnings(byte[] document) {
        return warnings(document).stream().filter(w -> w.path().equals("/forms/0/executionRate")).toList();
    }

    private static byte[] example() {
        return TestServer.example(ID);
    }

    private static Map<String, Object> view(byte[] document) {
        return Forms.view(ID, document);
    }

    @ParameterizedTest(name = "{1} / {0} × 100 = {2}")
    @CsvSource({
            "1323379.00, 1300926.00, 98.30",
            "4050000.00, 4049800.00, 100.00",
            "3, 1, 33.33",
            "3, 2, 66.67",
            "200, 0.01, 0.01",
            "1000, 0.04, 0.00",
            "100, 250, 250.00"})
    void rateIsExecutedOverBudgetTwoDecimalsHalfUp(String budget, String executed, String rate) {
        byte[] document = JsonEdit.edit(JsonEdit.edit(JsonEdit.edit(example(), "/forms/0/executionRate", JsonEdit.REMOVE),
                "/forms/0/annualBudget", "\"" + budget + "\""), "/forms/0/executedAmount", "\"" + executed + "\"");
        assertEquals(rate, FORM.verdict(document).computed().get("/forms/0/executionRate"));
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
        assertEquals("填报的预算执行进度 98.38 与计算值不符：1,300,926.00 ÷ 1,323,379.00 × 100 = 98.30", warnings.get(0).message());
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
        assertEquals("98.30", at(view(document), "forms/0/printedRate"));
        assertEquals(List.of(), rateWarnings(document));
    }

    @Test
    void statedRateIsPrintedAsGiven() {
        assertEquals("98.38", at(view(example()), "forms/0/printedRate"));
        assertEquals("100", at(view(example()), "forms/1/printedRate"));
    }

    @Test
    void zeroBudgetLeavesTheRateBlankWithAWarning() {
        byte[] document = JsonEdit.edit(JsonEdit.edit(example(), "/forms/0/annualBudget", "0"), "/forms/0/executionRate", JsonEdit.REMOVE);
        assertEquals("", at(view(document), "forms/0/printedRate"));
        assertEquals(List.of("当年预算数为 0，无法计算预算执行进度，此格留空"),
                rateWarnings(document).stream().map(Problem::message).toList());
    }

    @Test
    void aRateBeyondWhatPrintsIsLeftEmptyWithAWarning() {
        byte[] document = JsonEdit.edit(JsonEdit.edit(JsonEdit.edit(example(), "/forms/0/executionRate", JsonEdit.REMOVE),
                "/forms/0/annualBudget", "\"0.01\""), "/forms/0/executedAmount", "\"1000\"");
        assertEquals("", at(view(document), "forms/0/printedRate"));
        assertTrue(rateWarnings(document).stream().anyMatch(w -> w.message().startsWith("按金额算出的预算执行进度 10000000.00 超过 9999.99")),
                rateWarnings(document).toString());
    }

    @Test
    void overspendingIsAWarningNotAnError() {
        byte[] document = JsonEdit.edit(example(), "/forms/1/executedAmount", "\"4050000.01\"");
        RegisteredForm.Verdict verdict = FORM.verdict(document);
        assertTrue(verdict.valid());
        assertTrue(verdict.warnings().stream().anyMatch(w -> w.path().equals("/forms/1/executedAmount")
                && w.message().equals("预算执行数 4,050,000.01 超过当年预算数 4,050,000.00")), verdict.toString());
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsAnErrorAndAnEarlyReportAWarning() {
        byte[] backwards = JsonEdit.edit(example(), "/forms/0/trackingPeriod/end", "\"2020-12-31\"");
        RegisteredForm.Verdict verdict = FORM.verdict(backwards);
        assertEquals(List.of("/forms/0/trackingPeriod/end 跟踪时段结束日期 2020-12-31 早于开始日期 2021-01-01"),
                verdict.errors().stream().map(e -> e.path() + " " + e.message()).toList());
        byte[] early = JsonEdit.edit(example(), "/forms/0/reportDate", "\"2020-06-01\"");
        assertTrue(warnings(early).stream().anyMatch(w -> w.path().equals("/forms/0/reportDate")
                && w.message().equals("填报日期 2020-06-01 早于跟踪时段开始日期 2021-01-01")), warnings(early).toString());
    }

    @Test
    void amountsPrintWithThousandsSeparatorsAndTwoDecimals() {
        Map<String, Object> view = view(JsonEdit.edit(example(), "/forms/0/annualBudget", "\"1323379\""));
        assertEquals("1,323,379.00", at(view, "forms/0/annualBudget"));
        assertEquals("1,300,926.00", at(view, "forms/0/executedAmount"));
    }

    @Test
    void yesNoAndBlank() {
        byte[] document = JsonEdit.edit(JsonEdit.edit(example(), "/forms/0/recurring", "true"), "/forms/0/budgetAdjustmentNeeded", "false");
        assertEquals("是", at(view(document), "forms/0/recurring"));
        assertEquals("否", at(view(document), "forms/0/budgetAdjustmentNeeded"));
        assertEquals("", at(view(example()), "forms/0/recurring"));
    }

    @Test
    void reportDateInChineseAndThePeriodAsWritten() {
        byte[] document = JsonEdit.edit(example(), "/forms/0/reportDate", "\"2021-09-10\"");
        assertEquals("2021年9月10日", at(view(document), "forms/0/reportDate"));
        assertEquals("2021-01-01", at(view(document), "forms/0/trackingPeriod/start"));
    }

    @Test
    void consecutiveIndicatorsOfOneLevelShareOneCellWhateverTheSpelling() {
        byte[] document = JsonEdit.edit(JsonEdit.edit(example(), "/forms/1/indicators/8", JsonEdit.REMOVE),
                "/forms/1/indicators/7", JsonEdit.REMOVE);
        String[] levels = {"\"产出指标\"", "\"产出\"", "1", "\"效益指标\"", "2", "\"产出指标\"", "\"满意度\""};
        for (int i = 0; i < levels.length; i++) {
            document = JsonEdit.edit(document, "/forms/1/indicators/" + i + "/level1", levels[i]);
        }
        byte[] edited = document;
        Map<String, Object> view = view(edited);
        assertEquals("产出指标:3 产出指标:0 产出指标:0 效益指标:2 效益指标:0 产出指标:1 满意度指标:1",
                IntStream.range(0, levels.length).mapToObj(i -> at(view, "forms/1/indicators/" + i + "/level1Label") + ":"
                        + at(view, "forms/1/indicators/" + i + "/level1Span")).collect(Collectors.joining(" ")));
    }

    @Test
    void levelCodesAsNumbersAreAccepted() {
        byte[] document = JsonEdit.edit(example(), "/forms/0/indicators/0/level1", "1");
        assertTrue(FORM.verdict(document).valid());
    }

    @Test
    void fileNameFromTheProjectOrTheUnit() {
        assertEquals("上海市闵行区肿瘤医院-项目支出绩效跟踪表", FORM.fileName(FORM.read(example())));
        byte[] slashed = JsonEdit.edit(JsonEdit.edit(example(), "/forms/1", JsonEdit.REMOVE), "/forms/0/projectName", "\"A/B:C\"");
        assertEquals("A_B_C-项目支出绩效跟踪表", FORM.fileName(FORM.read(slashed)));
        byte[] twoUnits = JsonEdit.edit(example(), "/forms/1/budgetUnit", "\"另一单位\"");
        assertEquals("项目支出绩效跟踪表", FORM.fileName(FORM.read(twoUnits)));
    }
}
