package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
