package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Lists of values on the staff page: the 监控表's 偏差原因, several ticked in one grid cell, and the 申报表's goals, one
 * a line in a text area; both forms whole at a laptop's and a phone's width.
 */
class StaffPageValueListsTest extends BrowserSession {
    private static JsonNode document() {
        return Json.MAPPER.readTree(browser.rawDocument());
    }

    @Test
    void causesAreTickedInTheirGridCellAndALikelihoodWithoutRemarkIsMarked() {
        browser.size(1366, 768);
        browser.open("performance-monitoring", true);
        browser.forgetDrafts();
        browser.wait.until(d -> browser.text(By.cssSelector("[data-computed='/forms/0/funds/total/rate']")).replaceAll("\\s", "")
                .equals("执行率39.80%"));
        WebElement causes = browser.cell("/forms/0/indicators/2/causes");
        causes.click();
        for (String choice : List.of("经费保障", "人员保障")) {
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//div[contains(@class,'tabulator-edit-list-item') and normalize-space()='" + choice + "']"))).click();
        }
        browser.driver.findElement(By.cssSelector("[data-grid='/forms/0/indicators'] h3")).click();
        browser.wait.until(d -> browser.cell("/forms/0/indicators/2/causes").getText().equals("经费保障、人员保障"));
        assertEquals("[\"经费保障\",\"人员保障\"]", document().at("/forms/0/indicators/2/causes").toString());
        browser.picture("15-monitoring-causes-ticked");

        browser.cell("/forms/0/indicators/2/likelihood").click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'tabulator-edit-list-item') and normalize-space()='有可能']"))).click();
        browser.wait.until(d -> browser.text(By.cssSelector(".grid-problems li[data-problem-for='/forms/0/indicators/2/remark']"))
                .contains("备注未填"));
        assertTrue(browser.cell("/forms/0/indicators/2/remark").getDomAttribute("class").contains("has-warning"));
        browser.picture("16-monitoring-remark-asked-for");
    }

    @Test
    void goalsAreWrittenOneALine() {
        browser.size(1366, 768);
        browser.open("department-target", true);
        browser.forgetDrafts();
        assertEquals("广水市人民政府办公室", browser.text(By.cssSelector("#outline-tree [data-outline='/forms/0'] .outline-name")));
        assertTrue(browser.driver.findElements(By.cssSelector("#outline-tree [data-outline^='/forms/0/']")).isEmpty(),
                "goals and tasks are no sections of the outline");
        browser.wait.until(d -> browser.text(By.cssSelector("[data-computed='/forms/0/budget/total']")).replaceAll("\\s", "")
                .equals("资金总额968.1918"));
        WebElement goals = browser.field("/forms/0/goals");
        assertEquals(3, goals.getDomProperty("value").split("\n").length);
        goals.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.ENTER, "加强机关效能建设");
        browser.wait.until(d -> document().at("/forms/0/goals").size() == 4);
        assertEquals("加强机关效能建设", document().at("/forms/0/goals/3").asString(), "blank lines are no goals");
        browser.picture("17-department-goals");
    }

    @Test
    void bothFormsFitALaptopAndAPhoneWithoutSidewaysScrolling() {
        for (String form : List.of("performance-monitoring", "department-target")) {
            browser.open(form, true);
            for (int[] size : new int[][]{{1366, 768}, {390, 844}}) {
                browser.size(size[0], size[1]);
                browser.wait.until(d -> browser.sidewaysOverflow() <= 1);
                assertTrue(browser.driver.findElement(By.id("download-docx")).isDisplayed());
                browser.picture("18-" + form + "-" + size[0]);
            }
        }
    }
}
