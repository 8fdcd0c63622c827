package cn.jixiao.forms.form.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.Forms;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The arithmetic of the self-evaluation form as its folder declares it: funds, scores, points and totals, without rendering. */
class SelfEvaluationFiguresTest {
    private static final String ID = "performance-self-evaluation";
    private static final RegisteredForm FORM = Forms.form(ID);
    private static final String F = "/forms/0";
    /** The example's first indicator, 指标1工程资金金额: 43.2 → 37.24, 分值 10, published 得分 9. */
    private static final String I = F + "/indicators/0";
    /** The example's 满意度 row, 指标1学生满意度. */
    private static final String SATISFACTION = F + "/indicators/24";

    private static byte[] example() {
        return TestServer.example(ID);
    }

    /** The example with each (pointer, JSON or {@link JsonEdit#REMOVE}) pair applied. */
    private static byte[] edited(Object... edits) {
        byte[] document = example();
        for (int i = 0; i < edits.length; i += 2) {
            document = JsonEdit.edit(document, (String) edits[i], edits[i + 1]);
        }
        return document;
    }

    private static List<Problem> warnings(byte[] document) {
        RegisteredForm.Verdict verdict = FORM.verdict(document);
        assertEquals(List.of(), verdict.errors());
        return verdict.warnings();
    }

    private static Problem warningAt(byte[] document, String path) {
        List<Problem> warnings = warnings(document);
        return warnings.stream().filter(w -> w.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning at " + path + " among " + warnings));
    }

    /** What the template receives of the first form: {@code view(document, "funds/totalAnnualBudget")}. */
    private static Object view(byte[] document, String path) {
        return Forms.at(Forms.view(ID, document), "forms/0/" + path);
    }

    private static int rows(byte[] document) {
        return ((List<?>) view(document, "indicators")).size();
    }

    @Test
    void computedGivesTheFundsTotalRowScoresBlockPointsAndTotalsAsPrinted() {
        Map<String, String> computed = FORM.verdict(edited(F + "/executionRate", JsonEdit.REMOVE, F + "/fundsScore", JsonEdit.REMOVE,
                I + "/score", JsonEdit.REMOVE)).computed();
        assertEquals("43.20", computed.get(F + "/funds/total/annualBudget"));
        assertEquals("37.24", computed.get(F + "/funds/total/executed"));
        assertEquals("10", computed.get(F + "/executionWeight"));
        assertEquals("86.20%", computed.get(F + "/executionRate"));
        assertEquals("8.62", computed.get(F + "/fundsScore"));
        assertEquals("8.62", computed.get(I + "/score"));
        assertTrue(computed.get(F + "/indicators/0/level1").startsWith("产出指标（"), computed.get(F + "/indicators/0/level1"));
        assertEquals("100", computed.get(F + "/totalWeight"));
        assertEquals(view(example(), "totalScore"), FORM.verdict(example()).computed().get(F + "/totalScore"));
    }

    @Test
    void eachLevel1sScoreIsTheScoreColumnOfItsRowsAddedUp() {
        Map<String, String> computed = FORM.verdict(example()).computed();
        // 产出: 9 + 10 × 4; 效益: 10 × 3; 满意度: 10; with 资金得分 9 they make 总分 98.
        assertEquals("49.00", computed.get(F + "/outputScore"));
        assertEquals("30.00", computed.get(F + "/benefitScore"));
        assertEquals("10.00", computed.get(F + "/satisfactionScore"));
        assertEquals("98.00", computed.get(F + "/totalScore"));
        Map<String, String> edited = FORM.verdict(edited(I + "/score", JsonEdit.REMOVE, F + "/indicators/3/score", JsonEdit.REMOVE,
                F + "/indicators/3/actual", "\"0\"", SATISFACTION + "/score", JsonEdit.REMOVE, SATISFACTION + "/actual", JsonEdit.REMOVE)).computed();
        assertEquals("38.62", edited.get(F + "/outputScore"), "a score worked out counts as a printed one: 8.62 + 0 + 10 × 3");
        assertEquals("", edited.get(F + "/satisfactionScore"), "no score yet, none added up");
    }

    @Test
    void aRowWithErrorsLeavesTheOtherRowsScoresAndTheFundsFigures() {
        Map<String, String> whole = FORM.verdict(edited(F + "/indicators/2/score", JsonEdit.REMOVE)).computed();
        RegisteredForm.Verdict verdict = FORM.verdict(edited(F + "/indicators/2/score", JsonEdit.REMOVE,
                F + "/indicators/1/weight", "\"十\""));
        assertEquals(List.of(F + "/indicators/1/weight"), verdict.errors().stream().map(Problem::path).toList());
        Map<String, String> computed = verdict.computed();
        assertEquals(whole.get(F + "/fundsScore"), computed.get(F + "/fundsScore"));
        assertEquals(whole.get(F + "/funds/total/annualBudget"), computed.get(F + "/funds/total/annualBudget"));
        assertEquals(whole.get(I + "/score"), computed.get(I + "/score"));
        assertEquals("", computed.get(F + "/indicators/2/score"), computed.toString());
        assertEquals(whole.get(F + "/indicators/3/score"), computed.get(F + "/indicators/3/score"));
        assertTrue(!whole.get(F + "/indicators/3/score").isEmpty(), whole.toString());
        for (String all : List.of(F + "/totalScore", F + "/totalWeight", I + "/level1", F + "/outputScore", F + "/indicators/1/score")) {
            assertTrue(!computed.containsKey(all), all + " adds up the row with errors, or is it: " + computed);
        }
        RegisteredForm.Verdict unnamed = FORM.verdict(edited(F + "/indicators/1/name", JsonEdit.REMOVE));
        assertEquals(FORM.verdict(example()).computed().get(F + "/totalScore"), unnamed.computed().get(F + "/totalScore"),
                "a name adds up to nothing: a row without one holds back no score");
    }

    @Test
    void rowsOfOne一级指标ApartAreWarnedAbout() {
        byte[] document = example();
        ArrayNode rows = (ArrayNode) Json.MAPPER
                .readTree(document).at(F + "/indicators");
        assertEquals("产出指标", rows.get(0).path("level1").asString());
        assertEquals("满意度指标", rows.get(rows.size() - 1).path("level1").asString());
        rows.add(rows.remove(0)); // the first 产出 row moved below 满意度
        byte[] reordered = JsonEdit.edit(document, F + "/indicators", Json.MAPPER.writeValueAsString(rows));
        List<Problem> apart = warnings(reordered).stream().filter(w -> w.message().contains("隔开")).toList();
        assertEquals(List.of(F + "/indicators/" + (rows.size() - 1) + "/level1"), apart.stream().map(Problem::path).toList());
        assertTrue(apart.get(0).message().contains("产出指标"), apart.toString());
        assertTrue(warnings(example()).stream().noneMatch(w -> w.message().contains("隔开")));
    }

    @Test
    void thePublishedFormComesBackWithItsThreeSlipsAsWarnings() {
        List<Problem> warnings = warnings(example());
        assertEquals(List.of(F + "/executionRate", F + "/fundsScore", I + "/score"),
                warnings.stream().map(Problem::path).toList(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("86%") && warnings.get(0).message().contains("37.24 ÷ 43.2 × 100 = 86.20"),
                warnings.get(0).message());
        assertTrue(warnings.get(1).message().contains("9 ") && warnings.get(1).message().contains("10 × 37.24 ÷ 43.2 = 8.62"),
                warnings.get(1).message());
        assertTrue(warnings.get(2).message().contains("得分 9 ") && warnings.get(2).message().contains("10 × 37.24 ÷ 43.2 = 8.62"),
                warnings.get(2).message());
    }

    @Test
    void statedFundsFiguresArePrintedAsGivenAndTheTotalAddsUpTheColumnAsPrinted() {
        assertEquals("86%", view(example(), "printedRate"));
        assertEquals("9", view(example(), "printedFundsScore"));
        assertEquals("10", view(example(), "weight"));
        // 9 (funds, as stated) + 9 + 8 × 10 (indicators, as stated): what the printed column adds up to; the
        // stated 9 carries its own warning (10 × 37.24 ÷ 43.2 = 8.62)
        assertEquals("98.00", view(example(), "totalScore"), "the 得分 column as printed: 9 + 9 + 80");
    }

    @Test
    void theFiscalRowsRateIsWorkedOutAndPrintedAsTheTotalsIs() {
        assertEquals("86.20%", view(example(), "funds/fiscalRate"));
        assertEquals("86.20%", FORM.verdict(example()).computed().get(F + "/funds/fiscal/executionRate"));
        byte[] other = edited(F + "/funds/fiscal/executed", "\"40.00\"", F + "/funds/other", "{\"annualBudget\": 10, \"executed\": 1}");
        assertEquals("92.59%", view(other, "funds/fiscalRate"), "the row's own figures, not the total's");
        assertEquals("", view(edited(F + "/funds/fiscal/annualBudget", "0"), "funds/fiscalRate"));
        assertEquals("", view(edited(F + "/funds/fiscal/executed", JsonEdit.REMOVE), "funds/fiscalRate"));
        assertEquals("", FORM.verdict(edited(F + "/funds/fiscal/executed", JsonEdit.REMOVE)).computed()
                .get(F + "/funds/fiscal/executionRate"), "a figure that cannot be worked out is an empty cell");
    }

    @Test
    void aBadAmountInAFundsRowIsOneErrorAtThatAmount() {
        RegisteredForm.Verdict verdict = FORM.verdict(edited(F + "/funds/fiscal/annualBudget", "\"12a\""));
        assertEquals(List.of(F + "/funds/fiscal/annualBudget"), verdict.errors().stream().map(Problem::path).toList(),
                verdict.errors().toString());
        assertTrue(verdict.errors().get(0).message().startsWith("「全年预算数」应为金额"), verdict.errors().get(0).message());
    }

    @Test
    void absentFundsFiguresAreComputed() {
        byte[] document = edited(F + "/executionRate", JsonEdit.REMOVE, F + "/fundsScore", JsonEdit.REMOVE);
        assertEquals("86.20%", view(document, "printedRate"));
        assertEquals("8.62", view(document, "printedFundsScore"));
        assertEquals(List.of(I + "/score"), warnings(document).stream().map(Problem::path).toList());
    }

    @Test
    void theTotalRowSumsTheThreeSourcesColumnByColumn() {
        byte[] document = edited(F + "/funds/carryOver", "{\"annualBudget\": \"1,000.5\", \"executed\": 0.26}",
                F + "/funds/fiscal/initialBudget", JsonEdit.REMOVE);
        assertEquals("1,043.70 | 37.50", view(document, "funds/totalAnnualBudget") + " | " + view(document, "funds/totalExecuted"));
        assertEquals("", view(document, "funds/totalInitialBudget"), "empty when all three are absent");
        assertEquals("1,000.50", view(document, "funds/carryOver/annualBudget"));
        assertEquals("", view(document, "funds/other/annualBudget"), "an absent row prints empty cells");
    }

    @Test
    void overspendingScoresTheWholeWeightWithAWarning() {
        byte[] document = edited(F + "/funds/fiscal/executed", "50", F + "/executionRate", JsonEdit.REMOVE,
                F + "/fundsScore", JsonEdit.REMOVE);
        assertEquals("115.74%", view(document, "printedRate"));
        assertEquals("10.00", view(document, "printedFundsScore"));
        assertTrue(warningAt(document, F + "/funds").message().contains("超过全年预算数"));
    }

    @Test
    void aZeroBudgetLeavesRateAndScoreEmptyWithAWarning() {
        byte[] document = edited(F + "/funds/fiscal/annualBudget", "0", F + "/executionRate", JsonEdit.REMOVE,
                F + "/fundsScore", JsonEdit.REMOVE);
        assertEquals("", view(document, "printedRate"));
        assertEquals("", view(document, "printedFundsScore"));
        assertTrue(warningAt(document, F + "/funds").message().contains("无法计算执行率"));
    }

    @Test
    void aGivenFundsWeightScalesTheScore() {
        byte[] document = edited(F + "/executionWeight", "20", F + "/fundsScore", JsonEdit.REMOVE);
        assertEquals("17.24", view(document, "printedFundsScore"));
        assertTrue(warningAt(document, F + "/indicators").message().contains("110"));
    }

    @Test
    void theFormulaIsInTheWarning() {
        byte[] document = edited(I + "/target", "\"≤5天\"", I + "/actual", "\"8天\"", I + "/score", "10");
        assertTrue(warningAt(document, I + "/score").message().contains("10 × 5 ÷ 8 = 6.25"));
    }

    @Test
    void satisfactionScoredAsPointsTimesActualIsAWarningAndComputesFullMarks() {
        byte[] document = edited(SATISFACTION + "/target", "\"98%\"", SATISFACTION + "/actual", "\"98%\"",
                SATISFACTION + "/weight", "20", SATISFACTION + "/score", "19.6");
        String message = warningAt(document, SATISFACTION + "/score").message();
        assertTrue(message.contains("19.6") && message.contains("得满分 20"), message);
        byte[] computed = JsonEdit.edit(document, SATISFACTION + "/score", JsonEdit.REMOVE);
        assertEquals("20.00", view(computed, "indicators/24/printedScore"));
    }

    @Test
    void fullMarksGivenWhereResultsMissTheirTargetsAreEachAWarning() {
        byte[] document = edited(F + "/indicators/3/actual", "\"95\"", F + "/indicators/4/actual", "\"80\"",
                F + "/indicators/6/actual", "\"90\"");
        List<String> paths = warnings(document).stream().map(Problem::path).toList();
        assertTrue(paths.containsAll(List.of(F + "/indicators/3/score", F + "/indicators/4/score", F + "/indicators/6/score")),
                paths.toString());
        assertTrue(warningAt(document, F + "/indicators/4/score").message().contains("10 × 80 ÷ 100 = 8.00"));
    }

    @Test
    void theIndicatorChecksReadTheTargetsAndCompareTheActuals() {
        byte[] document = edited(F + "/indicators/4/target", "\"≥100百分比\"", F + "/indicators/4/actual", "\"100\"",
                F + "/indicators/3/target", "\"≥95%\"");
        assertTrue(warningAt(document, F + "/indicators/4/target").message().contains("≥100百分比"));
        assertTrue(warningAt(document, F + "/indicators/3/actual").message().contains("单位不一致"),
                warnings(document).toString());
    }

    @Test
    void aQualitativeTargetWithoutAScoreIsAWarningAndAnEmptyCell() {
        byte[] document = edited(F + "/indicators/3/target", "\"按期完成\"", F + "/indicators/3/actual", "\"已完成\"",
                F + "/indicators/3/score", JsonEdit.REMOVE);
        assertTrue(warningAt(document, F + "/indicators/3/score").message().contains("请按完成情况评定后填写得分"));
        assertEquals("", view(document, "indicators/3/printedScore"));
        assertEquals("88.00", view(document, "totalScore"), "the empty cell counts nothing");
        byte[] scored = JsonEdit.edit(document, F + "/indicators/3/score", "8");
        assertTrue(warnings(scored).stream().noneMatch(w -> w.path().equals(F + "/indicators/3/score")));
        assertEquals("8", view(scored, "indicators/3/printedScore"));
    }

    @Test
    void aComputedScoreIsPrintedWithTwoDecimalsAndCounted() {
        byte[] document = edited(I + "/score", JsonEdit.REMOVE);
        assertEquals("8.62", view(document, "indicators/0/printedScore"));
        assertEquals("97.62", view(document, "totalScore"), "9 (funds, as stated) + 8.62 + 80");
    }

    @Test
    void aScoreAboveItsWeightIsRefusedWithItsPath() {
        byte[] document = edited(I + "/score", "10.5");
        RegisteredForm.Verdict verdict = FORM.verdict(document);
        assertEquals(List.of(I + "/score"), verdict.errors().stream().map(Problem::path).toList(), verdict.toString());
        assertTrue(verdict.errors().get(0).message().contains("超过分值 10"));
        assertEquals(422, TestServer.post("/api/v1/forms/" + ID + "/render", document).statusCode());
        RegisteredForm.Verdict funds = FORM.verdict(edited(F + "/fundsScore", "11"));
        assertEquals(List.of(F + "/fundsScore"), funds.errors().stream().map(Problem::path).toList(), funds.toString());
        RegisteredForm.Verdict unweighted = FORM.verdict(edited(I + "/weight", JsonEdit.REMOVE));
        assertEquals(List.of(I + "/score"), unweighted.errors().stream().map(Problem::path).toList(), unweighted.toString());
    }

    @Test
    void blockPointsAreTheSumOfTheirRowsWeights() {
        byte[] example = example();
        assertEquals("产出指标（50分） 效益指标（30分） 满意度指标（10分）", IntStream.range(0, rows(example))
                .filter(i -> ((Number) view(example, "indicators/" + i + "/level1Span")).intValue() > 0)
                .mapToObj(i -> "" + view(example, "indicators/" + i + "/level1Label") + view(example, "indicators/" + i + "/level1Points"))
                .collect(Collectors.joining(" ")));
        assertEquals("100", view(example, "totalWeight"));
        byte[] halves = edited(I + "/weight", "12.5", I + "/score", "9");
        assertEquals("（52.5分）", view(halves, "indicators/0/level1Points"));
        assertEquals("102.5", view(halves, "totalWeight"));
    }

    @Test
    void weightsThatDoNotMakeAHundredAreAWarningNamingTheSum() {
        byte[] document = edited(SATISFACTION + "/weight", "5", SATISFACTION + "/score", "5");
        String message = warningAt(document, F + "/indicators").message();
        assertTrue(message.contains("95") && message.contains("资金 10") && message.contains("绩效指标 85"), message);
        assertEquals("95", view(document, "totalWeight"));
    }

    @Test
    void placeholderRowsArePrintedWithoutWeightScoreOrWarning() {
        assertEquals("指标2||", view(example(), "indicators/1/name") + "|" + view(example(), "indicators/1/weight") + "|"
                + view(example(), "indicators/1/printedScore"));
        assertTrue(warnings(example()).stream().noneMatch(w -> w.path().startsWith(F + "/indicators/1")));
    }

    @Test
    void aRowWithValuesButNoWeightIsAWarning() {
        byte[] document = edited(F + "/indicators/1/target", "\"100\"");
        assertTrue(warningAt(document, F + "/indicators/1/weight").message().contains("不计入总分"));
    }

    @Test
    void levelsMergeAndSecondLevelsArePrintedWithTheirSuffix() {
        byte[] example = example();
        assertEquals("数量指标:3 质量指标:3 时效指标:3 成本指标:3 经济效益指标:3 社会效益指标:3 生态效益指标:3 可持续影响指标:3 服务对象满意度指标:1",
                IntStream.range(0, rows(example)).filter(i -> ((Number) view(example, "indicators/" + i + "/level2Span")).intValue() > 0)
                        .mapToObj(i -> view(example, "indicators/" + i + "/level2Label") + ":" + view(example, "indicators/" + i + "/level2Span"))
                        .collect(Collectors.joining(" ")));
        assertEquals("12 12 1", IntStream.range(0, rows(example)).mapToObj(i -> ((Number) view(example, "indicators/" + i + "/level1Span")).intValue())
                .filter(span -> span > 0).map(String::valueOf).collect(Collectors.joining(" ")));
        byte[] codes = edited(I + "/level1", "1", I + "/level2", "\"11-数量\"");
        assertEquals(3, ((Number) view(codes, "indicators/0/level2Span")).intValue());
    }

    @Test
    void titleLinesAndFileName() {
        assertEquals("附件1|2019", view(example(), "attachment") + "|" + view(example(), "year"));
        assertEquals("办公宿舍楼、食堂及餐厅暖通改造经费-项目支出绩效自评表", FORM.fileName(FORM.read(example())));
        String first = new String(example(), StandardCharsets.UTF_8);
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(first);
        ObjectNode second = (ObjectNode) document.path("forms").get(0).deepCopy();
        second.put("projectName", "食堂改造");
        ((ArrayNode) document.path("forms")).add(second);
        assertEquals("廊坊市食品工程学校-项目支出绩效自评表", FORM.fileName(FORM.read(document)));
        second.put("implementingUnit", "廊坊市第一中学");
        assertEquals("廊坊市发改委-项目支出绩效自评表", FORM.fileName(FORM.read(document)));
    }

    @Test
    void aReportDateBeforeTheYearIsAWarning() {
        byte[] document = edited(F + "/reportDate", "\"2018-12-31\"");
        assertTrue(warningAt(document, F + "/reportDate").message().contains("2019"));
        assertEquals("2020年3月5日", view(edited(F + "/reportDate", "\"2020-03-05\""), "reportDate"));
    }
}
