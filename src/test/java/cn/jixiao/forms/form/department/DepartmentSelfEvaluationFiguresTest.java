package cn.jixiao.forms.form.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.FormFigures;
import cn.jixiao.forms.testing.JsonEdit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 部门整体支出绩效自评表 as its folder declares it: the 10号 scoring on 金寨's published funds (102.59 % scores the
 * whole 10), and 衡山's split whose expense side is 104.45 short of 全年预算数.
 */
class DepartmentSelfEvaluationFiguresTest {
    private static final FormFigures FORM = new FormFigures("department-self-evaluation");
    /** 金寨县茶谷和美丽乡村建设服务中心: the 10号 layout with 部门, its funds in the 当年财政拨款 row. */
    private static final String JINZHAI = "/forms/0";
    /** 衡山县贯塘乡人民政府: only the 年度资金总额 row, stated, and the split. */
    private static final String HENGSHAN = "/forms/1";
    private static final String EXPENSE_SHORT = HENGSHAN + "/budgetSplit/byExpense  按支出性质分合计 1,925.67（基本支出 900.47 + 项目支出 1,025.20），"
            + "比全年预算数 2,030.12 少 104.45：按收入性质分和按支出性质分都应合计为全年预算数";

    private static Object view(byte[] document, String path) {
        return FORM.view(document, path.substring(1));
    }

    @Test
    void thePublishedFormsComeBackWithJinzhaisOverspendingAndHengshansExpenseSide() {
        assertEquals(List.of(JINZHAI + "/funds  全年执行数 338.31 超过全年预算数 329.77，资金得分按执行率 100% 计", EXPENSE_SHORT),
                FORM.warningLines(FORM.example()));
    }

    @Test
    void aRateAbove100PrintsAsComputedAndScoresTheWholeWeight() {
        byte[] stated = FORM.example();
        assertEquals("102.59%", view(stated, JINZHAI + "/printedRate"), "stated as published, and equal to the working");
        assertEquals("10.00", view(stated, JINZHAI + "/printedFundsScore"), "blank on the published form: 10 × min(102.59 %, 100 %)");
        byte[] computed = FORM.edited(JINZHAI + "/executionRate", JsonEdit.REMOVE);
        Map<String, String> figures = FORM.computed(computed);
        assertEquals("102.59%", figures.get(JINZHAI + "/executionRate"), "338.31 ÷ 329.77 × 100, half up");
        assertEquals("10.00", figures.get(JINZHAI + "/fundsScore"));
        assertEquals("102.59%", figures.get(JINZHAI + "/funds/fiscal/rate"), "the 其中 row's own rate, as 金寨 prints it");
        assertEquals(FORM.warningLines(stated), FORM.warningLines(computed));
        assertEquals("100.00", figures.get(JINZHAI + "/totalScore"), "10.00 + the indicators' 90");
        assertEquals("100", figures.get(JINZHAI + "/totalWeight"));
    }

    @Test
    void aStatedScoreAboveTheRateIsAWarningWithTheCap() {
        byte[] document = FORM.edited(JINZHAI + "/fundsScore", "9");
        assertEquals("填报的资金得分 9 与计算值不符：执行率超过 100%，按 100% 计：10 × 100% = 10.00",
                FORM.warningAt(document, JINZHAI + "/fundsScore").message());
    }

    @Test
    void theTotalRowIsTheRowsSumOrAsStated() {
        byte[] example = FORM.example();
        assertEquals("329.77 | 329.77 | 338.31", view(example, JINZHAI + "/funds/totalInitialBudget") + " | "
                + view(example, JINZHAI + "/funds/totalAnnualBudget") + " | " + view(example, JINZHAI + "/funds/totalExecuted"));
        assertEquals("861.10 | 2,030.12 | 2,030.12", view(example, HENGSHAN + "/funds/totalInitialBudget") + " | "
                + view(example, HENGSHAN + "/funds/totalAnnualBudget") + " | " + view(example, HENGSHAN + "/funds/totalExecuted"));
        Map<String, String> figures = FORM.computed(example);
        assertEquals("2,030.12", figures.get(HENGSHAN + "/funds/total/annualBudget"));
        assertEquals("100%", figures.get(HENGSHAN + "/executionRate"), "stated as published");
        assertEquals("10", figures.get(HENGSHAN + "/fundsScore"), "自评得分 as published");
        byte[] carried = FORM.edited(JINZHAI + "/funds/carryOver", "{\"annualBudget\": \"1,000.5\", \"executed\": 0.26}");
        assertEquals("1,330.27 | 338.57", view(carried, JINZHAI + "/funds/totalAnnualBudget") + " | "
                + view(carried, JINZHAI + "/funds/totalExecuted"));
        assertEquals("", view(carried, JINZHAI + "/funds/other/rate"), "an absent row has no rate");
        assertEquals("0.03%", view(carried, JINZHAI + "/funds/carryOver/rate"));
    }

    @Test
    void aStatedTotalThatIsNotTheRowsSumIsRefusedColumnByColumn() {
        byte[] document = FORM.edited(HENGSHAN + "/funds/fiscal", "{\"initialBudget\": 861.1, \"annualBudget\": 1000, \"executed\": 2030.12}");
        assertEquals(List.of(HENGSHAN + "/funds/total/annualBudget  年度资金总额的全年预算数 2,030.12 不等于 当年财政拨款 + 上年结转资金 + 其他资金 = "
                + "1,000.00：填了其中各行时，年度资金总额可留空"), FORM.errorLines(document));
        byte[] agreeing = FORM.edited(HENGSHAN + "/funds/fiscal", "{\"initialBudget\": 800, \"annualBudget\": 2000, \"executed\": 2000}",
                HENGSHAN + "/funds/other", "{\"initialBudget\": 61.1, \"annualBudget\": 30.12, \"executed\": 30.12}");
        assertEquals(List.of(), FORM.errorLines(agreeing));
        assertEquals(true, view(agreeing, HENGSHAN + "/showSources"), "rows given print beside the split");
        assertEquals("11", view(agreeing, HENGSHAN + "/fundsRows"));
    }

    @Test
    void eachSideOfTheSplitIsComparedWith全年预算数NamingTheDifference() {
        byte[] example = FORM.example();
        assertEquals("2,030.12", view(example, HENGSHAN + "/budgetSplit/byIncome/sum"), "the income side adds up");
        assertEquals("1,925.67", view(example, HENGSHAN + "/budgetSplit/byExpense/sum"));
        byte[] incomeShort = FORM.edited(HENGSHAN + "/budgetSplit/byIncome/generalBudget", "1300");
        assertEquals("按收入性质分合计 2,004.44（一般公共预算 1,300.00 + 政府性基金拨款 118.82 + 其他资金 585.62），"
                + "比全年预算数 2,030.12 少 25.68：按收入性质分和按支出性质分都应合计为全年预算数",
                FORM.warningAt(incomeShort, HENGSHAN + "/budgetSplit/byIncome").message());
        byte[] expenseOver = FORM.edited(HENGSHAN + "/budgetSplit/byExpense/project", "1200");
        assertTrue(FORM.warningAt(expenseOver, HENGSHAN + "/budgetSplit/byExpense").message()
                .startsWith("按支出性质分合计 2,100.47（基本支出 900.47 + 项目支出 1,200.00），比全年预算数 2,030.12 多 70.35："));
        byte[] balanced = FORM.edited(HENGSHAN + "/budgetSplit/byExpense/basic", "1004.92");
        assertTrue(FORM.warnings(balanced).stream().noneMatch(w -> w.path().contains("budgetSplit")), FORM.warningLines(balanced).toString());
    }

    @Test
    void aSideLeftOutOrABudgetMissingIsNotCompared() {
        byte[] noExpense = FORM.edited(HENGSHAN + "/budgetSplit/byExpense", JsonEdit.REMOVE);
        assertTrue(FORM.warnings(noExpense).stream().noneMatch(w -> w.path().contains("budgetSplit")));
        assertEquals("", view(noExpense, HENGSHAN + "/budgetSplit/byExpense/basic"), "its lines print empty");
        byte[] noBudget = FORM.edited(HENGSHAN + "/funds/total/annualBudget", JsonEdit.REMOVE);
        assertEquals(List.of(), FORM.warnings(noBudget).stream().map(w -> w.path()).filter(path -> path.startsWith(HENGSHAN)).toList(),
                "no side is compared without 全年预算数 (and 执行率 and 得分 are stated, so nothing else is missing)");
    }

    @Test
    void theSplitPrintsInPlaceOfTheSourceRowsWhenTheyAreNotGiven() {
        byte[] example = FORM.example();
        assertEquals("true false 5", view(example, JINZHAI + "/showSources") + " " + view(example, JINZHAI + "/showSplit") + " "
                + view(example, JINZHAI + "/fundsRows"));
        assertEquals("false true 8", view(example, HENGSHAN + "/showSources") + " " + view(example, HENGSHAN + "/showSplit") + " "
                + view(example, HENGSHAN + "/fundsRows"));
        assertEquals("1,325.68 | 118.82 |  | 585.62 | 900.47 | 1,025.20", String.join(" | ",
                List.of("byIncome/generalBudget", "byIncome/governmentFund", "byIncome/specialAccount", "byIncome/other",
                        "byExpense/basic", "byExpense/project").stream()
                        .map(line -> (String) view(example, HENGSHAN + "/budgetSplit/" + line)).toList()));
    }

    @Test
    void aZeroBudgetLeavesRateAndScoreEmptyWithAWarning() {
        byte[] document = FORM.edited(JINZHAI + "/funds/fiscal/annualBudget", "0", JINZHAI + "/executionRate", JsonEdit.REMOVE);
        assertEquals("", view(document, JINZHAI + "/printedRate"));
        assertEquals("", view(document, JINZHAI + "/printedFundsScore"));
        assertEquals("", view(document, JINZHAI + "/funds/fiscal/rate"));
        assertEquals("全年预算数为空或为 0，或全年执行数为空：无法计算执行率与资金得分，两格留空",
                FORM.warningAt(document, JINZHAI + "/funds").message());
    }

    @Test
    void indicatorsAreScoredByThe10号Rules() {
        byte[] example = FORM.example();
        assertEquals("10", view(example, JINZHAI + "/indicators/0/printedScore"), "≤4 with 4: met, as published");
        byte[] missed = FORM.edited(JINZHAI + "/indicators/0/actual", "\"5\"", JINZHAI + "/indicators/0/score", JsonEdit.REMOVE);
        assertEquals("8.00", view(missed, JINZHAI + "/indicators/0/printedScore"), "10 × 4 ÷ 5");
        assertEquals("产出指标（65分） 效益指标（15分） 满意度指标（10分）", String.join(" ", List.of(0, 9, 11).stream()
                .map(i -> "" + view(example, JINZHAI + "/indicators/" + i + "/level1Label") + view(example, JINZHAI + "/indicators/" + i + "/level1Points"))
                .toList()));
        assertTrue(FORM.warnings(example).stream().noneMatch(w -> w.path().contains("/indicators/6")),
                "9月前 is a deadline, as a 时效指标 needs");
    }

    @Test
    void theDepartmentNamesTheFormAndItsFile() {
        byte[] single = FORM.edited(HENGSHAN, JsonEdit.REMOVE);
        assertEquals("金寨县茶谷和美丽乡村建设服务中心-部门整体支出绩效自评表", FORM.fileName(single));
        assertEquals("部门整体支出绩效自评表", FORM.fileName(FORM.example()), "two departments: the title alone");
        assertEquals(List.of(JINZHAI + "/unitName  缺少必填项「部门」"), FORM.errorLines(FORM.edited(JINZHAI + "/unitName", JsonEdit.REMOVE)));
        assertEquals(1, FORM.errorLines(FORM.edited(JINZHAI + "/projectName", "\"茶谷建设\"")).size(), "a project's field is not the department's");
    }
}
