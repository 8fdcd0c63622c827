package cn.jixiao.forms.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice, headless, as a stand-in for the office programs finance staff open the DOCX with:
 * converts a DOCX to PDF the way it would print. Required in CI (CI=true, installed by .ci/run);
 * elsewhere the tests that need it are skipped when it is not installed.
 */
public final class Office {
    private Office() {
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "soffice"))) {
                return true;
            }
        }
        return false;
    }

    public static void assumeAvailable() {
        if (System.getenv("CI") != null) {
            if (!available()) {
                throw new AssertionError("CI needs LibreOffice (soffice) on PATH: apt-get install libreoffice-writer-nogui fonts-noto-cjk");
            }
            return;
        }
        Assumptions.assumeTrue(available(), "LibreOffice not installed: skipped here, required in CI");
    }

    /** The DOCX printed to PDF by LibreOffice. */
    public static byte[] toPdf(byte[] docx) {
        try {
            Path dir = Files.createTempDirectory("office");
            Path input = dir.resolve("form.docx");
            Files.write(input, docx);
            Process process = new ProcessBuilder("soffice", "--headless", "--norestore",
                    "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath(),
                    "--convert-to", "pdf", "--outdir", dir.toString(), input.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("LibreOffice did not finish converting within 180 s");
            }
            Path pdf = dir.resolve("form.pdf");
            if (!Files.exists(pdf)) {
                throw new AssertionError("LibreOffice could not open the DOCX: " + Files.readString(dir.resolve("log.txt")));
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
