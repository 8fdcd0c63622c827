package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Rows copied from Excel or WPS and pasted with Ctrl+V at 1366×768: values that read as 一级/二级指标 go to those
 * columns wherever the cursor is; when the page cannot tell, it asks; columns without a place are said.
 */
@Tag("browser")
class StaffPagePasteTest extends BrowserSession {
    private static final String GRID = "/forms/0/indicators";

    @BeforeEach
    void selfEvaluation() {
        browser.openOnALaptop("performance-self-evaluation", true);
        ((ChromeDriver) browser.driver).executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** Puts text on the clipboard, as copying cells in a spreadsheet does. */
    private static void copy(String text) {
        Object written = browser.asyncJs("const [text, done] = arguments; navigator.clipboard.writeText(text).then(() => done('ok'), e => done(String(e)));", text);
        assertEquals("ok", written);
    }

    private static String row(int index, String field) {
        return browser.cellValue(GRID + "/" + index + "/" + field);
    }

    @Test
    void rowsThatReadAsLevelsGoToTheirColumnsWhereverTheCursorIs() {
        copy("效益\t社会效益指标\t门诊人次\t≥10000人次\t11000人次\t10\t\t\t多余一\n"
                + "满意度\t服务对象满意度\t患者满意度\t≥90%\t92%\t5\t\t\t\n");
        browser.cell(GRID + "/1/name").click();
        browser.ctrl("v");
        browser.wait.until(d -> row(2, "name").equals("患者满意度"));
        assertEquals("2-效益指标", row(1, "level1"));
        assertEquals("22-社会效益", row(1, "level2"));
        assertEquals("门诊人次", row(1, "name"));
        assertEquals("11000人次", row(1, "actual"));
        assertEquals("3-满意度指标", row(2, "level1"));
        assertEquals("92%", row(2, "actual"));
        String status = browser.text(By.id("status"));
        assertTrue(status.startsWith("已粘贴 2 行，按内容对齐，第 1 列起填入「一级指标」列"), status);
        assertTrue(status.contains("另有 1 列表中没有对应的栏目，未粘贴：第 9 列「多余一」"), status);
        assertEquals(GRID + "/1/level1", browser.focusedPath(), "the keyboard stays where the paste went");
        browser.picture("64-paste-aligned-by-content");
        browser.press(Keys.ESCAPE);
        browser.ctrl("z");
        browser.wait.until(d -> row(1, "name").equals("指标2"));
        assertEquals("1-产出指标", row(1, "level1"));
    }

    @Test
    void whenThePageCannotTellItAsks() {
        copy("1\t12\t验收合格率\t100%\t\n");
        browser.cell(GRID + "/1/name").click();
        browser.ctrl("v");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.ask")));
        assertTrue(browser.text(By.cssSelector("dialog.ask p")).contains("从「一级指标」列开始，光标却在「三级指标」列"));
        assertEquals("按内容对齐", browser.driver.switchTo().activeElement().getText());
        assertTrue((Boolean) browser.js("const r = document.querySelector('dialog.ask').getBoundingClientRect();"
                + "return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;"), "the dialog fits the window");
        browser.picture("65-paste-asks-where-it-goes");
        // 从当前列粘贴: the values go in order from 三级指标, as they were.
        browser.press(Keys.TAB, Keys.ENTER);
        browser.wait.until(d -> row(1, "name").equals("1"));
        assertEquals("12", row(1, "target"));
        assertEquals("1-产出指标", row(1, "level1"), "nothing written where the paste did not go");
        browser.press(Keys.ESCAPE);
        browser.ctrl("z");
        browser.wait.until(d -> row(1, "name").equals("指标2"));
        // Asked again, 按内容对齐: the codes read as 一级 and 二级指标.
        browser.cell(GRID + "/1/name").click();
        browser.ctrl("v");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.ask")));
        browser.press(Keys.ENTER);
        browser.wait.until(d -> row(1, "name").equals("验收合格率"));
        assertEquals("12-质量指标", row(1, "level2"));
        assertEquals("100%", row(1, "target"));
        // Esc asks nothing more and pastes nothing.
        browser.cell(GRID + "/3/name").click();
        browser.ctrl("v");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.ask")));
        browser.press(Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.ask")));
        assertEquals("指标1工程完工率", row(3, "name"));
        assertEquals("未粘贴", browser.text(By.id("status")));
    }
}
