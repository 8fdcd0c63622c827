package cn.jixiao.forms.form.monitoring;

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

/** The arithmetic and rules of the 监控表 as its folder declares them, on the 黄石 example (1-6月), without rendering. */
class MonitoringFiguresTest {
    private static final String ID = "performance-monitoring";
    private static final RegisteredForm FORM = Forms.form(ID);
    private static final String F = "/forms/0";
    /** The example's 成本指标 row: 年度预算220万元 → 按进度执行，已使用约40%. */
    private static final String COST = F + "/indicators/2";

    private static byte[] example() {
        return TestServer.example(ID);
    }

    /** The example with each (pointer, JSON or {@link JsonEdit#REMOVE}) pair applied. */
    private static byte[] edited(Object... edits) {
        return JsonEdit.editAll(example(), edits);
    }

    private static List<Problem> warnings(byte[] document) {
        return Forms.warnings(FORM, document);
    }

    private static List<String> messagesAt(byte[] document, String path) {
        return warnings(document).stream().filter(w -> w.path().equals(path)).map(Problem::message).toList();
    }

    private static String warningAt(byte[] document, String path) {
        List<String> found = messagesAt(document, path);
        assertEquals(1, found.size(), "one warning at " + path + ": " + warnings(document));
        return found.get(0);
    }

    private static Object view(byte[] document, String path) {
        return Forms.at(Forms.view(ID, document), "forms/0/" + path);
    }

    @Test
    void thePublishedFormComesBackWithItsSlipsAsWarnings() {
        List<Problem> warnings = warnings(example());
        assertEquals(List.of(F + "/funds", F + "/indicators/1/target", COST + "/progress"),
                warnings.stream().map(Problem::path).toList(), warnings.toString());
        assertEquals("年度资金总额1-6月执行率 39.80% 低于序时进度 50.00%（6 ÷ 12）：请在绩效指标的偏差原因分析中勾选原因，并说明加快执行的措施",
                warnings.get(0).message());
        assertTrue(warnings.get(1).message().contains("「……」没有写明日期、期限或时长"), warnings.get(1).message());
        assertTrue(warnings.get(2).message().contains("「年度预算220万元」") && warnings.get(2).message().contains("单位不一致"),
                warnings.get(2).message());
    }

    @Test
    void theTotalRowAddsTheRowsColumnByColumnAndEveryRowHasItsRate() {
        byte[] document = edited(F + "/funds/other", "{\"initialBudget\": \"1,000.5\", \"executed\": 0.26, \"expectedAnnual\": 800}",
                F + "/funds/fiscal/expectedAnnual", "200");
        assertEquals("1,220.50 | 87.83 | 7.20% | 1,000.00", view(document, "funds/totalInitialBudget") + " | "
                + view(document, "funds/totalExecuted") + " | " + view(document, "funds/totalRate") + " | "
                + view(document, "funds/totalExpectedAnnual"));
        assertEquals("39.80%", view(document, "funds/fiscal/rate"), "87.57 ÷ 220, half up");
        assertEquals("0.03%", view(document, "funds/other/rate"), "0.26 ÷ 1000.5 = 0.0260 %");
        Map<String, String> computed = FORM.verdict(document).computed();
        assertEquals("1,220.50", computed.get(F + "/funds/total/initialBudget"));
        assertEquals("7.20%", computed.get(F + "/funds/total/rate"));
        assertEquals("39.80%", computed.get(F + "/funds/fiscal/rate"));
        assertEquals("0.03%", computed.get(F + "/funds/other/rate"));
        assertEquals("6", computed.get(F + "/months"));
    }

    @Test
    void anAbsentRowOrAmountIsAnEmptyCellAndLeavesTheTotalToTheOthers() {
        assertEquals("220.00 | 87.57 | ", view(example(), "funds/totalInitialBudget") + " | " + view(example(), "funds/totalExecuted")
                + " | " + view(example(), "funds/totalExpectedAnnual"), "全年预计执行数: none given, none summed");
        assertEquals(" |  | ", view(example(), "funds/other/initialBudget") + " | " + view(example(), "funds/other/rate") + " | "
                + view(example(), "funds/other/expectedAnnual"));
        byte[] noExecution = edited(F + "/funds/fiscal/executed", JsonEdit.REMOVE);
        assertEquals("", view(noExecution, "funds/totalRate"));
        assertEquals(List.of(F + "/indicators/1/target", COST + "/progress"), warnings(noExecution).stream().map(Problem::path).toList(),
                "no 执行数, no rate, nothing below 序时进度");
    }

    @Test
    void aZeroOrAbsentBudgetLeavesTheRateEmptyWithAWarning() {
        for (Object budget : List.of("0", JsonEdit.REMOVE)) {
            byte[] document = edited(F + "/funds/fiscal/initialBudget", budget);
            assertEquals("", view(document, "funds/totalRate"));
            assertEquals("", view(document, "funds/fiscal/rate"));
            assertEquals("年度资金总额的年初预算数为空或为 0：无法计算执行率，此格留空", warningAt(document, F + "/funds"));
        }
    }

    @Test
    void theRateIsMeasuredAgainstTheScheduleOfTheDocumentsMonths() {
        assertEquals("1-6月 | 50.00%", view(example(), "period") + " | " + view(example(), "schedule"));
        byte[] seven = edited(F + "/months", JsonEdit.REMOVE, F + "/funds/fiscal/executed", "128.33");
        assertEquals("1-7月 | 58.33% | 7", view(seven, "period") + " | " + view(seven, "schedule") + " | " + view(seven, "months"));
        assertEquals(List.of(), messagesAt(seven, F + "/funds"), "128.33 ÷ 220 = 58.33 %: on schedule");
        assertEquals("年度资金总额1-7月执行率 58.32% 低于序时进度 58.33%（7 ÷ 12）：请在绩效指标的偏差原因分析中勾选原因，并说明加快执行的措施",
                warningAt(edited(F + "/months", "7", F + "/funds/fiscal/executed", "128.31"), F + "/funds"));
        assertEquals("1-8月 | 66.67%", view(edited(F + "/months", "8"), "period") + " | " + view(edited(F + "/months", "8"), "schedule"));
        assertEquals(List.of(), messagesAt(edited(F + "/funds/fiscal/executed", "110"), F + "/funds"), "110 ÷ 220 = 50 %: on schedule for 1-6月");
        RegisteredForm.Verdict thirteen = FORM.verdict(edited(F + "/months", "13"));
        assertEquals(List.of(F + "/months"), thirteen.errors().stream().map(Problem::path).toList());
        assertTrue(thirteen.errors().get(0).message().contains("不能大于 12"), thirteen.errors().toString());
    }

    @Test
    void anExpectedYearAboveTheBudgetIsAWarningAtItsRow() {
        byte[] document = edited(F + "/funds/fiscal/expectedAnnual", "220.01", F + "/funds/other", "{\"expectedAnnual\": 5}");
        assertEquals("全年预计执行数 220.01 超过年初预算数 220.00：预计执行不会超过预算，请核对；如年中追加了预算，请在备注中说明",
                warningAt(document, F + "/funds/fiscal/expectedAnnual"));
        assertEquals("全年预计执行数 5.00 超过年初预算数 （未填）：预计执行不会超过预算，请核对；如年中追加了预算，请在备注中说明",
                warningAt(document, F + "/funds/other/expectedAnnual"));
        assertEquals(List.of(), messagesAt(edited(F + "/funds/fiscal/expectedAnnual", "220"), F + "/funds/fiscal/expectedAnnual"));
    }

    @Test
    void aTargetThatMayBeMissedWantsARemark() {
        for (String likelihood : List.of("有可能", "完全不可能")) {
            byte[] document = edited(COST + "/likelihood", "\"" + likelihood + "\"");
            assertEquals("指标「成本指标」完成目标可能性为「" + likelihood + "」，备注未填：请在备注中说明预计到年底不能完成目标的原因及拟采取的措施",
                    warningAt(document, COST + "/remark"));
            byte[] explained = JsonEdit.edit(document, COST + "/remark", "\"下半年集中支付申遗文本编制费用\"");
            assertEquals(List.of(), messagesAt(explained, COST + "/remark"));
        }
        assertEquals(List.of(), messagesAt(edited(COST + "/likelihood", JsonEdit.REMOVE), COST + "/remark"), "not judged: nothing asked");
    }

    @Test
    void causesAndLikelihoodAreTickedInTheirColumns() {
        byte[] document = edited(COST + "/causes", "[\"人员保障\", \"经费保障\", \"其他\"]", COST + "/likelihood", "\"完全不可能\"",
                COST + "/remark", "\"说明\"");
        String ticks = IntStream.of(0, 2).mapToObj(i -> List.of("causeFunds", "causeRules", "causeStaff", "causeHardware", "causeOther",
                        "likelySure", "likelyPossible", "likelyImpossible").stream()
                .map(tick -> view(document, "indicators/" + i + "/" + tick).toString().isEmpty() ? "." : "√")
                .collect(Collectors.joining())).collect(Collectors.joining(" "));
        assertEquals(".....√.. √.√.√..√", ticks);
        assertEquals(List.of("人员保障", "经费保障", "其他"), view(document, "indicators/2/causes"), "the list as given");
    }

    @Test
    void aCauseTickedTwiceOrUnknownIsRefusedAtItsPath() {
        RegisteredForm.Verdict twice = FORM.verdict(edited(COST + "/causes", "[\"经费保障\", \"经费保障\"]"));
        assertEquals(List.of(COST + "/causes"), twice.errors().stream().map(Problem::path).toList());
        assertEquals("「偏差原因分析」中同一原因勾选了两次：每项原因只勾选一次", twice.errors().get(0).message());
        RegisteredForm.Verdict unknown = FORM.verdict(edited(COST + "/causes", "[\"经费保障\", \"资金不足\"]"));
        assertEquals(List.of(COST + "/causes/1"), unknown.errors().stream().map(Problem::path).toList());
        assertTrue(unknown.errors().get(0).message().contains("资金不足") && unknown.errors().get(0).message().contains("硬件条件保障"),
                unknown.errors().toString());
        RegisteredForm.Verdict likelihood = FORM.verdict(edited(COST + "/likelihood", "\"不可能\""));
        assertEquals(List.of(COST + "/likelihood"), likelihood.errors().stream().map(Problem::path).toList());
    }

    @Test
    void theIndicatorChecksReadTheTargetAndCompareTheResults() {
        byte[] document = edited(F + "/indicators/0/name", "\"验收合格率\"", F + "/indicators/0/target", "\"≥100%\"",
                F + "/indicators/0/expectedAnnual", "\"100%\"", COST + "/target", "\"≤300万元\"");
        assertTrue(warningAt(document, F + "/indicators/0/target").contains("只有恰好100%才能达到"), warnings(document).toString());
        assertTrue(warningAt(document, COST + "/target").contains("超过本项目年初预算数 220.00 万元"), warnings(document).toString());
        assertEquals(List.of(), messagesAt(document, F + "/indicators/0/expectedAnnual"), "a result is compared for its unit only");
        assertTrue(warningAt(edited(F + "/indicators/0/target", "\"≥95%\"", F + "/indicators/0/expectedAnnual", "\"96个\""),
                F + "/indicators/0/expectedAnnual").contains("单位不一致"));
    }

    @Test
    void levelsMergeDownTheirRuns() {
        byte[] example = example();
        assertEquals("产出指标:3 . . 效益指标:1", IntStream.range(0, 4).mapToObj(i -> ((Number) view(example, "indicators/" + i + "/level1Span"))
                .intValue() > 0 ? view(example, "indicators/" + i + "/level1Label") + ":" + view(example, "indicators/" + i + "/level1Span") : ".")
                .collect(Collectors.joining(" ")));
        assertEquals("质量指标 时效指标 成本指标 社会效益指标", IntStream.range(0, 4).mapToObj(i -> view(example, "indicators/" + i + "/level2Label")
                .toString()).collect(Collectors.joining(" ")));
        byte[] same = edited(F + "/indicators/1/level2", "\"12-质量\"");
        assertEquals(2, ((Number) view(same, "indicators/0/level2Span")).intValue());
        RegisteredForm.Verdict wrong = FORM.verdict(edited(F + "/indicators/3/level2", "\"数量指标\""));
        assertEquals(List.of(F + "/indicators/3/level2"), wrong.errors().stream().map(Problem::path).toList());
    }

    @Test
    void titleLinesAndFileName() {
        assertEquals("2019|申遗经费||黄石市文化和旅游局", view(example(), "year") + "|" + view(example(), "projectName") + "|"
                + view(example(), "departmentCode") + "|" + view(example(), "department"));
        assertEquals("申遗经费-项目支出绩效目标执行监控表", FORM.fileName(FORM.read(example())));
    }
}
