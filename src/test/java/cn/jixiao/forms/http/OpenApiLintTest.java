package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The served description passes Redocly's linter with its recommended rules, warnings included. Needs npm: the
 * linter is installed once under target/ (the only step that needs the network), skipped where npm is missing.
 */
class OpenApiLintTest {
    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final Path HOME = Path.of("target", "redocly");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void redoclyRecommendedRulesPass() throws Exception {
        Assumptions.assumeTrue(onPath("npm") && onPath("node"), "npm not installed: the lint is skipped here");
        Path redocly = HOME.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(redocly)) {
            Run install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(), REDOCLY), 240);
            Assumptions.assumeTrue(install.status == 0, "could not install " + REDOCLY + ": " + install.output);
        }
        Path spec = HOME.resolve("openapi.json");
        Files.write(spec, TestServer.get("/openapi.json").body());
        Run lint = run(List.of(redocly.toString(), "lint", "--extends", "recommended", "--max-problems", "1000",
                "--format", "stylish", spec.toString()), 120);
        assertEquals(0, lint.status, lint.output);
        assertTrue(lint.output.contains("Your API description is valid"), lint.output);
        assertTrue(!lint.output.contains(" warning "), "no warnings either: " + lint.output);
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("redocly", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "did not finish within " + seconds + " s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
