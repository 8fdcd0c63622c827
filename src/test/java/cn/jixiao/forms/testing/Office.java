package cn.jixiao.forms.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice, headless, as a stand-in for the office programs finance staff open the DOCX and XLSX with:
 * converts a DOCX or a workbook to PDF the way it would print, and saves workbooks as a person would. Required in CI (CI=true, installed by .ci/run);
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
        return convert(docx, "docx", "pdf");
    }

    /**
     * A file converted by LibreOffice, as a person would save it: a workbook printed to PDF, a CSV (UTF-8,
     * commas) saved as .xlsx or .xls.
     */
    public static byte[] convert(byte[] input, String from, String to) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("office");
            Path file = dir.resolve("form." + from);
            Files.write(file, input);
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("soffice", "--headless", "--norestore",
                    "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath()));
            if (from.equals("csv")) {
                command.add("--infilter=CSV:44,34,76,1");
            }
            command.addAll(java.util.List.of("--convert-to", to, "--outdir", dir.toString(), file.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("LibreOffice did not finish converting within 180 s");
            }
            Path output = dir.resolve("form." + to);
            if (!Files.exists(output)) {
                throw new AssertionError("LibreOffice could not convert the " + from + ": " + Files.readString(dir.resolve("log.txt")));
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            removeQuietly(dir);
        }
    }

    /** The conversion's folder, its profile included (some megabytes), gone once the file is read. */
    private static void removeQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file LibreOffice still holds: left to the system's cleaning of its temporary folder
        }
    }
}
