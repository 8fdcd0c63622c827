package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 从目标表生成 on the staff page: a form that can be made from another offers a button a source form; the file chosen,
 * JSON or workbook, becomes the open form's document with what carries filled in and the rest listed to fill in.
 */
@Tag("browser")
class StaffPageDeriveTest extends BrowserSession {

    private List<String> offered() {
        return browser.driver.findElements(By.cssSelector("#derive-from button.derive")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    @Test
    void eachFormOffersTheFormsItCanBeMadeFromAndNoOthers() {
        browser.size(1366, 768);
        browser.open("performance-monitoring", false);
        browser.forgetDrafts();
        assertEquals(List.of("从目标表生成"), offered());
        browser.open("performance-self-evaluation", false);
        assertEquals(List.of("从目标表生成", "从监控表生成"), offered());
        browser.open("performance-target", false);
        assertEquals(List.of(), offered());
    }

    @Test
    void aTargetTableChosenBecomesTheMonitoringFormsWithWhatIsLeftToFillIn(@TempDir Path dir) throws IOException {
        browser.size(1366, 768);
        browser.open("performance-monitoring", false);
        browser.forgetDrafts();
        Path file = dir.resolve("目标表.json");
        Files.write(file, TestServer.example("performance-target"));
        browser.js("document.getElementById('derive-file').dataset.from = 'performance-target'");
        browser.driver.findElement(By.id("derive-file")).sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已由项目支出绩效目标表 目标表.json 生成"));
        String status = browser.text(By.id("status"));
        assertTrue(status.contains("处待填写"), status);
        assertEquals("业务补助经费财政补助项目", browser.rawDocumentValue("/forms/0/projectName"));
        assertEquals("4809.89", browser.rawDocumentValue("/forms/0/funds/fiscal/initialBudget"));
        browser.picture("40-monitoring-forms-made-from-a-target-table");
    }

    @Test
    void aFileOfAnotherFormIsRefusedAndTheOpenFormStaysAsItWas(@TempDir Path dir) throws IOException {
        browser.size(1366, 768);
        browser.open("performance-monitoring", true);
        browser.forgetDrafts();
        String before = browser.value("/forms/0/projectName");
        Path file = dir.resolve("跟踪表.json");
        Files.write(file, TestServer.example("performance-tracking"));
        browser.js("document.getElementById('derive-file').dataset.from = 'performance-target'");
        browser.driver.findElement(By.id("derive-file")).sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "未能由 跟踪表.json 生成"));
        assertTrue(browser.text(By.id("status")).contains("表单未改动"));
        assertEquals(before, browser.value("/forms/0/projectName"));
    }
}
