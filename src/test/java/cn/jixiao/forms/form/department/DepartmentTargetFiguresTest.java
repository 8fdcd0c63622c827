package cn.jixiao.forms.form.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.Forms;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic and rules of the 部门整体支出绩效目标申报表 as its folder declares them, without rendering. */
class DepartmentTargetFiguresTest {
    private static final String ID = "department-target";
    private static final RegisteredForm FORM = Forms.form(ID);
    private static final String F = "/forms/0";
    private static final String BUDGET = F + "/budget";
    /** The fund block of 衡山县贯塘乡人民政府 (2023) as published: its income side adds up to 2030.12, its expense side to 1925.67. */
    private static final String HENGSHAN = """
            {"byIncome": {"generalBudget": 1325.68, "governmentFund": 118.82, "other": 585.62},
             "byExpense": {"basic": 900.47, "project": 1025.20}}""";
    /** The published 部门 indicators of 金寨县茶谷和美丽乡村建设服务中心 (2023), as its 自评表 gives their targets; its 成本指标 are lost. */
    private static final String JINZHAI = """
            [{"level1": "产出指标", "level2": "数量指标", "name": "指标1:开展精品示范村建设数量", "value": "≤4"},
             {"level1": "产出指标", "level2": "数量指标", "name": "指标2:建设美丽宜居自然村庄数量", "value": "≥200"},
             {"level1": "产出指标", "level2": "数量指标", "name": "指标3:完成农村户用卫生厕所改造数量", "value": "≥2000"},
             {"level1": "产出指标", "level2": "数量指标", "name": "指标4:新建省级中心村数量", "value": "≥10"},
             {"level1": "产出指标", "level2": "质量指标", "name": "指标1:美丽宜居自然村庄验收通过率", "value": "≥95%"},
             {"level1": "产出指标", "level2": "质量指标", "name": "指标2:户用卫生厕所改造验收通过率", "value": "≥95%"},
             {"level1": "产出指标", "level2": "时效指标", "name": "指标1:完成美丽宜居自然村庄验收时间", "value": "9月前"},
             {"level1": "产出指标", "level2": "时效指标", "name": "指标2:完成户用卫生厕所改造验收时间", "value": "11月前"}]""";

    private static byte[] example() {
        return TestServer.example(ID);
    }

    private static byte[] edited(Object... edits) {
        return JsonEdit.editAll(example(), edits);
    }

    private static Object view(byte[] document, String path) {
        return Forms.at(Forms.view(ID, document), "forms/0/" + path);
    }

    private static List<Problem> errors(byte[] document) {
        return FORM.verdict(document).errors();
    }

    @Test
    void theExampleIsSoundAndItsAmountsPrintAsGiven() {
        RegisteredForm.Verdict verdict = FORM.verdict(example());
        assertEquals(List.of(), verdict.errors());
        assertEquals(List.of(), verdict.warnings());
        assertEquals("968.1918", verdict.computed().get(BUDGET + "/total"));
        assertEquals("968.1918 | 968.1918 | | | 724.2318 | 243.96", view(example(), "budget/total") + " | "
                + view(example(), "budget/byIncome/generalBudget") + " |" + view(example(), "budget/byIncome/governmentFund") + " |"
                + view(example(), "budget/byIncome/other") + " | " + view(example(), "budget/byExpense/basic") + " | "
                + view(example(), "budget/byExpense/project"));
    }

    @Test
    void amountsKeepTwoPlacesAndTheirOwnUpToFour() {
        byte[] document = edited(BUDGET, """
                {"byIncome": {"generalBudget": 100, "governmentFund": "1,234.5", "specialAccount": 0.0001, "other": "12.3400"},
                 "byExpense": {"basic": 1346.8401}}""");
        assertEquals(List.of(), errors(document));
        assertEquals("100.00 1,234.50 0.0001 12.34 = 1,346.8401", view(document, "budget/byIncome/generalBudget") + " "
                + view(document, "budget/byIncome/governmentFund") + " " + view(document, "budget/byIncome/specialAccount") + " "
                + view(document, "budget/byIncome/other") + " = " + view(document, "budget/total"));
        List<Problem> five = errors(edited(BUDGET + "/byIncome/generalBudget", "968.19181"));
        assertEquals(List.of(BUDGET + "/byIncome/generalBudget"), five.stream().map(Problem::path).toList());
        assertEquals("以万元计的金额最多4位小数：968.19181", five.get(0).message());
    }

    @Test
    void theExpenseSideThatDoesNotAddUpToTheTotalIsRefusedNamingBothSums() {
        byte[] document = edited(BUDGET, HENGSHAN);
        List<Problem> errors = errors(document);
        assertEquals(List.of(BUDGET), errors.stream().map(Problem::path).toList());
        assertEquals("按支出性质分之和 1,925.67 万元与资金总额（按收入性质分之和）2,030.12 万元不等，相差 104.45 万元：基本支出与项目支出之和应等于资金总额",
                errors.get(0).message());
        assertEquals(422, TestServer.post("/api/v1/forms/" + ID + "/render", document).statusCode());
        assertEquals("2,030.12", FORM.verdict(document).computed().get(BUDGET + "/total"), "资金总额 is still worked out");
        byte[] mended = JsonEdit.edit(document, BUDGET + "/byExpense/basic", "1004.92");
        assertEquals(List.of(), errors(mended), "900.47 + 104.45 = 1004.92 makes 2030.12");
    }

    @Test
    void aSideLeftEmptyCountsAsNothing() {
        List<Problem> noExpense = errors(edited(BUDGET + "/byExpense", JsonEdit.REMOVE));
        assertEquals("按支出性质分之和 0.00 万元（未填）与资金总额（按收入性质分之和）968.1918 万元不等，相差 968.1918 万元：基本支出与项目支出之和应等于资金总额",
                noExpense.get(0).message());
        List<Problem> noIncome = errors(edited(BUDGET + "/byIncome", JsonEdit.REMOVE));
        assertEquals("按支出性质分之和 968.1918 万元与资金总额（按收入性质分之和）0.00 万元（未填）不等，相差 968.1918 万元：基本支出与项目支出之和应等于资金总额",
                noIncome.get(0).message());
        byte[] neither = edited(BUDGET, "{}");
        assertEquals(List.of(), errors(neither));
        assertEquals("", view(neither, "budget/total"));
    }

    @Test
    void aTotalBeyondWhatTheColumnPrintsIsRefused() {
        List<Problem> errors = errors(edited(BUDGET, """
                {"byIncome": {"generalBudget": 9999999, "other": 1}, "byExpense": {"basic": 9999999, "project": 1}}"""));
        assertEquals(List.of(BUDGET), errors.stream().map(Problem::path).toList());
        assertEquals("资金总额 10,000,000.00 万元超过表中可印的最大金额 9,999,999.99 万元：请检查各项金额是否以万元计", errors.get(0).message());
    }

    @Test
    void publishedIndicatorsOfADepartmentAreCheckedAsAnAuditorWould() {
        List<Problem> warnings = Forms.warnings(FORM, edited(F + "/indicators", JINZHAI));
        // 9月前 and 11月前 are deadlines without a year, which the 时效 check does not read as dates
        assertEquals(List.of(F + "/indicators/6/value", F + "/indicators/7/value", F + "/indicators"),
                warnings.stream().map(Problem::path).toList(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("「9月前」没有写明日期"), warnings.get(0).message());
        assertEquals("项目「广水市人民政府办公室」没有效益指标：请至少填写一项效益指标（经济效益、社会效益、生态效益或可持续影响）",
                warnings.get(2).message());
        List<Problem> cost = Forms.warnings(FORM, edited(F + "/indicators/7/value", "\"≤1000万元\""));
        assertEquals(List.of(F + "/indicators/7/value"), cost.stream().map(Problem::path).toList());
        assertTrue(cost.get(0).message().contains("超过本项目资金总额 968.19 万元"), cost.get(0).message());
    }

    @Test
    void levelsMergeAndASecondLevelOutsideItsFirstIsRefused() {
        assertEquals("9 0 0 0 0 0 0 0 0 2 0 1", java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> String.valueOf(view(example(), "indicators/" + i + "/level1Span"))).collect(java.util.stream.Collectors.joining(" ")));
        assertEquals("3 0 0 2 0 2 0 2 0 1 1 1", java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> String.valueOf(view(example(), "indicators/" + i + "/level2Span"))).collect(java.util.stream.Collectors.joining(" ")));
        List<Problem> wrong = errors(edited(F + "/indicators/11/level2", "\"社会效益\""));
        assertEquals(List.of(F + "/indicators/11/level2"), wrong.stream().map(Problem::path).toList());
    }

    @Test
    void goalsAndTasksAreListsInPrintOrder() {
        assertEquals(3, ((List<?>) view(example(), "goals")).size());
        assertTrue(view(example(), "goals/0").toString().startsWith("保障市政府机关高效运转"));
        assertEquals("政务公开和政务服务", view(example(), "tasks/1/name"));
        List<Problem> blank = errors(edited(F + "/goals/1", "\"\""));
        assertEquals(List.of(F + "/goals/1"), blank.stream().map(Problem::path).toList());
        List<Problem> unnamed = errors(edited(F + "/tasks/0/name", JsonEdit.REMOVE));
        assertEquals(List.of(F + "/tasks/0/name"), unnamed.stream().map(Problem::path).toList());
        assertEquals(List.of(), errors(edited(F + "/tasks", JsonEdit.REMOVE, F + "/goals", JsonEdit.REMOVE)));
    }

    @Test
    void fileName() {
        assertEquals("广水市人民政府办公室-部门整体支出绩效目标申报表", FORM.fileName(FORM.read(example())));
    }
}
