package cn.jixiao.forms.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium and ChromeDriver: required in CI (installed by .ci/run), optional on a developer's machine. */
final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static void assumeAvailable() {
        boolean available = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (System.getenv("CI") != null && !available) {
            throw new AssertionError("CI needs Chromium and ChromeDriver: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(available, "Chromium not installed: skipped here, required in CI");
    }
}
