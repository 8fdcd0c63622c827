package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.DocxSchema;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff page as a finance clerk uses it: typing as people type, files and drafts, downloads, the
 * keyboard and the screen sizes. Pictures of each step go to target/staff-page/.
 */
@Tag("browser")
class StaffPageTest extends BrowserSession {

    @BeforeEach
    void laptop() {
        browser.size(1366, 768);
    }

    @Test
    void datesAndAmountsAreReadAsPeopleWriteThem() {
        browser.open("performance-tracking", true);
        browser.forgetDrafts();
        String start = "/forms/0/trackingPeriod/start";
        for (String written : List.of("20220101", "2022/1/1", "2022年1月1日", "２０２２-01-01", "2022-01-01")) {
            browser.type(browser.field(start), written);
            browser.field(start).sendKeys(Keys.TAB);
            assertEquals("2022-01-01", browser.value(start), written);
        }
        browser.type(browser.field(start), "2022-02-30");
        assertEquals("「2022-02-30」：2022年2月没有30日", browser.typedProblem(start));
        browser.picture("01-typing-a-date-that-does-not-exist");
        browser.type(browser.field(start), "2021-01-01");

        String budget = "/forms/0/annualBudget";
        for (String[] refused : new String[][]{
                {"120万", "「120万」：本栏以元计；请填写 1200000（即 120 万元） 改为 1200000"},
                {"-5", "「-5」：金额不能为负数"},
                {"12a", "「12a」：「a」不是数字；请填写数字，如 1200000.00"},
                {"1.234", "「1.234」：最多两位小数"}}) {
            browser.type(browser.field(budget), refused[0]);
            assertEquals(refused[1], browser.typedProblem(budget));
            // One message, not the service's general one stacked under it.
            browser.wait.until(d -> d.findElements(By.cssSelector(".field[data-path='" + budget + "'] .problem")).size() == 1);
        }
        browser.picture("02-typing-an-amount-in-wan-where-yuan-is-asked");
        for (String accepted : List.of("1,323,379.00", "１３２３３７９", "1 323 379.00 元")) {
            browser.type(browser.field(budget), accepted);
            browser.field(budget).sendKeys(Keys.TAB);
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".field[data-path='" + budget + "'] .problem")));
            assertTrue(browser.value(budget).startsWith("1,323,379"), accepted + " shows as " + browser.value(budget));
        }
        assertTrue(browser.rawDocument().contains("\"annualBudget\": \"1323379.00\""), "what is sent is a plain decimal");

        String rate = "/forms/0/executionRate";
        browser.type(browser.field(rate), "30%");
        By warning = By.cssSelector(".field[data-path='" + rate + "'] p.problem.warning");
        browser.wait.until(d -> browser.text(warning).contains("进度 30 ") && browser.text(warning).contains("= 98.30"));
        // A rate stated is printed as stated: editing the amounts leaves it, and its warning, where they are.
        browser.type(browser.field(budget), "1400000");
        browser.wait.until(d -> browser.text(warning).contains("进度 30 ") && !browser.text(warning).contains("= 98.30"));
        assertEquals("30", browser.value(rate));
        browser.type(browser.field(budget), "1323379");
        browser.type(browser.field(rate), "");
        browser.wait.until(d -> browser.field(rate).getDomAttribute("placeholder").equals("留空自动计算：98.30"));
        browser.picture("03-rate-left-empty-is-computed");
    }

    @Test
    void aBlankFormShowsNoErrorsUntilAFieldIsTouchedOrACheckIsAskedFor() {
        browser.open("performance-target", false);
        browser.forgetDrafts();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "空白"));
        assertTrue(browser.driver.findElements(By.cssSelector("#editor .problem")).isEmpty());
        assertFalse(browser.driver.findElement(By.id("problems-toggle")).isDisplayed());
        browser.picture("04-blank-target-form-quiet");

        browser.type(browser.field("/organization"), "某医院");
        browser.type(browser.field("/organization"), "");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".field[data-path='/organization'] p.problem.error")));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#editor .problem")).size(), "only the field touched");

        browser.driver.findElement(By.id("check")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem-list")));
        assertTrue(browser.text(By.id("problems-toggle")).matches("\\d+ 处错误：查看"), browser.text(By.id("problems-toggle")));
        assertTrue(browser.text(By.id("problem-items")).contains("项目 1 · 绩效目标"), browser.text(By.id("problem-items")));
        browser.picture("05-blank-target-form-checked");
    }

    @Test
    void aFileOfAnotherFormTypeOpensAsThatFormAndTheRawDataCanBeEdited(@TempDir Path dir) throws IOException {
        browser.open("performance-tracking", true);
        browser.forgetDrafts();
        List<String> titles = new Select(browser.driver.findElement(By.id("form-type"))).getOptions().stream().map(WebElement::getText).toList();
        assertEquals(List.of("项目支出绩效目标表", "项目支出绩效跟踪表", "项目支出绩效目标执行监控表", "项目支出绩效自评表",
                "项目支出绩效自评表（四川）", "部门整体支出绩效目标申报表", "部门整体支出绩效自评表"), titles);
        assertEquals("原始数据", browser.text(By.id("mode-json")));

        Path file = dir.resolve("目标表.json");
        Files.writeString(file, new String(TestServer.example("performance-target"), StandardCharsets.UTF_8).replace("广州市第十二人民医院\"", "文件里的医院\""));
        browser.driver.findElement(By.id("open-file")).sendKeys(file.toString());
        browser.wait.until(d -> browser.value("/organization").equals("文件里的医院"));
        assertEquals("performance-target", new Select(browser.driver.findElement(By.id("form-type"))).getFirstSelectedOption().getDomAttribute("value"));
        assertTrue(browser.text(By.id("status")).contains("已打开 目标表.json（项目支出绩效目标表）"), browser.text(By.id("status")));
        assertEquals(List.of(), browser.driver.findElements(By.xpath("//*[contains(text(), '不认识的字段')]")).stream()
                .map(e -> e.getTagName() + " " + e.getDomAttribute("class") + " " + e.getText()).toList());
        browser.picture("06-target-file-opened-from-the-tracking-form");

        browser.driver.findElement(By.id("mode-json")).click();
        browser.js("const t = document.getElementById('json-text'); t.value = t.value.replace('文件里的医院', 'JSON里改的名字');"
                + "t.dispatchEvent(new Event('input'));");
        browser.driver.findElement(By.id("mode-form")).click();
        browser.wait.until(d -> browser.value("/organization").equals("JSON里改的名字"));
    }

    @Test
    void aDraftIsSavedInTheBrowserAndOfferedBackAndADeletionCanBeUndone() {
        browser.open("performance-tracking", true);
        browser.forgetDrafts();
        browser.type(browser.field("/forms/0/projectName"), "草稿里的项目");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosaved"), "草稿已自动保存"));

        browser.leaveFor("performance-tracking");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-bar")));
        assertTrue(browser.text(By.id("draft-bar")).contains("「草稿里的项目」"), browser.text(By.id("draft-bar")));
        browser.picture("07-draft-offered");
        browser.driver.findElement(By.id("restore-draft")).click();
        browser.wait.until(d -> browser.value("/forms/0/projectName").equals("草稿里的项目"));

        browser.driver.findElement(By.cssSelector("details[data-item='/forms/1'] .item-tools button[aria-label^='删除']")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("undo-bar")));
        assertTrue(browser.driver.findElements(By.cssSelector("details[data-item='/forms/1']")).isEmpty());
        browser.picture("08-form-deleted-undo-offered");
        browser.driver.findElement(By.id("undo")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details[data-item='/forms/1']")));
        assertEquals("医疗设备购置补贴", browser.value("/forms/1/projectName"));
    }

    @Test
    void draftsOlderThanThirtyDaysAreForgottenOfEveryFormAndYoungerOnesKept() {
        browser.open("performance-tracking", false);
        browser.forgetDrafts();
        browser.js("const day = 24 * 60 * 60 * 1000; const doc = JSON.parse(arguments[0]);"
                + "const keep = (form, age) => localStorage.setItem('jixiao-forms.draft.' + form, JSON.stringify({savedAt: Date.now() - age, doc}));"
                + "keep('performance-tracking', 31 * day); keep('performance-target', 30 * day + 60000);"
                + "keep('performance-self-evaluation', 29 * day);",
                new String(TestServer.example("performance-tracking"), StandardCharsets.UTF_8));
        browser.open("performance-tracking", false);
        // The drafts of every form are listed at the start: the one of 29 days, none of 31.
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-bar")));
        assertEquals(List.of("performance-self-evaluation"), browser.driver.findElements(By.cssSelector("#draft-bar li[data-draft-for]"))
                .stream().map(li -> li.getDomAttribute("data-draft-for")).toList(), "no draft of 31 days offered");
        assertEquals(null, browser.js("return localStorage.getItem('jixiao-forms.draft.performance-tracking');"));
        assertEquals(null, browser.js("return localStorage.getItem('jixiao-forms.draft.performance-target');"),
                "forgotten though its form was not opened");
        assertTrue(browser.js("return localStorage.getItem('jixiao-forms.draft.performance-self-evaluation');") != null,
                "a draft of 29 days is kept");
        browser.open("performance-self-evaluation", false);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-bar")));
    }

    @Test
    void theStartListsTheDraftsOfEveryFormAndOpensOneInItsForm() {
        browser.open("performance-self-evaluation", false);
        browser.forgetDrafts();
        browser.type(browser.field("/forms/0/projectName"), "食堂改造");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosaved"), "草稿已自动保存"));
        browser.leaveFor("performance-target");
        browser.type(browser.field("/units/0/name"), "第一人民医院");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("autosaved"), "草稿已自动保存"));
        browser.leaveFor("performance-tracking");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-bar")));
        List<WebElement> drafts = browser.driver.findElements(By.cssSelector("#draft-bar li[data-draft-for]"));
        assertEquals(List.of("performance-target", "performance-self-evaluation"),
                drafts.stream().map(li -> li.getDomAttribute("data-draft-for")).toList(), "newest first");
        String selfEvaluation = drafts.get(1).getText();
        assertTrue(selfEvaluation.startsWith("项目支出绩效自评表") && selfEvaluation.contains("「食堂改造」")
                && selfEvaluation.matches("(?s).*\\d+/\\d+ \\d{2}:\\d{2} 自动保存.*"), selfEvaluation);
        assertTrue(drafts.get(0).getText().contains("「第一人民医院」"), drafts.get(0).getText());
        browser.picture("10-drafts-of-every-form-at-the-start");
        browser.js("arguments[0].focus();", drafts.get(1).findElement(By.cssSelector("button[data-draft]")));
        browser.press(Keys.ENTER);
        browser.wait.until(d -> "performance-self-evaluation".equals(browser.js("return document.getElementById('form-type').value")));
        browser.wait.until(d -> browser.value("/forms/0/projectName").equals("食堂改造"));
        assertTrue(browser.text(By.id("status")).startsWith("已恢复草稿"), browser.text(By.id("status")));
    }

    @Test
    void theRateWarningGoesOnceTheAmountIsCorrectedAndTheFilesKeepTheirChineseNames() throws IOException {
        browser.open("performance-tracking", true);
        browser.forgetDrafts();
        By rateWarning = By.cssSelector("p.problem.warning[data-problem-for='/forms/0/executionRate']");
        browser.wait.until(d -> browser.text(rateWarning).contains("98.38") && browser.text(rateWarning).contains("98.30"));
        browser.type(browser.field("/forms/0/executedAmount"), "1301940.26");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(rateWarning));
        browser.wait.until(d -> browser.driver.findElements(By.cssSelector("#pages img[data-page='1']")).stream()
                .anyMatch(img -> ((Number) browser.js("return arguments[0].naturalWidth", img)).intValue() > 0));
        browser.picture("09-tracking-corrected-with-preview");

        browser.driver.findElement(By.id("download-pdf")).click();
        byte[] pdf = Files.readAllBytes(browser.downloaded("上海市闵行区肿瘤医院-项目支出绩效跟踪表.pdf"));
        assertTrue(PdfDigest.text(pdf).contains("1,301,940.26"));
        browser.driver.findElement(By.id("download-docx")).click();
        byte[] docx = Files.readAllBytes(browser.downloaded("上海市闵行区肿瘤医院-项目支出绩效跟踪表.docx"));
        assertTrue(DocxDigest.text(docx).contains("1,301,940.26"));
        assertEquals(List.of(), DocxSchema.errors(docx));
    }

    @Test
    void keyboardOnlyAndEveryScreenWidthWithoutSidewaysScrolling() {
        browser.open("performance-tracking", true);
        browser.forgetDrafts();
        browser.type(browser.field("/forms/0/projectName"), "键盘改过的名字");
        browser.js("document.getElementById('form-type').focus();");
        for (int i = 0; i < 10 && !"load-example".equals(browser.driver.switchTo().activeElement().getDomAttribute("id")); i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("load-example", browser.driver.switchTo().activeElement().getDomAttribute("id"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(d -> browser.value("/forms/0/projectName").equals("闵行区肿瘤医院智慧医院基础业务系统建设项目"));

        for (String form : List.of("performance-tracking", "performance-target", "performance-self-evaluation")) {
            browser.open(form, true);
            for (int[] size : new int[][]{{1366, 768}, {1920, 1080}, {390, 844}}) {
                browser.size(size[0], size[1]);
                browser.wait.until(d -> browser.sidewaysOverflow() <= 1);
                assertTrue(browser.driver.findElement(By.id("download-docx")).isDisplayed());
                browser.picture("10-" + form + "-" + size[0]);
            }
        }
        // The target table's landscape pages, widened to be read on a laptop.
        browser.size(1366, 768);
        browser.open("performance-target", true);
        browser.driver.findElement(By.id("preview-wide")).click();
        browser.wait.until(d -> ((Number) browser.js("const i = document.querySelector(\"#pages img[data-page='1']\");"
                + "return i && i.complete ? i.getBoundingClientRect().width : 0;")).intValue() > 850);
        browser.picture("10-performance-target-1366-preview-wide");
    }

    @Test
    void thePageIsBundledAndForbidsInlineScript() {
        HttpResponse<byte[]> page = TestServer.get("/");
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "nothing from outside");
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no inline handlers");
        for (String asset : List.of("/js/main.js", "/app.css", "/vendor/tabulator/tabulator_esm.min.js",
                "/vendor/tabulator/tabulator.min.css", "/vendor/tabulator/LICENSE")) {
            assertEquals(200, TestServer.get(asset).statusCode(), asset);
        }
    }
}
