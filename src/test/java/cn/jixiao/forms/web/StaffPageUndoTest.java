package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Ctrl+Z and Ctrl+Y at 1366×768: an edit, a paste, a row added or removed is one step, in every form. */
@Tag("browser")
class StaffPageUndoTest extends BrowserSession {

    private static int rows(String grid) {
        return browser.driver.findElements(By.cssSelector("[data-grid='" + grid + "'] .tabulator-row")).size();
    }

    private static void waitForStatus(String start) {
        browser.wait.until(d -> browser.text(By.id("status")).startsWith(start));
    }

    @Test
    void aFieldTypedInIsOneStepBackAndForth() {
        browser.openOnALaptop("performance-self-evaluation", true);
        String department = "/forms/0/department";
        browser.js("arguments[0].focus();", browser.field(department));
        browser.ctrl("a");
        browser.press("廊坊市财政局");
        browser.wait.until(d -> browser.rawDocumentValue(department).equals("廊坊市财政局"));
        browser.press(Keys.TAB);
        browser.ctrl("z");
        waitForStatus("已撤销");
        // Twelve keys typed, one step: the name as it was, and the keyboard back in its field.
        browser.wait.until(d -> browser.value(department).equals("廊坊市发改委"));
        assertEquals(department, browser.focusedPath());
        assertTrue(browser.text(By.id("status")).endsWith("主管部门"), browser.text(By.id("status")));
        browser.picture("60-undo-a-field");
        browser.ctrl("y");
        browser.wait.until(d -> browser.value(department).equals("廊坊市财政局"));
        assertEquals("廊坊市财政局", browser.rawDocumentValue(department));
        // Another field's typing is a step of its own, and the raw document follows each step.
        String unit = "/forms/0/implementingUnit";
        browser.js("arguments[0].focus();", browser.field(unit));
        browser.press(Keys.END, "分校");
        browser.ctrl("z");
        browser.wait.until(d -> browser.value(unit).equals("廊坊市食品工程学校"));
        browser.ctrl("z");
        browser.wait.until(d -> browser.value(department).equals("廊坊市发改委"));
        assertEquals("廊坊市发改委", browser.rawDocumentValue(department));
        browser.ctrl("z");
        waitForStatus("没有可撤销的操作");
    }

    @Test
    void cellEditsPastesAndRowsAreStepsOfTheGrid() {
        browser.openOnALaptop("performance-self-evaluation", true);
        String grid = "/forms/0/indicators";
        int before = rows(grid);
        browser.cell(grid + "/1/target").click();
        browser.press("≥5台", Keys.TAB, "6台", Keys.TAB);
        browser.wait.until(d -> browser.cellValue(grid + "/1/actual").equals("6台"));
        browser.press(Keys.ESCAPE);
        browser.ctrl("z");
        browser.wait.until(d -> browser.cellValue(grid + "/1/actual").isEmpty());
        assertEquals("≥5台", browser.cellValue(grid + "/1/target"), "one cell a step");
        browser.ctrl("z");
        browser.wait.until(d -> browser.cellValue(grid + "/1/target").isEmpty());
        browser.ctrl("y");
        browser.wait.until(d -> browser.cellValue(grid + "/1/target").equals("≥5台"));

        // Typing in a cell not yet taken is taken back first, the cell's value left as it was.
        browser.cell(grid + "/4/name").click();
        browser.press("工程验收一次合格率");
        browser.ctrl("z");
        browser.wait.until(d -> browser.cellValue(grid + "/4/name").equals("指标2工程验收合格率"));
        assertEquals("≥5台", browser.cellValue(grid + "/1/target"), "no step was undone with it");

        // Two rows pasted: one step takes both back.
        browser.cell(grid + "/2/name").click();
        browser.js("const data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
                + "document.activeElement.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
                "设备台数\t≥5台\n维修次数\t≤2次\n");
        browser.wait.until(d -> browser.cellValue(grid + "/3/name").equals("维修次数"));
        browser.picture("61-two-rows-pasted");
        browser.press(Keys.ESCAPE);
        browser.ctrl("z");
        browser.wait.until(d -> browser.cellValue(grid + "/3/name").equals("指标1工程完工率"));
        assertEquals("……", browser.cellValue(grid + "/2/name"));
        assertEquals(before, rows(grid));

        // A row added from the keyboard, and a row removed: each a step.
        WebElement add = browser.driver.findElement(By.cssSelector("button[data-add-for='" + grid + "']"));
        browser.js("arguments[0].focus();", add);
        browser.press(Keys.ENTER);
        browser.wait.until(d -> rows(grid) == before + 1);
        browser.press(Keys.ESCAPE);
        browser.ctrl("z");
        browser.wait.until(d -> rows(grid) == before);
        browser.cell(grid + "/0/name").click();
        browser.press(Keys.ESCAPE);
        WebElement remove = browser.driver.findElement(By.cssSelector("[data-grid='" + grid + "'] button[aria-label^='删除所选']"));
        browser.js("arguments[0].focus();", remove);
        browser.press(Keys.ENTER);
        browser.wait.until(d -> rows(grid) == before - 1);
        assertEquals("指标2", browser.cellValue(grid + "/0/name"));
        browser.ctrl("z");
        browser.wait.until(d -> rows(grid) == before);
        assertEquals("指标1工程资金金额", browser.cellValue(grid + "/0/name"));
        browser.picture("62-removed-row-undone");
        browser.ctrl("y");
        browser.wait.until(d -> rows(grid) == before - 1);
        assertTrue(browser.rawDocument().contains("\"name\": \"指标2\""));
        assertTrue(!browser.rawDocument().contains("指标1工程资金金额"), "the raw document follows the grid");
    }

    @Test
    void theTargetTablesFieldsAndGridsUndoToo() {
        browser.openOnALaptop("performance-target", true);
        WebElement entry = browser.driver.findElement(By.cssSelector("#outline-tree [data-outline='/units/0/projects/2']"));
        browser.js("arguments[0].focus();", entry);
        browser.press(Keys.ENTER);
        String goal = "/units/0/projects/2/goal";
        String written = browser.value(goal);
        browser.js("arguments[0].focus();", browser.field(goal));
        browser.press(Keys.END, "另增设备两台。");
        String grid = "/units/0/projects/2/indicators";
        String first = browser.cellValue(grid + "/0/name");
        browser.cell(grid + "/0/name").click();
        browser.ctrl("a");
        browser.press("设备购置数量", Keys.ENTER);
        browser.wait.until(d -> browser.cellValue(grid + "/0/name").equals("设备购置数量"));
        browser.press(Keys.ESCAPE);
        browser.ctrl("z");
        browser.wait.until(d -> browser.cellValue(grid + "/0/name").equals(first));
        assertEquals(written + "另增设备两台。", browser.value(goal));
        browser.ctrl("z");
        browser.wait.until(d -> browser.value(goal).equals(written));
        assertEquals(goal, browser.focusedPath());
        browser.picture("63-target-table-undone");
    }
}
