package cn.jixiao.forms.excel;

import static cn.jixiao.forms.excel.ExportStyles.NINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.TestServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The target table in each layout budget systems export it in, made here: the unit given per row, the row
 * total and its parts, the goal and total under their other names, amount units in the headers, the five
 * ways indicators are written, a header of two rows, a workbook LibreOffice saved. Each reads to the right
 * units, totals and indicators; every column is accounted for.
 */
class ExportStylesReadingTest {
    private static final String IMPORT = "/api/v1/forms/performance-target/import";

    static JsonNode imported(byte[] workbook) {
        HttpResponse<byte[]> response = TestServer.post(IMPORT, workbook, "Content-Type", "application/octet-stream");
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer;
    }

    private static List<JsonNode> list(JsonNode array) {
        return array.valueStream().toList();
    }

    /** The nine projects came back under their three units, in order, with their amounts and three indicators each. */
    private static void assertNineProjects(JsonNode document) {
        assertEquals("万元", document.path("amountUnit").asString());
        assertEquals("某区卫生健康局", document.path("organization").asString());
        JsonNode units = document.path("units");
        assertEquals(List.of("某区疾病预防控制中心", "某区妇幼保健院", "某区卫生监督所"), list(units).stream().map(u -> u.path("name").asString()).toList());
        for (int i = 0; i < NINE.size(); i++) {
            JsonNode project = units.at("/" + (i / 3) + "/projects/" + (i % 3));
            ExportStyles.Project expected = NINE.get(i);
            assertEquals(expected.name(), project.path("name").asString());
            assertEquals(0, project.path("total").decimalValue().compareTo(new BigDecimal(expected.total())), project.toString());
            assertEquals(0, project.path("fiscalAppropriation").decimalValue().compareTo(new BigDecimal(expected.fiscal())));
            assertEquals(expected.goal(), project.path("goal").asString());
            assertEquals(3, project.path("indicators").size(), project.toString());
            assertEquals("产出指标", project.at("/indicators/0/level1").asString());
            assertEquals("数量指标", project.at("/indicators/0/level2").asString());
            assertEquals(expected.name() + "服务人次", project.at("/indicators/0/name").asString());
            assertEquals("≥1200人次", project.at("/indicators/0/periodValue").asString());
            assertEquals("≥1200人次", project.at("/indicators/0/annualValue").asString());
            assertEquals("服务对象满意度", project.at("/indicators/2/level2").asString(), "levels as the forms print them");
            assertEquals("≥90%", project.at("/indicators/2/annualValue").asString());
        }
    }

    /** The workbook of the complaint: refused whole before, read now to nine projects of three units. */
    @Test
    void nineProjectsOfThreeUnitsWithTheUnitInAColumn() {
        JsonNode answer = imported(ExportStyles.nineProjects("0"));
        assertEquals(List.of(), list(answer.path("errors")), answer.toString());
        assertNineProjects(answer.path("document"));
        assertEquals(List.of(), list(answer.path("unread")), "every column read");
        JsonNode unitColumn = list(answer.path("columns")).stream().filter(c -> c.path("header").asString().equals("资金使用单位"))
                .findFirst().orElseThrow();
        assertEquals("/units/*/name", unitColumn.path("path").asString());
        assertEquals("项目支出绩效目标表!B3", unitColumn.path("cell").asString());
        assertTrue(list(answer.path("columns")).stream().anyMatch(c -> c.path("header").asString().equals("年度资金总额")
                && c.path("path").asString().equals("/units/*/projects/*/total")));
        assertTrue(list(answer.path("columns")).stream().anyMatch(c -> c.path("header").asString().equals("年度目标")
                && c.path("field").asString().equals("绩效目标")));
        assertEquals("项目支出绩效目标表!B8", answer.path("sources").path("/units/1/name").asString(), "a unit comes from the cell it is first named in");
        assertTrue(list(answer.path("warnings")).stream().noneMatch(w -> w.path("message").asString().contains("不符")), answer.toString());
    }

    @Test
    void aTotalOffInTheRowTotalColumnIsReportedWithBothCells() {
        JsonNode answer = imported(ExportStyles.nineProjects("10.00"));
        JsonNode warning = list(answer.path("warnings")).stream().filter(w -> w.path("message").asString().contains("不符")).findFirst()
                .orElseThrow(() -> new AssertionError(answer.path("warnings").toString()));
        String message = warning.path("message").asString();
        assertEquals("项目支出绩效目标表!C4", warning.path("cell").asString());
        assertTrue(message.contains("合计的总计 项目支出绩效目标表!C4 为 592.75") && message.contains("之和 582.75")
                && message.contains("项目支出绩效目标表!C5:C13"), message);
    }

    @Test
    void aRowTotalThatIsNotItsPartsIsAnErrorNamingEveryCell() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"单位名称：某区卫生健康局"},
                new String[]{"项目名称", "预算单位", "项目总额", "财政拨款", "其他资金", "绩效目标", "绩效指标"},
                new String[]{"免疫规划", "某区疾控中心", "160.50", "120.00", "30.50", "完成接种", ExportStyles.dashed(NINE.get(0))})));
        JsonNode answer = imported(workbook);
        JsonNode error = list(answer.path("errors")).stream().filter(e -> e.path("path").asString().equals("/units/0/projects/0/total"))
                .findFirst().orElseThrow(() -> new AssertionError(answer.toString()));
        assertEquals("Sheet1!C3", error.path("cell").asString());
        assertEquals("Sheet1!C3：总计 Sheet1!C3 为 160.50，与 财政拨款 Sheet1!D3、其他资金 Sheet1!E3 之和 150.50 不符：请核对",
                error.path("message").asString());
        assertEquals(1, answer.path("errors").size(), "the document's own refusal of the same 总计 is not said twice: " + answer);
        assertEquals("某区疾控中心", answer.at("/document/units/0/name").asString());
    }

    @Test
    void unitRowsWithSubtotalsUnderAUnitColumn() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"资金使用单位", "项目名称", "财政拨款", "其他资金", "年度绩效目标", "绩效指标"},
                new String[]{"合计", "", "330.50", "30.50"},
                new String[]{"某区疾控中心", "", "200.00", "30.50"},
                new String[]{"某区疾控中心", "免疫规划", "120.00", "30.50", "完成接种", ExportStyles.dashed(NINE.get(0))},
                new String[]{"", "慢病防控", "80.00", "", "慢病随访", ExportStyles.dashed(NINE.get(1))},
                new String[]{"某区卫生监督所", "", "130.50"},
                new String[]{"某区卫生监督所", "卫生监督执法", "130.00", "", "监督检查", ExportStyles.dashed(NINE.get(6))})));
        JsonNode answer = imported(workbook);
        JsonNode document = answer.path("document");
        assertEquals(2, document.path("units").size(), document.toString());
        assertEquals(2, document.at("/units/0/projects").size(), "a blank unit cell goes on with the unit above");
        assertEquals("慢病防控", document.at("/units/0/projects/1/name").asString());
        List<String> off = list(answer.path("warnings")).stream().map(w -> w.path("message").asString()).filter(m -> m.contains("不符")).toList();
        assertEquals(2, off.size(), off.toString());
        assertTrue(off.get(0).startsWith("合计的财政拨款 Sheet1!C2 为 330.50，与其下 3 个项目之和 330.00 不符"), off.toString());
        assertTrue(off.get(1).startsWith("资金使用单位「某区卫生监督所」的财政拨款 Sheet1!C6 为 130.50，与其下 1 个项目之和 130.00 不符"), off.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"财政拨款（元）|其他资金（元）|", "财政拨款(单位：元)|其他资金|"})
    void theAmountUnitFromTheHeaders(String headers) {
        String[] named = headers.split("\\|", -1);
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"单位名称：某区卫生健康局"},
                new String[]{"项目名称", named[0], named[1], "绩效目标", "绩效指标"},
                new String[]{"免疫规划", "1200000", "305000", "完成接种", ExportStyles.dashed(NINE.get(0))})));
        JsonNode answer = imported(workbook);
        assertEquals("元", answer.at("/document/amountUnit").asString(), answer.toString());
        assertEquals("Sheet1!B2", answer.path("sources").path("/amountUnit").asString());
        assertEquals(List.of(), list(answer.path("errors")));
    }

    @Test
    void aHeaderUnitThatDisagreesWithTheUnitLineIsAnErrorAtTheHeader() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"单位名称：某区卫生健康局", "", "", "单位：万元"},
                new String[]{"项目名称", "财政拨款（元）", "绩效目标", "绩效指标"},
                new String[]{"免疫规划", "1200000", "完成接种", ExportStyles.dashed(NINE.get(0))})));
        JsonNode error = imported(workbook).path("errors").get(0);
        assertEquals("Sheet1!B2", error.path("cell").asString());
        assertEquals("Sheet1!B2：表头「财政拨款（元）」以元计，与 Sheet1!D1「单位：万元」不一致：请统一单位", error.path("message").asString());
    }

    /** Three indicators written in each way budget systems write them; all read alike. */
    @ParameterizedTest
    @ValueSource(strings = {
            "1、1-产出指标：11-数量指标：接种人次；实施周期指标值：≥5000人次；年度指标值：≥5000人次。2、2-效益指标：22-社会效益指标：发病率；实施周期指标值：下降；年度指标值：下降。3、3-满意度指标：31-服务对象满意度指标：群众满意度；实施周期指标值：≥90%；年度指标值：≥90%。",
            "1-产出指标-数量指标-接种人次:≥5000人次;2-效益指标-社会效益指标-发病率:下降;3-满意度指标-服务对象满意度指标-群众满意度:≥90%",
            "产出指标/数量指标/接种人次/≥5000人次；效益指标/社会效益/发病率/下降；满意度指标/服务对象满意度/群众满意度/≥90%",
            "产出指标-11-数量指标-接种人次：≥5000人次\n2-效益指标-社会效益-发病率：下降\n满意度-服务对象满意度指标-群众满意度：≥90%",
            "1. 产出指标：数量指标：接种人次：≥5000人次\n2. 效益指标：社会效益指标：发病率：下降\n3. 满意度指标：服务对象满意度指标：群众满意度：≥90%"})
    void composedIndicatorsInEachStyle(String composed) {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"单位名称：某区卫生健康局"},
                new String[]{"项目名称", "财政拨款", "绩效目标", "绩效指标"},
                new String[]{"免疫规划", "120", "完成接种", composed})));
        JsonNode answer = imported(workbook);
        assertEquals(List.of(), list(answer.path("errors")), answer.toString());
        JsonNode indicators = answer.at("/document/units/0/projects/0/indicators");
        assertEquals(3, indicators.size(), indicators.toString());
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), list(indicators).stream().map(i -> i.path("level1").asString()).toList());
        assertEquals("数量指标", indicators.at("/0/level2").asString());
        assertTrue(indicators.at("/1/level2").asString().startsWith("社会效益"));
        assertEquals(List.of("接种人次", "发病率", "群众满意度"), list(indicators).stream().map(i -> i.path("name").asString()).toList());
        assertEquals(List.of("≥5000人次", "下降", "≥90%"), list(indicators).stream().map(i -> i.path("annualValue").asString()).toList());
        assertEquals(List.of("≥5000人次", "下降", "≥90%"), list(indicators).stream().map(i -> i.path("periodValue").asString()).toList());
    }

    /** One row an indicator in 一级 | 二级 | 三级 | 指标值, under a project whose cells are merged over its rows, or left blank. */
    @Test
    void indicatorsOneARowUnderMergedOrBlankProjectCells() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> {
            ExportStyles.rows(sheet, 0, List.of(
                    new String[]{"项目支出绩效目标表"},
                    new String[]{"单位名称", "某区卫生健康局"},
                    new String[]{"单位名称", "项目名称", "年度资金总额", "财政拨款", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"},
                    new String[]{"某区疾控中心", "免疫规划", "120", "120", "完成接种", "产出指标", "数量指标", "接种人次", "≥5000人次"},
                    new String[]{"", "", "", "", "", "效益指标", "社会效益指标", "发病率", "下降"},
                    new String[]{"", "", "", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"},
                    new String[]{"某区卫生监督所", "卫生监督执法", "90", "90", "完成检查", "产出指标", "数量指标", "检查户次", "≥300户次"},
                    new String[]{"", "", "", "", "", "效益指标", "社会效益指标", "违法行为", "减少"}));
            for (int column = 0; column <= 4; column++) {
                sheet.addMergedRegion(new CellRangeAddress(3, 5, column, column));
            }
        });
        JsonNode answer = imported(workbook);
        JsonNode document = answer.path("document");
        assertEquals(List.of(), list(answer.path("errors")), answer.toString());
        assertEquals("某区卫生健康局", document.path("organization").asString());
        assertEquals(2, document.path("units").size());
        assertEquals(3, document.at("/units/0/projects/0/indicators").size());
        assertEquals(2, document.at("/units/1/projects/0/indicators").size());
        assertEquals("减少", document.at("/units/1/projects/0/indicators/1/periodValue").asString());
        assertEquals("减少", document.at("/units/1/projects/0/indicators/1/annualValue").asString());
    }

    @Test
    void aHeaderOfTwoRows() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> {
            ExportStyles.rows(sheet, 0, List.of(
                    new String[]{"单位名称：某区卫生健康局"},
                    new String[]{"项目名称", "资金总额", "其中", "", "绩效目标", "绩效指标"},
                    new String[]{"", "", "财政拨款", "其他资金"},
                    new String[]{"免疫规划", "150.5", "120", "30.5", "完成接种", ExportStyles.dashed(NINE.get(0))}));
            for (int column : new int[]{0, 1, 4, 5}) {
                sheet.addMergedRegion(new CellRangeAddress(1, 2, column, column));
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 2, 3));
        });
        JsonNode answer = imported(workbook);
        JsonNode project = answer.at("/document/units/0/projects/0");
        assertEquals(List.of(), list(answer.path("errors")), answer.toString());
        assertEquals("30.5", project.path("otherFunds").decimalValue().toPlainString(), project.toString());
        assertEquals("150.5", project.path("total").decimalValue().toPlainString());
        assertEquals(List.of(), list(answer.path("unread")));
    }

    @Test
    void aColumnNothingReadsIsListedAndOneWithDataIsAWarning() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"项目名称", "财政拨款", "绩效目标", "绩效指标", "备注", "经办人"},
                new String[]{"免疫规划", "120", "完成接种", ExportStyles.dashed(NINE.get(0)), "", ""},
                new String[]{"慢病防控", "80", "慢病随访", ExportStyles.dashed(NINE.get(1)), "续建", "", "多余"})));
        JsonNode answer = imported(workbook);
        List<JsonNode> unread = list(answer.path("unread"));
        assertEquals(3, unread.size(), unread.toString());
        assertEquals("备注", unread.get(0).path("header").asString());
        assertEquals(1, unread.get(0).path("filled").asInt());
        assertEquals("Sheet1!E3", unread.get(0).path("cells").asString());
        assertEquals(0, unread.get(1).path("filled").asInt(), "经办人: an empty column, listed");
        assertEquals("", unread.get(2).path("header").asString(), "a column without a header that holds something");
        List<String> warned = list(answer.path("warnings")).stream().map(w -> w.path("message").asString()).filter(m -> m.contains("未导入"))
                .toList();
        assertEquals(List.of("「备注」一栏（Sheet1!E1）未导入：目标表没有这一栏，其下 1 格有内容（Sheet1!E3）；如是本表某一栏换了名称，请把表头改回该栏的名称",
                "Sheet1!G1 一栏没有表头未导入：目标表没有这一栏，其下 1 格有内容（Sheet1!G3）；如是本表某一栏换了名称，请把表头改回该栏的名称"), warned);
    }

    /** A required field without a column: one error at the header row, naming the headers found and those accepted. */
    @Test
    void aMissingColumnIsOneErrorAtTheHeader() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"单位名称：某区卫生健康局"});
            rows.add(new String[]{"项目名称", "资金使用单位", "年度资金总额", "财政拨款", "其他资金", "目标", "绩效指标"});
            for (ExportStyles.Project p : NINE) {
                rows.add(new String[]{p.name(), p.unit(), p.total(), p.fiscal(), p.other(), p.goal(), ExportStyles.dashed(p)});
            }
            ExportStyles.rows(sheet, 0, rows);
        });
        JsonNode answer = imported(workbook);
        List<JsonNode> errors = list(answer.path("errors"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("Sheet1!A2:G2", errors.get(0).path("cell").asString());
        assertEquals("/units/0/projects/0/goal", errors.get(0).path("path").asString());
        assertEquals("Sheet1!A2:G2：表头行中没有「绩效目标」一栏：找到的表头为 项目名称、资金使用单位、年度资金总额、财政拨款、其他资金、目标、绩效指标；"
                + "「绩效目标」一栏的表头可写作 绩效目标、年度目标、年度绩效目标、项目绩效目标", errors.get(0).path("message").asString());
        assertEquals("目标", answer.at("/unread/0/header").asString());
        assertEquals(9, answer.at("/unread/0/filled").asInt());
        assertEquals(9, answer.at("/document/units/0/projects").size() + answer.at("/document/units/1/projects").size()
                + answer.at("/document/units/2/projects").size());
    }

    /** Two bad cells: the workbook loads, with an error at each cell; the rest of the document is there. */
    @Test
    void twoBadCellsLoadWithTwoErrorsAtTheirCells() {
        byte[] workbook = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"单位名称：某区卫生健康局"},
                new String[]{"项目名称", "财政拨款", "绩效目标", "绩效指标"},
                new String[]{"免疫规划", "一百二十万", "完成接种", ExportStyles.dashed(NINE.get(0))},
                new String[]{"慢病防控", "80", "慢病随访", "4-投入指标-数量指标-随访人次:≥300人次"},
                new String[]{"职业健康体检", "45.25", "完成体检", ExportStyles.dashed(NINE.get(2))})));
        JsonNode answer = imported(workbook);
        List<JsonNode> errors = list(answer.path("errors"));
        assertEquals(List.of("Sheet1!B3", "Sheet1!D4"), errors.stream().map(e -> e.path("cell").asString()).toList(), errors.toString());
        assertEquals("/units/0/projects/0/fiscalAppropriation", errors.get(0).path("path").asString());
        assertEquals("/units/0/projects/1/indicators/0", errors.get(1).path("path").asString());
        assertEquals(3, answer.at("/document/units/0/projects").size());
        assertEquals("45.25", answer.at("/document/units/0/projects/2/fiscalAppropriation").decimalValue().toPlainString());
    }

    /** The nine projects' workbook opened and saved by LibreOffice reads the same. */
    @Tag("office")
    @Test
    void aWorkbookSavedByLibreOffice() {
        Office.assumeCalc();
        byte[] saved = Office.convert(ExportStyles.nineProjects("0"), "xlsx", "xlsx");
        JsonNode answer = imported(saved);
        assertEquals(List.of(), list(answer.path("errors")), answer.toString());
        assertNineProjects(answer.path("document"));
    }
}
