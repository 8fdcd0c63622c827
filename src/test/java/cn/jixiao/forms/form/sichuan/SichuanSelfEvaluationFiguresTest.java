package cn.jixiao.forms.form.sichuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.FormFigures;
import cn.jixiao.forms.testing.JsonEdit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 四川's 自评表 (报表编号 510000_0013zp) as its folder declares it: 预算执行率 against 调整后预算数, indicators scored by
 * 指标性质 + 指标值 + 度量单位, the closing texts held to 200 characters; on 青神's published figures.
 */
class SichuanSelfEvaluationFiguresTest {
    private static final FormFigures FORM = new FormFigures("performance-self-evaluation-sichuan");
    private static final String F = "/forms/0";
    /** 开展价格监测次数: ≥ 24 次, 22 done, 权重 10, stated 得分 10 (the completed row's slip). */
    private static final String MISSED = F + "/indicators/1";
    /** 项目支出控制数: ≤ 251.89 万元, 251.89 done, 权重 10. */
    private static final String COST = F + "/indicators/4";

    private static Object view(byte[] document, String path) {
        return FORM.view(document, "forms/0/" + path);
    }

    @Test
    void thePublishedFundsComeBackAsPrinted() {
        byte[] example = FORM.example();
        assertEquals("238.93 | 251.89 | 251.89 | 100.00%", view(example, "funds/totalInitialBudget") + " | "
                + view(example, "funds/totalAnnualBudget") + " | " + view(example, "funds/totalExecuted") + " | " + view(example, "printedRate"));
        assertEquals("0.00 | 3.36 | 3.36 | 100.00%", view(example, "funds/unit/initialBudget") + " | " + view(example, "funds/unit/annualBudget")
                + " | " + view(example, "funds/unit/executed") + " | " + view(example, "funds/unit/rate"));
        assertEquals("100.00%", view(example, "funds/fiscal/rate"));
        assertEquals("", view(example, "funds/specialAccount/rate"), "a row not given prints empty");
        assertEquals("10 | 10.00", view(example, "weight") + " | " + view(example, "printedFundsScore"));
        assertEquals("预算执行情况（10分） | 绩效指标（90分）", view(example, "fundsHeading") + " | " + view(example, "indicatorsHeading"));
        assertEquals("100 | 100.00", view(example, "totalWeight") + " | " + view(example, "totalScore"), "10.00 + 90 as stated");
    }

    @Test
    void computedGivesTheTotalRowTheRatesAndTheScores() {
        Map<String, String> computed = FORM.computed(FORM.edited(F + "/executionRate", JsonEdit.REMOVE, MISSED + "/score", JsonEdit.REMOVE));
        List<String> cells = List.of("/funds/total/annualBudget", "/executionRate", "/funds/unit/rate", "/fundsScore", "/indicators/1/score",
                "/totalScore", "/indicators/0/level1");
        assertEquals(List.of("251.89", "100.00%", "100.00%", "10.00", "9.17", "99.17", "产出指标（60分）"),
                cells.stream().map(cell -> computed.get(F + cell)).toList(), computed.toString());
    }

    @Test
    void theRateIsTakenAgainst调整后预算数NotThe年初预算() {
        byte[] document = FORM.edited(F + "/funds/fiscal/executed", "238.93", F + "/executionRate", JsonEdit.REMOVE);
        assertEquals("96.19%", view(document, "printedRate"), "242.29 ÷ 251.89, not ÷ 238.93 (101.41 %)");
        assertEquals("9.62", view(document, "printedFundsScore"));
        assertEquals("96.14%", view(document, "funds/fiscal/rate"), "238.93 ÷ 248.53");
    }

    @Test
    void theExampleComesBackWithItsOneSlip() {
        assertEquals(List.of(MISSED + "/score  指标「开展价格监测次数」填报的得分 10 与计算值不符：10 × 22 ÷ 24 = 9.17"), FORM.warningLines(FORM.example()));
    }

    @Test
    void the指标性质IsTheComparisonOfTheTarget() {
        byte[] missed = FORM.edited(F + "/indicators/2/actual", "\"90\"", F + "/indicators/2/score", JsonEdit.REMOVE);
        assertEquals("14.21", view(missed, "indicators/2/printedScore"), "≥ 95 %, 90 done: 15 × 90 ÷ 95");
        assertEquals("≥95%", view(missed, "indicators/2/composedTarget"));
        byte[] over = FORM.edited(COST + "/actual", "\"260\"", COST + "/score", JsonEdit.REMOVE);
        assertEquals("9.69", view(over, "indicators/4/printedScore"), "≤ 251.89 万元, 260 spent: 10 × 251.89 ÷ 260");
        byte[] exactly = FORM.edited(F + "/indicators/3/nature", "\"=\"", F + "/indicators/3/actual", "\"11\"", F + "/indicators/3/score", JsonEdit.REMOVE);
        assertEquals("9.17", view(exactly, "indicators/3/printedScore"), "= 12 个月, 11 done: 10 × 11 ÷ 12");
        byte[] turned = FORM.edited(COST + "/nature", "\"≥\"", COST + "/actual", "\"260\"", COST + "/score", JsonEdit.REMOVE);
        assertEquals("10.00", view(turned, "indicators/4/printedScore"), "the same values under ≥ are met");
        byte[] withUnit = FORM.edited(F + "/indicators/2/actual", "\"100%\"", F + "/indicators/2/score", JsonEdit.REMOVE);
        assertEquals("15.00", view(withUnit, "indicators/2/printedScore"), "a 完成值 may carry its unit");
    }

    @Test
    void aQualitativeIndicatorHasNo指标性质AndIsScoredByPeople() {
        byte[] document = FORM.edited(F + "/indicators/5/score", JsonEdit.REMOVE);
        assertEquals("", view(document, "indicators/5/printedScore"));
        assertEquals("指标「重点项目前期工作推进成效」的得分无法计算（年度指标值「有效推进」不是可直接比较的数值），此格留空，总分不含此项：请按完成情况评定后填写得分",
                FORM.warningAt(document, F + "/indicators/5/score").message());
    }

    @Test
    void a指标性质OutsideTheThreeIsRefused() {
        List<String> errors = FORM.errorLines(FORM.edited(F + "/indicators/0/nature", "\"≧\""));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(F + "/indicators/0/nature  ") && errors.get(0).contains("≥"), errors.toString());
    }

    @Test
    void eachClosingTextIsHeldTo200Characters() {
        String limit = "评".repeat(199) + "。";
        assertEquals(List.of(), FORM.warnings(FORM.edited(F + "/problems", "\"" + limit + "\"")).stream()
                .filter(w -> w.path().equals(F + "/problems")).toList(), "200 characters are within the limit");
        byte[] document = FORM.edited(F + "/conclusion", "\"" + limit + "好\"", F + "/improvements", "\"" + "改".repeat(150) + "\\n" + "进".repeat(60) + "\"");
        assertEquals("评价结论共 201 字，超过表中「200字以内」的要求：请精简到 200 字以内", FORM.warningAt(document, F + "/conclusion").message());
        assertEquals("改进措施共 211 字，超过表中「200字以内」的要求：请精简到 200 字以内", FORM.warningAt(document, F + "/improvements").message(),
                "a line break counts as a character");
    }

    @Test
    void overspendingAndAZeroBudgetAreWarnedInTheProvincesWords() {
        byte[] over = FORM.edited(F + "/funds/unit/executed", "5", F + "/executionRate", JsonEdit.REMOVE);
        assertEquals("100.65%", view(over, "printedRate"));
        assertEquals("10.00", view(over, "printedFundsScore"));
        assertEquals("预算执行数 253.53 超过调整后预算数 251.89，得分按预算执行率 100% 计", FORM.warningAt(over, F + "/funds").message());
        byte[] zero = FORM.edited(F + "/funds/fiscal/annualBudget", "0", F + "/funds/unit/annualBudget", "0", F + "/executionRate", JsonEdit.REMOVE);
        assertEquals("调整后预算数为空或为 0，或预算执行数为空：无法计算预算执行率与得分，两格留空", FORM.warningAt(zero, F + "/funds").message());
        assertEquals("", view(zero, "funds/unit/rate"));
    }

    @Test
    void weightsThatDoNotMakeAHundredNameBothBlocks() {
        byte[] document = FORM.edited(F + "/indicators/0/weight", "10", F + "/indicators/0/score", "10");
        assertEquals("权重合计为 95（预算执行 10 + 绩效指标 85），应为 100", FORM.warningAt(document, F + "/indicators").message());
        assertEquals("绩效指标（85分）", view(document, "indicatorsHeading"));
    }

    @Test
    void theProjectNamesTheFileAndThe10号FieldsThatWentAreRefused() {
        assertEquals("青神县发展和改革局2023年度项目支出-项目支出绩效自评表（四川）", FORM.fileName(FORM.example()));
        assertEquals(1, FORM.errorLines(FORM.edited(F + "/funds/carryOver", "{\"annualBudget\": 1}")).size());
        assertEquals(1, FORM.errorLines(FORM.edited(F + "/preparer", "\"张三\"")).size());
        assertTrue(FORM.errorLines(FORM.edited(F + "/projectLeader", "\"张三\"", F + "/financeLeader", "\"李四\"")).isEmpty());
    }

    @Test
    void aRowOfNamesOnlyIsAPlaceholder() {
        byte[] document = FORM.edited(F + "/indicators/-", "{\"level1\": \"满意度指标\", \"level2\": \"服务对象满意度\", \"name\": \"……\"}");
        assertEquals(FORM.warningLines(FORM.example()), FORM.warningLines(document));
        assertEquals(true, view(document, "indicators/8/placeholder"));
    }
}
