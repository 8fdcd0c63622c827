package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The 自评表 at 1366 px: with the preview hidden (and the 目录 folded, which gives its width back) 实际完成值 through
 * 偏差原因分析及改进措施 are in sight without scrolling sideways; the 得分 of each 一级指标 and 总分 stand under the grid,
 * and a target led by words (合格率达到95%) is scored, all as the service works them out.
 */
@Tag("browser")
class StaffPageSelfEvaluationTest extends BrowserSession {
    private static final String GRID = "/forms/0/indicators";
    private static final List<String> TYPED_COLUMNS = List.of("实际完成值", "分值", "得分", "偏差原因分析及改进措施");

    /** Pixels of the grid hidden to the side, and the typed columns not wholly in its sight. */
    private static String sideways() {
        return (String) browser.js("const g = document.querySelector(\"[data-grid='" + GRID + "'] .tabulator-tableholder\");"
                + "const box = g.getBoundingClientRect(); const out = [];"
                + "for (const c of document.querySelectorAll(\"[data-grid='" + GRID + "'] .tabulator-col\")) {"
                + "  const r = c.getBoundingClientRect(); const t = c.textContent.trim();"
                + "  if (arguments[0].includes(t) && (r.left < box.left - 1 || r.right > box.right + 1)) { out.push(t); } }"
                + "return (g.scrollWidth - g.clientWidth) + (out.length ? ' ' + out.join('、') : '');", TYPED_COLUMNS);
    }

    private static int editorWidth() {
        return ((Number) browser.js("return document.querySelector('section.editor').getBoundingClientRect().width")).intValue();
    }

    private static void pressOn(WebElement control) {
        browser.js("arguments[0].focus();", control);
        browser.press(Keys.ENTER);
    }

    @Test
    void withThePreviewHiddenTheTypedColumnsFitAndFoldingTheOutlineGivesWidth() {
        browser.openOnALaptop("performance-self-evaluation", true);
        browser.js("localStorage.clear(); location.reload();");
        browser.wait.until(d -> !browser.text(By.id("status")).isEmpty());
        browser.js("document.querySelector(\"[data-grid='" + GRID + "']\").scrollIntoView();");
        assertTrue(!sideways().equals("0"), "beside the preview the grid is wider than its place: " + sideways());

        pressOn(browser.driver.findElement(By.id("preview-hide")));
        browser.wait.until(d -> sideways().equals("0"));
        assertEquals("显示预览", browser.text(By.id("preview-hide")));
        browser.picture("70-self-evaluation-grid-with-the-preview-hidden");
        int beside = editorWidth();
        pressOn(browser.driver.findElement(By.cssSelector("#outline-box > summary")));
        browser.wait.until(d -> editorWidth() > beside + 100);
        browser.wait.until(d -> sideways().equals("0"));
        assertEquals(0, browser.sidewaysOverflow());
        browser.picture("71-self-evaluation-grid-with-the-outline-folded");

        // Both are remembered; shown again, the preview draws the form.
        browser.driver.navigate().refresh();
        browser.wait.until(d -> !browser.text(By.id("status")).isEmpty());
        assertEquals("显示预览", browser.text(By.id("preview-hide")));
        assertEquals(Boolean.FALSE, browser.js("return document.getElementById('outline-box').open"));
        assertTrue(browser.driver.findElements(By.cssSelector("#pages img[src]")).isEmpty(), "nothing drawn while hidden");
        pressOn(browser.driver.findElement(By.id("preview-hide")));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pages img[data-page='1'][src]")));
        pressOn(browser.driver.findElement(By.cssSelector("#outline-box > summary")));
        browser.wait.until(d -> Boolean.TRUE.equals(browser.js("return document.getElementById('outline-box').open")));
    }

    @Test
    void theScoreOfEachLevel1AndTheTotalStandUnderTheGrid() {
        browser.openOnALaptop("performance-self-evaluation", true);
        By output = By.cssSelector("[data-grid-figure='/forms/0/outputScore']");
        By total = By.cssSelector("[data-grid-figure='/forms/0/totalScore']");
        browser.wait.until(d -> browser.text(output).replaceAll("\\s", "").equals("产出指标得分49.00"));
        assertEquals("效益指标得分30.00", browser.text(By.cssSelector("[data-grid-figure='/forms/0/benefitScore']")).replaceAll("\\s", ""));
        assertEquals("满意度指标得分10.00", browser.text(By.cssSelector("[data-grid-figure='/forms/0/satisfactionScore']")).replaceAll("\\s", ""));
        assertEquals("总分98.00", browser.text(total).replaceAll("\\s", ""));
        // 得分 of the first row typed as 7: the service's figures follow.
        browser.cell(GRID + "/0/score").click();
        browser.ctrl("a");
        browser.press("7", Keys.ENTER);
        browser.wait.until(d -> browser.text(output).replaceAll("\\s", "").equals("产出指标得分47.00"));
        browser.wait.until(d -> browser.text(total).replaceAll("\\s", "").equals("总分96.00"));
        browser.press(Keys.ESCAPE);
        browser.js("document.querySelector('.grid-totals').scrollIntoView({block: 'center'});");
        browser.picture("72-score-of-each-level1-under-the-grid");
    }

    @Test
    void aTargetLedByWordsIsScoredAsTheServiceReadsIt() {
        browser.openOnALaptop("performance-self-evaluation", true);
        String row = GRID + "/1";
        browser.cell(row + "/target").click();
        browser.press("合格率达到95%", Keys.TAB, "合格率90%", Keys.TAB, "10", Keys.TAB, Keys.ESCAPE);
        // 得分 left empty: the service's 10 × 90 ÷ 95, greyed in its cell, and in the 产出指标's 得分 under the grid.
        browser.wait.until(d -> browser.cell(row + "/score").getText().equals("9.47"));
        assertTrue(browser.cell(row + "/score").findElements(By.cssSelector(".computed-value")).size() == 1, "worked out, not typed");
        browser.wait.until(d -> browser.text(By.cssSelector("[data-grid-figure='/forms/0/outputScore']")).replaceAll("\\s", "")
                .equals("产出指标得分58.47"));
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", browser.cell(row + "/score"));
        browser.picture("73-target-led-by-words-scored");
    }
}
