package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The 30-project 目标表 at 1366 px: names in the outline that tell projects apart, text fields that grow. */
class StaffPageThirtyProjectsTest extends BrowserSession {

    @BeforeEach
    void laptop() {
        browser.size(1366, 768);
        browser.open("performance-target", true);
        browser.forgetDrafts();
    }

    @Test
    void outlineNamesTakeTwoLinesAndLeaveOutTheirUnitsName() {
        List<WebElement> names = browser.driver.findElements(By.cssSelector("#outline-tree ul .outline-name"));
        assertEquals(30, names.size());
        List<String> shown = names.stream().map(e -> e.getDomProperty("textContent")).toList();
        assertEquals(30, new HashSet<>(shown).size(), "each project told apart: " + shown);
        assertTrue(shown.contains("…2022年易址新建二期建设项目"), shown.toString());
        for (WebElement name : names) {
            double lines = ((Number) browser.js("const s = getComputedStyle(arguments[0]);"
                    + "return arguments[0].getBoundingClientRect().height / parseFloat(s.lineHeight);", name)).doubleValue();
            assertTrue(lines <= 2.05, name.getDomProperty("textContent") + " takes " + lines + " lines");
        }
        browser.picture("50-thirty-projects-outline-names-two-lines");
    }

    @Test
    void aLongTextFieldGrowsWithItsText() {
        WebElement entry = browser.driver.findElement(By.cssSelector("#outline-tree [data-outline='/units/0/projects/0']"));
        browser.js("arguments[0].focus();", entry);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement goal = browser.field("/units/0/projects/0/goal");
        int before = goal.getRect().getHeight();
        goal.sendKeys("。另外，为保障项目顺利实施，本单位将加强资金管理，确保专款专用，提高资金使用效益，按期完成各项建设任务。".repeat(3));
        browser.wait.until(d -> goal.getRect().getHeight() > before);
        assertTrue(((Number) browser.js("return arguments[0].scrollHeight - arguments[0].clientHeight;", goal)).intValue() <= 1,
                "the whole text in sight");
        browser.picture("51-long-text-field-grows");
    }
}
