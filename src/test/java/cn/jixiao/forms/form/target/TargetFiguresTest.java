package cn.jixiao.forms.form.target;

import static cn.jixiao.forms.testing.Forms.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.Forms;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The arithmetic, taxonomy and composed text of the target table, as its folder declares them. */
class TargetFiguresTest {
    private static final String ID = "performance-target";
    private static final RegisteredForm FORM = Forms.form(ID);

    /** Two units, 财政专户拨款 amounts, a total left out, indicators by code. */
    static final String TWO_UNITS = """
            {"organization": "某市卫生健康委员会",
             "units": [
               {"name": "某市第一人民医院", "projects": [
                 {"name": "设备购置", "fiscalAppropriation": 100.5, "specialAccountAppropriation": "20.25", "otherFunds": 3,
                  "goal": "更新设备", "indicators": [
                    {"level1": 1, "level2": 11, "name": "购置台数", "periodValue": "10台", "annualValue": "5台"},
                    {"level1": "效益", "level2": "社会效益指标", "name": "诊疗能力", "periodValue": "提升", "annualValue": "提升"}]},
                 {"name": "人才培养", "specialAccountAppropriation": 50, "total": 50, "goal": "培养骨干",
                  "indicators": [{"level1": "产出指标", "level2": "质量", "name": "结业率", "periodValue": "≥95%", "annualValue": "≥95%"},
                                 {"level1": "2", "level2": "22", "name": "服务能力", "periodValue": "提升", "annualValue": "提升"}]}]},
               {"name": "某市妇幼保健院", "projects": [
                 {"name": "妇幼筛查", "fiscalAppropriation": 0, "otherFunds": 12.3, "goal": "早筛早治",
                  "indicators": [{"level1": "满意度指标", "level2": "服务对象满意度", "name": "孕产妇满意度", "periodValue": "≥90%", "annualValue": "≥90%"}]}]}]}
            """;

    private static Map<String, Object> view(String json) {
        return Forms.view(ID, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String row(String kind, Map<?, ?> row, String name) {
        return String.join("|", kind, name, (String) row.get("total"), (String) row.get("fiscalAppropriation"),
                (String) row.get("specialAccountAppropriation"), (String) row.get("otherFunds"));
    }

    /** The table's rows as printed: 合计, then each unit's subtotal and its projects. */
    @SuppressWarnings("unchecked")
    private static String rows(Map<String, Object> view) {
        List<String> rows = new ArrayList<>();
        rows.add(row("total", view, "合计"));
        for (Object unit : (List<Object>) view.get("units")) {
            Map<String, Object> u = (Map<String, Object>) unit;
            rows.add(row("unit", u, (String) u.get("name")));
            for (Object project : (List<Object>) u.get("projects")) {
                rows.add(row("project", (Map<?, ?>) project, (String) ((Map<?, ?>) project).get("name")));
            }
        }
        return String.join("\n", rows);
    }

    @Test
    void grandTotalThenEachUnitSubtotalThenItsProjectsInInputOrder() {
        assertEquals(String.join("\n",
                "total|合计|186.05|100.50|70.25|15.30",
                "unit|某市第一人民医院|173.75|100.50|70.25|3.00",
                "project|设备购置|123.75|100.50|20.25|3.00",
                "project|人才培养|50.00||50.00|",
                "unit|某市妇幼保健院|12.30|||12.30",
                "project|妇幼筛查|12.30|||12.30"), rows(view(TWO_UNITS)));
    }

    @Test
    void computedGivesEveryProjectTotalAndTheSubtotalAndTotalRowsAsPrinted() {
        Map<String, String> computed = FORM.verdict(TWO_UNITS.getBytes(StandardCharsets.UTF_8)).computed();
        assertEquals("186.05", computed.get("/total"));
        assertEquals("70.25", computed.get("/specialAccountAppropriation"));
        assertEquals("173.75", computed.get("/units/0/total"));
        assertEquals("", computed.get("/units/1/fiscalAppropriation"), "a zero prints as an empty cell");
        assertEquals("123.75", computed.get("/units/0/projects/0/total"));
        assertEquals("12.30", computed.get("/units/1/projects/0/total"));
        assertEquals(4 + 2 * 4 + 3, computed.size(), computed.toString());
    }

    @Test
    void aFigureIsGivenWheneverWhatItAddsUpIsSound() {
        byte[] wrongTotal = JsonEdit.edit(TWO_UNITS.getBytes(StandardCharsets.UTF_8), "/units/0/projects/1/total", "51");
        RegisteredForm.Verdict verdict = FORM.verdict(wrongTotal);
        assertEquals(List.of("/units/0/projects/1/total"), verdict.errors().stream().map(Problem::path).toList());
        assertEquals("50.00", verdict.computed().get("/units/0/projects/1/total"), "the 总计 as its columns make it");
        byte[] notAnAmount = JsonEdit.edit(wrongTotal, "/units/0/projects/1/total", "\"五十\"");
        Map<String, String> computed = FORM.verdict(notAnAmount).computed();
        assertEquals("50.00", computed.get("/units/0/projects/1/total"), "its columns are sound");
        assertEquals("12.30", computed.get("/units/1/total"), "the other unit's figures stand");
        assertFalse(computed.containsKey("/units/0/total"), "its unit's 总计 adds up the 总计 in error");
        assertFalse(computed.containsKey("/total"), computed.toString());
    }

    @Test
    void aBlankIndicatorRowLeavesTheMoneyFiguresStanding() {
        byte[] document = TWO_UNITS.getBytes(StandardCharsets.UTF_8);
        Map<String, String> whole = FORM.verdict(document).computed();
        byte[] blankRow = JsonEdit.edit(document, "/units/0/projects/0/indicators/-", "{}");
        RegisteredForm.Verdict verdict = FORM.verdict(blankRow);
        assertTrue(verdict.errors().stream().allMatch(e -> e.path().startsWith("/units/0/projects/0/indicators/")), verdict.errors().toString());
        assertEquals(whole, verdict.computed(), "an indicator feeds no money figure");
        byte[] alsoBadName = JsonEdit.edit(blankRow, "/units/1/projects/0/indicators/0/name", "\"\"");
        assertEquals(whole, FORM.verdict(alsoBadName).computed(), "rows with errors in two projects");
        byte[] andAnAmount = JsonEdit.edit(blankRow, "/units/1/projects/0/fiscalAppropriation", "\"十二\"");
        Map<String, String> computed = FORM.verdict(andAnAmount).computed();
        assertFalse(computed.containsKey("/units/1/projects/0/total"), "the amount in error holds back what adds it up");
        assertFalse(computed.containsKey("/total"));
        assertEquals(whole.get("/units/0/total"), computed.get("/units/0/total"), "and nothing else");
    }
    @Test
    void theLongestTitleAndUnitNameAllowedArePrintedWholeOnEveryPage() {
        String title = "项目支出绩效目标表（含转移支付项目）" + "表".repeat(22);
        String organization = "广州市第十二人民医院".repeat(6);
        assertEquals(40, title.length());
        assertEquals(60, organization.length());
        byte[] document = JsonEdit.edit(JsonEdit.edit(TestServer.example("performance-target"), "/title", Json.MAPPER.writeValueAsString(title)),
                "/organization", Json.MAPPER.writeValueAsString(organization));
        List<String> pages = PdfDigest.pageTexts(TestServer.render("performance-target", document, OutputFormat.PDF).bytes());
        List<String> asUsual = PdfDigest.pageTexts(TestServer.render("performance-target", TestServer.example("performance-target"),
                OutputFormat.PDF).bytes());
        assertEquals(asUsual.size(), pages.size(), "the header block on two lines costs no page here");
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(List.of(), Fidelity.missing(Set.of(title, "单位名称：" + organization), pages.get(i)),
                    "page " + (i + 1));
        }
    }

    @Test
    void titleAndAmountUnitDefaults() {
        Map<String, Object> view = view(TWO_UNITS);
        assertEquals("项目支出绩效目标表（含转移支付项目）", view.get("title"));
        assertEquals("万元", view.get("amountUnit"));
        assertEquals("in-wan", view.get("amountScale"));
        assertEquals("某市卫生健康委员会", view.get("organization"));
    }

    @Test
    void amountsInYuan() {
        Map<String, Object> view = view(TWO_UNITS.replace("\"organization\"", "\"amountUnit\": \"元\", \"title\": \"2024年项目支出绩效目标表\", \"organization\""));
        assertEquals("元", view.get("amountUnit"));
        assertEquals("in-yuan", view.get("amountScale"));
        assertEquals("2024年项目支出绩效目标表", view.get("title"));
        byte[] pdf = TestServer.render("performance-target",
                Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(TWO_UNITS.replace("\"organization\"", "\"amountUnit\": \"元\", \"organization\""))),
                OutputFormat.PDF).bytes();
        assertTrue(PdfDigest.text(pdf).contains("单位：元"));
    }

    @Test
    void twoUnitsRenderWithTheirSubtotalsInBothFormats() {
        byte[] body = TWO_UNITS.getBytes(StandardCharsets.UTF_8);
        String pdf = PdfDigest.text(TestServer.render("performance-target", body, OutputFormat.PDF).bytes());
        String docx = DocxDigest.text(TestServer.render("performance-target", body, OutputFormat.DOCX).bytes());
        for (String text : List.of(pdf, docx)) {
            for (String expected : List.of("186.05", "173.75", "70.25", "某市妇幼保健院", "12.30", "1、1-产出指标：11-数量指标：购置台数；实施周期指标值：10台；年度指标值：5台。")) {
                assertTrue(text.replaceAll("\\s", "").contains(expected), expected + " in\n" + text);
            }
        }
    }

    @Test
    void canonicalIndicatorText() {
        String indicators = "[{\"level1\": \"产出\", \"level2\": \"数量指标\", \"name\": \"公立医院医疗服务收入占比\","
                + " \"periodValue\": \">21%\", \"annualValue\": \">21%\"},"
                + " {\"level1\": \"3\", \"level2\": 31, \"name\": \"职工满意度\", \"periodValue\": \"≥80%\", \"annualValue\": null}]";
        byte[] document = JsonEdit.edit(TWO_UNITS.getBytes(StandardCharsets.UTF_8), "/units/0/projects/0/indicators", indicators);
        assertEquals("1、1-产出指标：11-数量指标：公立医院医疗服务收入占比；实施周期指标值：>21%；年度指标值：>21%。"
                        + "2、3-满意度指标：31-服务对象满意度：职工满意度；实施周期指标值：≥80%；年度指标值：。",
                at(Forms.view(ID, document), "units/0/projects/0/indicatorText"));
        byte[] none = JsonEdit.edit(TWO_UNITS.getBytes(StandardCharsets.UTF_8), "/units/0/projects/0/indicators", "[]");
        assertEquals("", at(Forms.view(ID, none), "units/0/projects/0/indicatorText"));
    }

    @Test
    void givenTotalMustEqualTheSumOfTheFundColumns() {
        byte[] document = JsonEdit.edit(TestServer.example("performance-target"), "/units/0/projects/0/total", "4809.90");
        FormError error = assertThrows(() -> FORM.read(document));
        Problem problem = error.details().get(0);
        assertEquals("/units/0/projects/0/total", problem.path());
        assertEquals("总计 4,809.90 不等于 财政拨款 + 财政专户拨款 + 其他资金 = 4,809.89", problem.message());
    }

    @Test
    void level2MustBelongToItsLevel1() {
        byte[] document = JsonEdit.edit(TestServer.example("performance-target"), "/units/0/projects/1/indicators/0/level2", "\"社会效益\"");
        FormError error = assertThrows(() -> FORM.read(document));
        assertEquals("/units/0/projects/1/indicators/0/level2", error.details().get(0).path());
        assertEquals("二级指标「社会效益」不属于一级指标「产出指标」；产出指标的二级指标为：11-数量指标、12-质量指标、13-时效指标、14-成本指标",
                error.details().get(0).message());
    }

    @Test
    void missingOutputOrBenefitIndicatorsAreWarningsNotErrors() {
        RegisteredForm.Verdict verdict = FORM.verdict(TestServer.example("performance-target"));
        assertTrue(verdict.valid(), verdict.errors().toString());
        long noBenefit = verdict.warnings().stream().filter(w -> w.message().contains("没有效益指标：")).count();
        long noOutput = verdict.warnings().stream().filter(w -> w.message().contains("没有产出指标：")).count();
        assertEquals(12, noBenefit);
        assertEquals(3, noOutput);
    }

    @Test
    void projectsAcrossUnitsCountAgainstTheLimit() {
        Limits two = new Limits(Limits.DEFAULT.bodyBytes(), 2, 50, 100, 5000, 500, 1 << 20, 1 << 20, 10, 255, 20_000, 50_000);
        RegisteredForm small = FormRegistry.bundled(two, new TextRules(cp -> true), IndicatorChecks.DEFAULT).get(ID);
        RegisteredForm.Verdict verdict = small.verdict(TWO_UNITS.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("/units 项目过多：全表最多 2 个项目，现有 3 个（限制 JIXIAO_MAX_FORMS）"),
                verdict.errors().stream().map(e -> e.path() + " " + e.message()).toList());
        assertEquals("JIXIAO_MAX_FORMS", verdict.errors().get(0).limit());
    }

    private static FormError assertThrows(Executable executable) {
        return Assertions.assertThrows(FormError.class, executable);
    }
}
