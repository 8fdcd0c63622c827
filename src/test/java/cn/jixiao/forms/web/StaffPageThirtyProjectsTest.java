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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The 30-project 目标表 at 1366 px: names in the outline that tell projects apart, the preview following the project
 * chosen, a page's dialog that fits the window, text fields that grow.
 */
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
    void namesThatBeginAlikeShowThePartThatTellsThemApart() {
        String[] tails = {"开办费项目", "运营经费补助项目"};
        int[] projects = {2, 7};
        for (int i = 0; i < projects.length; i++) {
            WebElement name = browser.driver.findElement(By.cssSelector(
                    "[data-outline='/units/0/projects/" + projects[i] + "'] .outline-name"));
            String shown = name.getDomProperty("textContent");
            assertTrue(shown.endsWith(tails[i]) && shown.startsWith("…易址新建"), shown);
            assertTrue(((Number) browser.js("return arguments[0].scrollHeight - arguments[0].clientHeight;", name)).intValue() <= 1,
                    shown + " is cut off");
        }
        // Names typed that begin alike: both show where they differ.
        for (String[] renamed : new String[][]{{"21", "（第一批）"}, {"22", "（第二批）"}}) {
            WebElement entry = browser.driver.findElement(By.cssSelector("#outline-tree [data-outline='/units/0/projects/" + renamed[0] + "']"));
            browser.js("arguments[0].focus();", entry);
            browser.press(Keys.ENTER);
            browser.wait.until(d -> ("/units/0/projects/" + renamed[0] + "/name").equals(browser.focusedPath()));
            browser.ctrl("a");
            browser.press("大型活动医疗保障工作经费" + renamed[1]);
        }
        browser.wait.until(d -> browser.text(By.cssSelector("[data-outline='/units/0/projects/22'] .outline-name")).equals("大型活动…（第二批）"));
        assertEquals("大型活动…（第一批）", browser.text(By.cssSelector("[data-outline='/units/0/projects/21'] .outline-name")));
        browser.picture("52-outline-names-alike-told-apart");
    }

    @Test
    void thePreviewFollowsTheProjectChosenAndAPageOpensInADialogThatFits() {
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pages img[data-page='1'][src]")));
        // The page the service says project 21 starts on.
        long expected = ((Number) browser.asyncJs("const done = arguments[0];"
                + "fetch('api/v1/forms/performance-target/example').then(r => r.text()).then(doc => fetch('api/v1/forms/performance-target/page?width=200',"
                + "  {method: 'POST', headers: {'Content-Type': 'application/json'}, body: doc}))"
                + ".then(r => done(JSON.parse(r.headers.get('X-Page-Sections'))['/units/0/projects'][20]));")).longValue();
        assertTrue(expected > 1, "project 21 is not on the first page: " + expected);
        WebElement entry = browser.driver.findElement(By.cssSelector("#outline-tree [data-outline='/units/0/projects/20']"));
        browser.js("arguments[0].focus();", entry);
        browser.press(Keys.ENTER);
        By chosen = By.cssSelector("#pages figure.chosen img[data-page='" + expected + "']");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(chosen));
        browser.wait.until(d -> (Boolean) browser.js("const f = document.querySelector('#pages figure.chosen').getBoundingClientRect();"
                + "const p = document.getElementById('pages').getBoundingClientRect(); return f.top >= p.top - 1 && f.top < p.bottom - 100;"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pages figure.chosen img[src]:not(.stale)")));
        browser.picture("53-preview-follows-the-project-chosen");

        browser.js("arguments[0].focus();", browser.driver.findElement(By.cssSelector("#pages figure.chosen button.page-open")));
        browser.press(Keys.ENTER);
        WebElement dialog = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-view")));
        browser.wait.until(d -> ((Number) browser.js("return document.getElementById('page-view-image').naturalWidth")).longValue() > 0);
        for (String inside : new String[]{"#page-view", "#page-view-close"}) {
            assertTrue((Boolean) browser.js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + "return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;", inside), inside + " fits the window");
        }
        assertTrue((Boolean) browser.js("const p = document.querySelector('.page-view-picture');"
                + "return p.scrollHeight > p.clientHeight && p.getBoundingClientRect().bottom <= document.getElementById('page-view').getBoundingClientRect().bottom + 1;"),
                "the page scrolls inside the dialog");
        assertEquals("第 " + expected + " 页 共 10 页", browser.text(By.id("page-view-title")));
        browser.picture("54-page-dialog-fits-the-window");
        browser.press(Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.invisibilityOf(dialog));
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
