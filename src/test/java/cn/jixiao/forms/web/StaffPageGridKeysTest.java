package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The keys of the grid at 1366×768, on the 自评表's long texts (偏差原因分析及改进措施): Tab leaves the cell, Alt+Enter
 * starts a new line, Enter takes the text and moves down, and in the last row Enter or Tab adds a row that is
 * brought into sight.
 */
@Tag("browser")
class StaffPageGridKeysTest extends BrowserSession {
    private static final String GRID = "/forms/0/indicators";

    @BeforeEach
    void selfEvaluation() {
        browser.openOnALaptop("performance-self-evaluation", true);
    }

    private static int rows() {
        return browser.driver.findElements(By.cssSelector("[data-grid='" + GRID + "'] .tabulator-row")).size();
    }

    /** Whether the cell the keyboard is in is in sight: below the bars that stay at the top, within its grid's width. */
    private static boolean focusInSight() {
        return (Boolean) browser.js("const r = document.activeElement.getBoundingClientRect();"
                + "const bar = document.querySelector('.summary').getBoundingClientRect().bottom;"
                + "const grid = document.activeElement.closest('.tabulator-tableholder').getBoundingClientRect();"
                + "return r.height > 0 && r.top >= bar - 1 && r.bottom <= innerHeight && r.left >= grid.left && r.right <= grid.right + 1;");
    }

    @Test
    void tabLeavesALongTextAndAltEnterStartsANewLine() {
        browser.cell(GRID + "/3/deviation").click();
        browser.wait.until(d -> "TEXTAREA".equals(browser.js("return document.activeElement.tagName")));
        browser.press("工期延误", Keys.chord(Keys.ALT, Keys.ENTER), "已督促施工单位", Keys.TAB);
        browser.wait.until(d -> GRID + "/4/level1".equals(browser.focusedPath()));
        assertEquals("工期延误\n已督促施工单位", browser.cellValue(GRID + "/3/deviation"));
        assertTrue(browser.rawDocument().contains("\"deviation\": \"工期延误\\n已督促施工单位\""));
        browser.press(Keys.ESCAPE);
        // Enter takes a long text and moves down, as in a one-line cell.
        browser.cell(GRID + "/4/deviation").click();
        browser.press("按期验收", Keys.ENTER);
        browser.wait.until(d -> GRID + "/5/deviation".equals(browser.focusedPath()));
        assertEquals("按期验收", browser.cellValue(GRID + "/4/deviation"));
        browser.picture("66-long-text-cell-keys");
    }

    @Test
    void enterOrTabInTheLastRowAddsARowInSight() {
        int before = rows();
        String last = GRID + "/" + (before - 1);
        browser.js("arguments[0].scrollIntoView({block: 'end'});", browser.cell(last + "/deviation"));
        browser.cell(last + "/deviation").click();
        browser.press("学生满意", Keys.ENTER);
        browser.wait.until(d -> rows() == before + 1);
        browser.wait.until(d -> (GRID + "/" + before + "/deviation").equals(browser.focusedPath()));
        browser.wait.until(d -> focusInSight());
        browser.picture("67-enter-in-the-last-row-adds-a-row-in-sight");
        // Tab from the last cell of the last row: another row, the keyboard in its first cell, in sight.
        browser.press("新增行的说明", Keys.TAB);
        browser.wait.until(d -> rows() == before + 2);
        browser.wait.until(d -> (GRID + "/" + (before + 1) + "/level1").equals(browser.focusedPath()));
        browser.wait.until(d -> focusInSight());
        assertEquals("新增行的说明", browser.cellValue(GRID + "/" + before + "/deviation"));
        browser.picture("68-tab-in-the-last-row-adds-a-row-in-sight");
    }
}
