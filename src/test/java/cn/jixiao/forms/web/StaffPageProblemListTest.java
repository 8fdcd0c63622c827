package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The list of problems tells what the service says: an import's warnings once, none left once fixed, a busy
 * service a notice that retries and not an error, a refused workbook kept off the open form; 上一处 / 下一处
 * in a bar that stays in sight.
 */
class StaffPageProblemListTest extends BrowserSession {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern COUNT = Pattern.compile("(\\d+) 条提醒");

    @BeforeEach
    void laptop() {
        browser.size(1366, 768);
    }

    /** Warnings the page counts in its summary bar. */
    private int pageWarnings() {
        Matcher m = COUNT.matcher(browser.text(By.id("problems-toggle")));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Warnings the service finds in the document the page holds now. */
    private int serviceWarnings(String form) {
        byte[] document = browser.rawDocument().getBytes(StandardCharsets.UTF_8);
        return Json.MAPPER.readTree(TestServer.post("/api/v1/forms/" + form + "/validate", document).body()).path("warnings").size();
    }

    private void waitUntilChecked() {
        browser.wait.until(d -> Boolean.TRUE.equals(browser.js("return document.getElementById('service-bar').hidden")));
        browser.asyncJs("setTimeout(arguments[arguments.length - 1], 900);");
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES) // an import, a busy service and its retry, each waited for
    void theCountIsTheServicesAfterAnImportAnEditAndA503(@TempDir Path dir) throws IOException {
        String form = "performance-tracking";
        byte[] workbook = TestServer.post("/api/v1/forms/" + form + "/render?format=xlsx", TestServer.example(form)).body();
        JsonNode imported = Json.MAPPER.readTree(TestServer.post("/api/v1/forms/" + form + "/import", workbook, "Content-Type", XLSX).body());
        browser.open(form, false);
        browser.forgetDrafts();
        Path file = dir.resolve("跟踪表.xlsx");
        Files.write(file, workbook);
        browser.driver.findElement(By.id("open-file")).sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已导入"));
        waitUntilChecked();
        int afterImport = pageWarnings();
        assertEquals(serviceWarnings(form), afterImport, "the import said " + imported.path("warnings").size());
        assertTrue(afterImport > 0);
        browser.picture("30-problem-list-after-import-counts-each-warning-once");

        // The slip of 预算执行进度 (98.38 for 98.30) fixed: its warning goes, from the field and from the count.
        String rate = "/forms/0/executionRate";
        WebElement field = browser.field(rate);
        browser.type(field, "");
        field.sendKeys(Keys.TAB);
        browser.wait.until(d -> pageWarnings() == afterImport - 1);
        waitUntilChecked();
        assertEquals(serviceWarnings(form), pageWarnings());
        assertTrue(browser.driver.findElements(By.cssSelector("p.problem[data-problem-for='" + rate + "']")).isEmpty());

        // A busy service: a notice that retries by itself; the form is not painted with errors.
        browser.js("window.realFetch = window.fetch; window.fetch = (url, options) => String(url).includes('/validate')"
                + " ? Promise.resolve(new Response('{\"error\":{\"code\":\"unavailable\",\"message\":\"服务繁忙\"}}', {status: 503}))"
                + " : window.realFetch(url, options);");
        browser.type(browser.field("/forms/0/projectName"), "医疗设备购置补贴（改）");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("service-bar")));
        assertTrue(browser.text(By.id("service-bar")).contains("秒后自动重新检查"), browser.text(By.id("service-bar")));
        assertFalse(browser.text(By.id("problems-toggle")).contains("错误"), browser.text(By.id("problems-toggle")));
        assertTrue(browser.driver.findElements(By.cssSelector("#editor .has-error")).isEmpty());
        browser.picture("31-busy-service-is-a-notice-that-retries");
        browser.js("window.fetch = window.realFetch;");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("service-bar")));
        waitUntilChecked();
        assertEquals(serviceWarnings(form), pageWarnings());
    }

    @Test
    void aRefusedWorkbookNamesItsCellsAndLeavesTheOpenFormAlone(@TempDir Path dir) throws IOException {
        browser.open("performance-target", true);
        browser.forgetDrafts();
        waitUntilChecked();
        String before = browser.text(By.id("problems-toggle"));
        // A workbook of no form at all (a list of names): a form's workbook would be opened as that form.
        Path file = dir.resolve("名单.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("名单");
            String[][] rows = {{"姓名", "电话", "住址"}, {"张三", "13800000000", "广州"}, {"李四", "13900000000", "深圳"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }
        browser.driver.findElement(By.id("open-file")).sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "未能导入"));
        assertTrue(browser.text(By.id("status")).contains("表单未改动"), browser.text(By.id("status")));
        assertEquals(before, browser.text(By.id("problems-toggle")), "the open form's problems, not the workbook's");
        assertTrue(browser.driver.findElements(By.cssSelector("#editor .has-error")).isEmpty());
        assertFalse(browser.driver.getPageSource().contains("详见 details"));
        browser.picture("32-refused-workbook-leaves-the-form-alone");
    }

    @Test
    void nextAndPreviousLeadIntoTheFieldsOfFoldedProjectsFromAPinnedBar() {
        browser.open("performance-target", true);
        browser.forgetDrafts();
        waitUntilChecked();
        WebElement next = browser.driver.findElement(By.id("problem-next"));
        assertTrue(next.isDisplayed());
        String first = (String) browser.js("return document.querySelector('#problem-items button[data-goto]').dataset.goto");
        browser.js("arguments[0].focus();", next);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.wait.until(d -> first.equals(browser.js("return document.activeElement.closest('[data-path]')?.dataset.path")));
        browser.picture("33-next-problem-lands-in-its-field");
        // Far down the form the bar is still in sight, and the next problems follow from the keyboard.
        for (int i = 0; i < 12; i++) {
            browser.js("arguments[0].focus();", next);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        }
        String twelfth = (String) browser.js("return [...document.querySelectorAll('#problem-items button[data-goto]')][12].dataset.goto");
        browser.wait.until(d -> twelfth.equals(browser.js("return document.activeElement.closest('[data-path]')?.dataset.path")));
        Number top = (Number) browser.js("return document.getElementById('problem-next').getBoundingClientRect().top");
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 768, "the bar stays in sight: " + top);
        assertTrue(browser.text(By.id("status")).startsWith("第 13 处"), browser.text(By.id("status")));
        browser.picture("34-summary-bar-pinned-far-down-the-form");
    }

    @Test
    void theManyQuantitiesInPercentAreOneLineWithOneFixForAllUndoneByCtrlZ() {
        browser.open("performance-target", true);
        browser.forgetDrafts();
        waitUntilChecked();
        int before = pageWarnings();
        assertEquals(serviceWarnings("performance-target"), before);
        WebElement toggle = browser.driver.findElement(By.id("problems-toggle"));
        browser.js("arguments[0].focus();", toggle);
        browser.press(Keys.ENTER);
        WebElement group = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problem-items li.group")));
        assertEquals("19 个数量指标以百分比表示", group.findElement(By.tagName("strong")).getText());
        assertEquals(19, group.findElements(By.cssSelector(".group-entries li")).size(), "each of them is there, folded");
        assertEquals(1, browser.driver.findElements(By.cssSelector("#problem-items li.group")).size());
        assertEquals("全部改列为12-质量指标", browser.driver.switchTo().activeElement().getText(), "the keyboard is at the fix for all");
        browser.picture("30-quantities-in-percent-grouped");
        browser.press(Keys.ENTER);
        browser.wait.until(d -> pageWarnings() == before - 19);
        waitUntilChecked();
        assertEquals(serviceWarnings("performance-target"), pageWarnings());
        assertTrue(browser.text(By.id("status")).startsWith("已改列为12-质量指标：19 处"), browser.text(By.id("status")));
        assertEquals("质量指标", browser.rawDocumentValue("/units/0/projects/0/indicators/0/level2"));
        browser.picture("31-quantities-in-percent-fixed");
        browser.ctrl("z");
        browser.wait.until(d -> pageWarnings() == before);
        assertEquals("数量指标", browser.rawDocumentValue("/units/0/projects/0/indicators/0/level2"));
    }
}
