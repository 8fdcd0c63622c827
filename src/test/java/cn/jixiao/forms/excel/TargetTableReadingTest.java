package cn.jixiao.forms.excel;

import static cn.jixiao.forms.excel.BrokenWorkbooks.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The target table as budget systems and people lay it out: where the header stands, merges, formulas, sums. */
class TargetTableReadingTest {
    private static final String IMPORT = "/api/v1/forms/performance-target/import";

    private static JsonNode imported(byte[] workbook) {
        HttpResponse<byte[]> response = TestServer.post(IMPORT, workbook, "Content-Type", "application/octet-stream");
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer;
    }

    /** Header lower down, columns in another order, half-width brackets, levels without 指标, one row an indicator. */
    @Test
    void aHeaderAnywhereInAnyOrderWithMergedProjectCells() {
        JsonNode answer = imported(BrokenWorkbooks.xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("申报");
            row(sheet, 1, "2025年项目支出绩效目标表");
            row(sheet, 2, "单位名称:", "某区卫生健康局", "", "", "", "", "", "", "(单位:元)");
            row(sheet, 4, "一级", "二级", "三级指标", "年度指标值", "实施周期指标值", "项目名称(资金使用单位)", "绩效目标", "财政拨款", "其他资金");
            row(sheet, 5, "", "", "", "", "", "某区疾控中心");
            row(sheet, 6, "1-产出指标", "11", "接种人次", "≥5000人次", "≥5000人次", "疫苗接种", "完成全年接种任务", "1,200.50");
            row(sheet, 7, "2-效益指标", "社会效益", "传染病发病率", "下降", "下降");
            row(sheet, 8, "满意度", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%");
            for (int column = 5; column <= 8; column++) {
                sheet.addMergedRegion(new CellRangeAddress(6, 8, column, column));
            }
            row(sheet, 9, "产出指标", "数量指标", "培训人数", "200人", "200人", "业务培训", "提高业务能力");
            sheet.getRow(9).createCell(8).setCellValue(30);
        }));
        JsonNode document = answer.path("document");
        assertEquals("2025年项目支出绩效目标表", document.path("title").asString());
        assertEquals("某区卫生健康局", document.path("organization").asString());
        assertEquals("元", document.path("amountUnit").asString());
        assertEquals("某区疾控中心", document.at("/units/0/name").asString());
        JsonNode vaccination = document.at("/units/0/projects/0");
        assertEquals(1200.5, vaccination.path("fiscalAppropriation").asDouble());
        assertEquals(3, vaccination.path("indicators").size(), vaccination.toString());
        assertEquals("社会效益", vaccination.at("/indicators/1/level2").asString());
        assertEquals("服务对象满意度指标", vaccination.at("/indicators/2/level2").asString());
        assertEquals(30, document.at("/units/0/projects/1/otherFunds").asInt());
        assertEquals("申报!F10", answer.path("sources").path("/units/0/projects/1/name").asString());
        assertEquals("申报!I3", answer.path("sources").path("/amountUnit").asString());
    }

    /** Rows left blank under a project, and rows that repeat its cells, go on with it. */
    @Test
    void indicatorRowsWithTheProjectLeftBlankOrRepeated() {
        JsonNode document = imported(BrokenWorkbooks.xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            row(sheet, 0, "单位名称：某医院");
            row(sheet, 1, "项目名称", "总计", "财政拨款", "绩效目标", "一级指标", "二级指标", "三级指标", "年度指标值");
            row(sheet, 2, "设备购置", "", "", "更新设备", "产出指标", "数量指标", "购置台数", "2台");
            sheet.getRow(2).createCell(2).setCellValue(100);
            row(sheet, 3, "", "", "", "", "效益指标", "社会效益", "诊断效率", "提升");
            row(sheet, 4, "房屋修缮", "", "", "修缮门诊楼", "产出指标", "质量指标", "验收合格率", "100%");
            row(sheet, 5, "房屋修缮", "", "", "修缮门诊楼", "产出指标", "时效指标", "完工时间", "2025年6月30日前");
        })).path("document");
        assertEquals("某医院", document.at("/units/0/name").asString(), "no unit row: the projects are the organisation's");
        assertEquals(2, document.at("/units/0/projects").size(), document.toString());
        assertEquals(2, document.at("/units/0/projects/0/indicators").size());
        assertEquals(2, document.at("/units/0/projects/1/indicators").size());
    }

    @Test
    void aFormulaIsReadByItsCachedResult() {
        JsonNode document = imported(BrokenWorkbooks.seedWith(sheet -> {
            Cell fiscal = sheet.getRow(11).getCell(2);
            fiscal.setCellFormula("4000+809.89");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(fiscal);
            Cell total = sheet.getRow(11).getCell(1);
            total.setCellFormula("C12*100");
            total.setCellValue(4809.89); // as saved by a program whose result the formula no longer gives
        })).path("document");
        assertEquals("4809.89", document.at("/units/0/projects/0/fiscalAppropriation").decimalValue().toPlainString());
        assertEquals("4809.89", document.at("/units/0/projects/0/total").decimalValue().toPlainString());
    }

    @Test
    void sumsThatDisagreeAreWarningsNamingBothCells() {
        JsonNode answer = imported(BrokenWorkbooks.seedWith(sheet -> {
            sheet.getRow(9).getCell(1).setCellValue("48,000.00");
            sheet.getRow(10).getCell(2).setCellValue(14599.00);
        }));
        List<JsonNode> warnings = answer.path("warnings").valueStream().filter(w -> w.path("message").asString().contains("不符")).toList();
        assertEquals(2, warnings.size(), answer.path("warnings").toString());
        assertEquals("Sheet1!B10", warnings.stream().filter(w -> w.path("path").asString().equals("/units")).findFirst()
                .orElseThrow().path("cell").asString());
        JsonNode unit = warnings.stream().filter(w -> w.path("path").asString().equals("/units/0")).findFirst().orElseThrow();
        assertEquals("Sheet1!C11", unit.path("cell").asString());
        assertTrue(unit.path("message").asString().contains("Sheet1!C11") && unit.path("message").asString().contains("Sheet1!C12:C65"),
                unit.toString());
        assertTrue(answer.path("warnings").valueStream().anyMatch(w -> w.path("path").asString().endsWith("/indicators")
                && w.path("cell").asString().startsWith("Sheet1!G")), "the document's own warnings carry their cells too");
    }

    @Test
    void anXlsWorkbookReadsAsAnXlsx() {
        JsonNode xls = imported(BrokenWorkbooks.xls(workbook -> SeedWorkbook.write(workbook, SeedWorkbook.rows()))).path("document");
        JsonNode xlsx = imported(SeedWorkbook.xlsx(SeedWorkbook.rows())).path("document");
        assertEquals(xlsx, xls);
    }

    /**
     * Excel and WPS write thousands of near-identical styles: a styles.xml far over 100 KB that compresses a few
     * hundredfold, beyond POI's default guard (1:100). Such a workbook is read.
     */
    @Test
    void aWorkbookWithTheStylesOfAnOfficeProgramIsRead() throws Exception {
        byte[] workbook = BrokenWorkbooks.xlsx(book -> {
            SeedWorkbook.write(book, SeedWorkbook.rows());
            for (int i = 0; i < 3000; i++) {
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
                style.setIndention((short) (i % 15));
            }
        });
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/styles.xml")) {
                    long size = zip.readAllBytes().length;
                    assertTrue(size > 100_000 && size > 100 * entry.getCompressedSize(),
                            "styles.xml of " + size + " bytes, " + entry.getCompressedSize() + " compressed");
                }
            }
        }
        imported(workbook);
    }
}
