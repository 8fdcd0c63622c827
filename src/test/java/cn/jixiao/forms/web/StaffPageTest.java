package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.DocxSchema;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff page in a real browser (Debian's headless Chromium and ChromeDriver): what a finance clerk
 * does, step by step. Required in CI (CI=true; .ci/run installs them); skipped elsewhere without them.
 */
class StaffPageTest {
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Path downloads;

    @BeforeAll
    static void openBrowser(@TempDir Path profile) throws IOException {
        Browser.assumeAvailable();
        downloads = Files.createTempDirectory("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,768", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Browser.CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the page rebuilds fields as it re-renders
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void size() {
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    private static WebElement field(String path) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[data-path='" + path + "'], select[data-path='" + path + "'], textarea[data-path='" + path + "']")));
    }

    private static By problem(String kind, String path) {
        return By.cssSelector("p.problem." + kind + "[data-problem-for='" + path + "']");
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private static void open(String form) {
        driver.get(TestServer.uri("/?form=" + form).toString());
    }

    /** A picture of the page at a step, for a person to look at: target/staff-page/<step>.png. */
    private static void picture(String step) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "staff-page"));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(directory.resolve(step + ".png"), png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    @Test
    void trackingExampleShowsTheRateWarningWhichGoesOnceTheAmountIsCorrected() throws IOException {
        open("performance-tracking");
        wait.until(d -> field("/forms/0/projectName").getDomProperty("value").equals("闵行区肿瘤医院智慧医院基础业务系统建设项目"));
        WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(problem("warning", "/forms/0/executionRate")));
        assertTrue(warning.getText().contains("98.38") && warning.getText().contains("98.30"), warning.getText());
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", warning);
        picture("1-tracking-rate-warning");

        type(field("/forms/0/executedAmount"), "1301940.26");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(problem("warning", "/forms/0/executionRate")));
        byte[] corrected = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/executedAmount", "1301940.26");
        int remaining = Json.MAPPER.readTree(TestServer.post("/api/v1/forms/performance-tracking/validate", corrected).body())
                .path("warnings").size();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), remaining + " 条提醒"));
        picture("2-tracking-corrected");

        driver.findElement(By.id("download-pdf")).click();
        byte[] pdf = Files.readAllBytes(downloaded("上海市闵行区肿瘤医院-项目支出绩效跟踪表.pdf"));
        assertTrue(PdfDigest.text(pdf).contains("1,301,940.26"));
        driver.findElement(By.id("download-docx")).click();
        byte[] docx = Files.readAllBytes(downloaded("上海市闵行区肿瘤医院-项目支出绩效跟踪表.docx"));
        assertTrue(DocxDigest.text(docx).contains("1,301,940.26"));
        assertEquals(List.of(), DocxSchema.errors(docx));
    }

    @Test
    void aTypedAmountIsCheckedAtOnceAndAnErrorShowsBesideItsField() {
        open("performance-tracking");
        WebElement budget = field("/forms/1/annualBudget");
        wait.until(d -> !budget.getDomProperty("value").isEmpty());
        type(budget, "405万");
        WebElement typed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("div.field[data-path='/forms/1/annualBudget'] p.problem.typed")));
        assertTrue(typed.getText().contains("金额"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(problem("error", "/forms/1/annualBudget")));
        assertEquals("true", budget.getDomAttribute("aria-invalid"));
        type(budget, "4050000");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(problem("error", "/forms/1/annualBudget")));
    }

    @Test
    void aProjectAndIndicatorsAddedToTheTargetFormAppearInThePreview() {
        open("performance-target");
        wait.until(d -> field("/organization").getDomProperty("value").equals("广州市第十二人民医院"));
        driver.findElement(By.cssSelector("button[data-add-for='/units/0/projects']")).click();
        type(field("/units/0/projects/30/name"), "新增测试项目");
        type(field("/units/0/projects/30/fiscalAppropriation"), "12.5");
        type(field("/units/0/projects/30/goal"), "测试绩效目标");
        type(field("/units/0/projects/30/indicators/0/name"), "新增指标名称");
        type(field("/units/0/projects/30/indicators/0/periodValue"), "≥1次");
        driver.findElement(By.cssSelector("button[data-add-for='/units/0/projects/30/indicators']")).click();
        new Select(field("/units/0/projects/30/indicators/1/level1")).selectByValue("效益指标");
        new Select(field("/units/0/projects/30/indicators/1/level2")).selectByValue("社会效益");
        type(field("/units/0/projects/30/indicators/1/name"), "第二个新指标");

        ((JavascriptExecutor) driver).executeScript(
                "window.sawBusy = false; new MutationObserver(() => { if (document.getElementById('status').classList.contains('busy')) window.sawBusy = true; })"
                        + ".observe(document.getElementById('status'), {attributes: true});");
        driver.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已生成"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.sawBusy"), "a render under way is shown");
        picture("3-target-new-project-preview");
        String preview = PdfDigest.text(previewPdf()).replaceAll("\\s+", "");
        assertTrue(preview.contains("新增测试项目"), preview);
        assertTrue(preview.contains("1、1-产出指标：11-数量指标：新增指标名称；实施周期指标值：≥1次"), preview);
        assertTrue(preview.contains("2、2-效益指标：22-社会效益：第二个新指标"), preview);
        assertTrue(preview.contains("48,875.82"), "合计 includes the new 12.50");
    }

    /** The PDF shown in the preview frame, read through the page's own blob URL. */
    private static byte[] previewPdf() {
        String source = driver.findElement(By.id("preview-frame")).getDomAttribute("src");
        assertTrue(source.startsWith("blob:"), source);
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                        + "  let s = ''; const bytes = new Uint8Array(b); for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);"
                        + "  done(btoa(s)); }).catch(e => done('failed: ' + e));", source);
        assertFalse(String.valueOf(base64).startsWith("failed"), String.valueOf(base64));
        return Base64.getDecoder().decode((String) base64);
    }

    @Test
    void aJsonFileCanBeOpenedAndTheRawJsonEdited(@TempDir Path dir) throws IOException {
        open("performance-tracking");
        wait.until(d -> !field("/forms/0/projectName").getDomProperty("value").isEmpty());
        Path file = dir.resolve("我的表.json");
        Files.writeString(file, new String(TestServer.example("performance-tracking"), StandardCharsets.UTF_8)
                .replace("医疗设备购置补贴", "文件里的项目"));
        driver.findElement(By.id("open-file")).sendKeys(file.toString());
        wait.until(d -> field("/forms/1/projectName").getDomProperty("value").equals("文件里的项目"));

        driver.findElement(By.id("mode-json")).click();
        WebElement json = driver.findElement(By.id("json-text"));
        assertTrue(json.getDomProperty("value").contains("文件里的项目"));
        ((JavascriptExecutor) driver).executeScript(
                "const t = document.getElementById('json-text'); t.value = t.value.replace('文件里的项目', 'JSON里改的名字');"
                        + "t.dispatchEvent(new Event('input'));");
        driver.findElement(By.id("mode-form")).click();
        wait.until(d -> field("/forms/1/projectName").getDomProperty("value").equals("JSON里改的名字"));
    }

    @Test
    void keyboardOnlyAndPhoneWidth() {
        open("performance-tracking");
        wait.until(d -> !field("/forms/0/projectName").getDomProperty("value").isEmpty());
        type(field("/forms/0/projectName"), "键盘改过的名字");
        // From the form chooser at the top, Tab reaches 从示例开始, and Enter restores the example.
        driver.findElement(By.id("form-type")).sendKeys(Keys.SHIFT);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('form-type').focus();");
        for (int i = 0; i < 10 && !"load-example".equals(driver.switchTo().activeElement().getDomAttribute("id")); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("load-example", driver.switchTo().activeElement().getDomAttribute("id"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        // The form was changed: the page asks before throwing the change away.
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> field("/forms/0/projectName").getDomProperty("value").equals("闵行区肿瘤医院智慧医院基础业务系统建设项目"));

        for (int[] size : new int[][]{{1366, 768}, {390, 844}}) {
            driver.manage().window().setSize(new Dimension(size[0], size[1]));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 1, "no sideways scrolling at " + size[0] + " px: " + overflow);
            assertTrue(driver.findElement(By.id("preview")).isDisplayed());
            assertTrue(driver.findElement(By.id("download-docx")).isDisplayed());
            picture("4-width-" + size[0]);
        }
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
        for (String asset : List.of("/app.js", "/app.css")) {
            assertEquals(200, TestServer.get(asset).statusCode(), asset);
        }
    }
}
