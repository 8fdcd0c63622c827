package cn.jixiao.forms.web;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver, in Chinese as finance staff run it: required in CI (installed by
 * .ci/run), optional on a developer's machine. One browser per test class, with what the tests do to it.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    final WebDriverWait wait;
    final Path downloads;
    /** Keys pressed through {@link #press}: each character typed and each key of a chord counts one. */
    int keystrokes;

    static void assumeAvailable() {
        boolean available = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (System.getenv("CI") != null && !available) {
            throw new AssertionError("CI needs Chromium and ChromeDriver: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(available, "Chromium not installed: skipped here, required in CI");
    }

    Browser(Path profile) throws IOException {
        assumeAvailable();
        downloads = Files.createTempDirectory("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN", "--window-size=1366,768", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", "zh-CN,zh",
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // sections and grids are rebuilt as the document changes
    }

    @Override
    public void close() {
        driver.quit();
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Opens a form, with its example or blank, and waits until the page has checked it once. */
    void open(String form, boolean example) {
        driver.get(TestServer.uri("/?form=" + form + (example ? "&example=1" : "")).toString());
        wait.until(d -> !text(By.id("status")).isEmpty());
    }

    /** On a laptop's 1366×768, a form opened as on a first visit: no draft of an earlier test offered. */
    void openOnALaptop(String form, boolean example) {
        size(1366, 768);
        open(form, example);
        forgetDrafts();
    }

    /**
     * Leaves a page with changes for a blank form. A browser may ask first (headless Chromium does not, lacking
     * a person's gesture), and is then told yes.
     */
    void leaveFor(String form) {
        js("setTimeout(() => { location.href = arguments[0]; });", TestServer.uri("/?form=" + form).toString());
        try {
            new WebDriverWait(driver, Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent()).accept();
        } catch (TimeoutException noQuestion) {
            // left without asking
        }
        wait.until(d -> text(By.id("status")).contains("空白"));
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncJs(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The input, select or text area of a JSON pointer. */
    WebElement field(String path) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "input[data-path='" + path + "'], select[data-path='" + path + "'], textarea[data-path='" + path + "']")));
    }

    /** The grid cell of a JSON pointer. */
    WebElement cell(String path) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tabulator-cell[data-path='" + path + "']")));
    }

    /** What a grid cell holds: its text, or what its editor holds while it is edited. */
    String cellValue(String path) {
        return (String) js("const c = arguments[0]; const i = c.querySelector('input, textarea');"
                + "return (i ? i.value : c.innerText).trim();", cell(path));
    }

    String value(String path) {
        return field(path).getDomProperty("value");
    }

    /** Keys to wherever the keyboard is, as a person presses them, counted. */
    void press(CharSequence... keys) {
        for (CharSequence key : keys) {
            keystrokes += (int) key.toString().codePoints().filter(c -> c != Keys.NULL.charAt(0)).count();
        }
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Ctrl with a key: two keys pressed. */
    void ctrl(String key) {
        press(Keys.chord(Keys.CONTROL, key));
    }

    /** The JSON pointer of the field or grid cell the keyboard is in, or null. */
    String focusedPath() {
        return (String) js("const e = document.activeElement; const c = e && e.closest('[data-path]'); return c ? c.dataset.path : null;");
    }

    void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** The message shown beside a field about what was typed, waited for. */
    String typedProblem(String path) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".field[data-path='" + path + "'] p.problem.typed"))).getText();
    }

    /** The document as the page holds it, read from its 原始数据 view and back. */
    String rawDocument() {
        driver.findElement(By.id("mode-json")).click();
        String json = driver.findElement(By.id("json-text")).getDomProperty("value");
        driver.findElement(By.id("mode-form")).click();
        return json;
    }

    /** The value at a JSON pointer of the document the page holds, as text. */
    String rawDocumentValue(String path) {
        return Json.MAPPER.readTree(rawDocument()).at(path).asString();
    }

    /** A picture of the page at a step, for a person to look at: target/staff-page/<step>.png. */
    void picture(String step) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "staff-page"));
            Files.write(directory.resolve(step + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    /** Pixels the page can be scrolled sideways: none is wanted. */
    int sidewaysOverflow() {
        return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
    }

    /** Forgets drafts kept by earlier tests, so that each starts as a first visit. */
    void forgetDrafts() {
        js("localStorage.clear();");
    }
}
