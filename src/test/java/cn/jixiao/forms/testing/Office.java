package cn.jixiao.forms.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    /** LibreOffice with its spreadsheet part, Calc (a separate package: a machine may have Writer alone). */
    public static boolean calcAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path soffice = Path.of(dir, "soffice");
            if (Files.isExecutable(soffice)) {
                try {
                    return Files.exists(soffice.toRealPath().resolveSibling("libsclo.so"));
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Workbooks are printed and saved by Calc: without it those tests are skipped, but in CI, which installs it. */
    public static void assumeCalc() {
        assumeAvailable();
        if (System.getenv("CI") != null) {
            if (!calcAvailable()) {
                throw new AssertionError("CI needs LibreOffice Calc: apt-get install libreoffice-calc-nogui");
            }
            return;
        }
        Assumptions.assumeTrue(calcAvailable(), "LibreOffice Calc not installed (Writer only): skipped here, required in CI");
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
     * commas) saved as .xlsx or .xls, a workbook opened and saved again (xlsx to xlsx).
     */
    public static byte[] convert(byte[] input, String from, String to) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("office");
            Path file = dir.resolve("form." + from);
            Files.write(file, input);
            List<String> command = new ArrayList<>(List.of("soffice", "--headless", "--norestore",
                    "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath()));
            if (from.equals("csv")) {
                command.add("--infilter=CSV:44,34,76,1");
            }
            Path out = Files.createDirectories(dir.resolve("out"));
            command.addAll(List.of("--convert-to", to, "--outdir", out.toString(), file.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("LibreOffice did not finish converting within 180 s");
            }
            Path output = out.resolve("form." + to);
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
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file LibreOffice still holds: left to the system's cleaning of its temporary folder
        }
    }
}
