package cn.jixiao.forms.web;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** One browser for the tests of a class, opened before the first and closed after the last; every such class is tagged. */
@Tag("browser")
abstract class BrowserSession {
    static Browser browser;

    @BeforeAll
    static void openBrowser(@TempDir Path profile) throws IOException {
        browser = new Browser(profile);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
