package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Excel on the staff page: a workbook chosen fills the form, its problems beside their fields with the cell
 * they came from ({@code POST /api/v1/forms/{id}/import} → {@code {"document", "warnings", "sources"}}); 下载 Excel
 * saves the workbook ({@code /render?format=xlsx}).
 */
@Tag("browser")
class StaffPageExcelTest extends BrowserSession {
    private static final String FORM = "performance-tracking";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void openTheTrackingForm() {
        browser.size(1366, 768);
        browser.open(FORM, true);
        browser.forgetDrafts();
    }

    private static byte[] exampleWorkbook() {
        HttpResponse<byte[]> workbook = TestServer.post("/api/v1/forms/" + FORM + "/render?format=xlsx", TestServer.example(FORM));
        assertEquals(200, workbook.statusCode());
        return workbook.body();
    }

    @Test
    void downloadExcelSavesTheWorkbook() throws IOException {
        browser.driver.findElement(By.id("download-xlsx")).click();
        byte[] saved = Files.readAllBytes(browser.downloaded("上海市闵行区肿瘤医院-项目支出绩效跟踪表.xlsx"));
        assertEquals('P', saved[0]);
        assertEquals('K', saved[1]);
    }

    @Test
    void aChosenWorkbookFillsTheFormAndItsProblemsNameTheirCells(@TempDir Path dir) throws IOException {
        byte[] workbook = exampleWorkbook();
        JsonNode imported = Json.MAPPER.readTree(TestServer.post("/api/v1/forms/" + FORM + "/import", workbook, "Content-Type", XLSX).body());
        String cell = imported.at("/sources/~1forms~10~1executionRate").asString();
        assertFalse(cell.isEmpty(), "the import names the cell of 预算执行进度: " + imported.path("sources"));

        browser.open(FORM, false);
        Path file = dir.resolve("跟踪表.xlsx");
        Files.write(file, workbook);
        browser.driver.findElement(By.id("open-file")).sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已导入 跟踪表.xlsx"));
        assertEquals("医疗设备购置补贴", browser.value("/forms/1/projectName"));
        // The published slip, 98.38 for 98.30, is warned about beside its field, naming the cell it came from.
        String warning = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("p.problem.warning[data-problem-for='/forms/0/executionRate']"))).getText();
        assertTrue(warning.contains("98.38") && warning.contains("（来自 " + cell + "）"), warning);
        browser.picture("19-workbook-imported-warning-names-its-cell");
    }

    /** A budget system's 目标表 export: a 备注 column nothing reads, and 财政拨款 written in words in B3. */
    private static byte[] targetExport() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Sheet1");
            String[][] rows = {
                    {"项目名称", "财政拨款", "年度目标", "绩效指标", "备注"},
                    {"免疫规划", "120", "完成接种", "1-产出指标-数量指标-接种人次:≥5000人次", "续建项目"},
                    {"慢病防控", "八十万", "慢病随访", "1-产出指标-数量指标-随访人次:≥300人次", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(bytes);
            return bytes.toByteArray();
        }
    }

    /**
     * A 目标表 workbook dropped while the 跟踪表 is open switches to the 目标表; the column nothing read is listed
     * with its cells, and the cell that could not be read is an error naming it.
     */
    @Test
    void aWorkbookOfAnotherFormSwitchesToItAndListsWhatWasNotRead(@TempDir Path dir) throws IOException {
        browser.open(FORM, false);
        Path file = dir.resolve("目标表.xlsx");
        Files.write(file, targetExport());
        browser.driver.findElement(By.id("open-file")).sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已导入 目标表.xlsx"));
        assertEquals("performance-target", browser.driver.findElement(By.id("form-type")).getDomProperty("value"));
        String unread = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unread-bar"))).getText();
        assertTrue(unread.contains("「备注」（Sheet1!E1）") && unread.contains("Sheet1!E2"), unread);
        String atField = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("p.problem.error[data-problem-for='/units/0/projects/1/fiscalAppropriation']"))).getDomProperty("textContent");
        assertTrue(atField.contains("Sheet1!B3"), atField);
        browser.driver.findElement(By.id("problems-toggle")).click();
        String problems = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem-items"))).getText();
        assertTrue(problems.contains("Sheet1!B3") && problems.contains("八十万"), problems);
        browser.picture("19b-workbook-of-another-form-unread-columns");
    }

    @Test
    void theFillInTemplateOfTheOpenFormIsDownloaded() throws IOException {
        browser.driver.findElement(By.id("download-template")).click();
        byte[] saved = Files.readAllBytes(browser.downloaded("项目支出绩效跟踪表（填写模板）.xlsx"));
        assertEquals('P', saved[0]);
    }
}
