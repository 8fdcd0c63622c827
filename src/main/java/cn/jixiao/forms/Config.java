package cn.jixiao.forms;

import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an operator can set, read from environment variables once at start-up, each with a safe
 * default. The README lists them.
 *
 * @param port          HTTP port
 * @param limits        what one request may carry
 * @param renderThreads renders running at once
 * @param queueWait     how long a request may wait for a render slot before 503
 * @param renderTimeout how long a render may run before it is abandoned with 503
 * @param apiToken      bearer token required on /api/ when set; empty: no authentication
 * @param corsOrigins   origins allowed by CORS; empty: CORS off; "*": any
 * @param templateDir   layouts from this directory instead of the jar, when set
 * @param fontDir       fonts from this directory instead of the jar, when set
 * @param development   reload a template when its file changes; report a broken template per request
 * @param connections   what one client, and all of them together, may hold of the server
 * @param minSatisfactionPercent a 满意度 target below this many percent is a warning
 * @param batches       how many batches run at once, and how large a bound PDF may be
 * @param pdfWriter     what lays out a PDF of a form the direct layout has been checked on
 */
public record Config(int port, Limits limits, int renderThreads, Duration queueWait, Duration renderTimeout,
                     String apiToken, List<String> corsOrigins, Optional<Path> templateDir, Optional<Path> fontDir,
                     boolean development, Connections connections, int minSatisfactionPercent, Batches batches,
                     PdfWriter pdfWriter) {

    /** What lays out a PDF: openhtmltopdf for every form, or our own layout for the forms it has been checked on. */
    public enum PdfWriter {
        OPENHTMLTOPDF, DIRECT;

        static PdfWriter of(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "", "openhtmltopdf" -> OPENHTMLTOPDF;
                case "direct" -> DIRECT;
                default -> throw new IllegalArgumentException("JIXIAO_PDF_WRITER=" + value + " is neither openhtmltopdf nor direct");
            };
        }
    }

    /**
     * @param concurrent     batches being answered at once; one more waits up to the queue wait, then 503
     * @param boundPages     pages of the one PDF of a batch ({@code format=pdf}), all items together
     * @param boundBytes     bytes of that PDF
     */
    public record Batches(int concurrent, int boundPages, int boundBytes) {
    }

    /**
     * @param maxConnections       open connections of all clients together
     * @param maxConnectionsPerClient open connections of one client (by IP address); one beyond is closed at once.
     *                             100 by default: room for a caller's pool of a few dozen, or for more than a
     *                             dozen browsers (6 connections each) behind one NAT address, while it takes
     *                             ten addresses to fill the 1000 of all clients together. Behind a reverse proxy
     *                             every connection comes from the proxy's address: set it to
     *                             {@code maxConnections} there
     * @param threadsPerClient     requests of one client (by IP address) being handled at once; more wait
     * @param minUploadBytesPerSecond a request body arriving slower than this is cut off (408)
     * @param idleTimeout          a connection that sends nothing for this long is closed
     */
    public record Connections(int maxConnections, int maxConnectionsPerClient, int threadsPerClient, int minUploadBytesPerSecond,
                              Duration idleTimeout) {
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Limits defaults = Limits.DEFAULT;
        Limits limits = new Limits(
                number(env, "JIXIAO_MAX_BODY_BYTES", defaults.bodyBytes(), 1024, 64 * 1024 * 1024),
                number(env, "JIXIAO_MAX_FORMS", defaults.forms(), 1, 10_000),
                number(env, "JIXIAO_MAX_UNITS", defaults.units(), 1, 10_000),
                number(env, "JIXIAO_MAX_INDICATORS", defaults.indicators(), 1, 10_000),
                number(env, "JIXIAO_MAX_FIELD_CHARS", defaults.fieldChars(), 10, 1_000_000),
                number(env, "JIXIAO_MAX_PAGES", defaults.pages(), 1, 100_000),
                number(env, "JIXIAO_MAX_OUTPUT_BYTES", defaults.outputBytes(), 64 * 1024, 1024 * 1024 * 1024),
                number(env, "JIXIAO_MAX_BATCH_BYTES", defaults.batchBytes(), 1024, 512 * 1024 * 1024),
                number(env, "JIXIAO_MAX_BATCH_ITEMS", defaults.batchItems(), 1, 100_000),
                number(env, "JIXIAO_MAX_WORKBOOK_SHEETS", defaults.workbookSheets(), 1, 10_000),
                number(env, "JIXIAO_MAX_WORKBOOK_ROWS", defaults.workbookRows(), 10, 1_048_576),
                number(env, "JIXIAO_MAX_WORKBOOK_CELLS", defaults.workbookCells(), 100, 10_000_000),
                number(env, "JIXIAO_MAX_WORKBOOK_STRINGS", defaults.workbookStrings(), 100, 10_000_000),
                number(env, "JIXIAO_MAX_WORKBOOK_STRING_CHARS", defaults.workbookStringChars(), 10_000, 1_000_000_000),
                number(env, "JIXIAO_MAX_WORKBOOK_STYLES", defaults.workbookStyles(), 100, 10_000_000),
                number(env, "JIXIAO_MAX_WORKBOOK_MERGED_CELLS", defaults.workbookMergedCells(), 100, 1_000_000_000));
        int processors = Runtime.getRuntime().availableProcessors();
        String origins = env.getOrDefault("JIXIAO_CORS_ORIGINS", "").trim();
        return new Config(
                number(env, "PORT", 7070, 0, 65535),
                limits,
                number(env, "JIXIAO_RENDER_THREADS", processors, 1, 256),
                Duration.ofMillis(number(env, "JIXIAO_QUEUE_WAIT_MS", 5_000, 0, 600_000)),
                Duration.ofMillis(number(env, "JIXIAO_RENDER_TIMEOUT_MS", 30_000, 100, 3_600_000)),
                env.getOrDefault("JIXIAO_API_TOKEN", "").trim(),
                origins.isEmpty() ? List.of() : Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                directory(env, "JIXIAO_TEMPLATE_DIR"),
                directory(env, "JIXIAO_FONT_DIR"),
                Boolean.parseBoolean(env.getOrDefault("JIXIAO_TEMPLATE_DEV", "false").trim()),
                new Connections(
                        number(env, "JIXIAO_MAX_CONNECTIONS", 1000, 16, 100_000),
                        number(env, "JIXIAO_MAX_CONNECTIONS_PER_CLIENT", 100, 1, 100_000),
                        number(env, "JIXIAO_THREADS_PER_CLIENT", 16, 1, 1000),
                        number(env, "JIXIAO_MIN_UPLOAD_BYTES_PER_SECOND", 1024, 0, 100 * 1024 * 1024),
                        Duration.ofMillis(number(env, "JIXIAO_IDLE_TIMEOUT_MS", 15_000, 1000, 3_600_000))),
                number(env, "JIXIAO_MIN_SATISFACTION_PERCENT", IndicatorChecks.DEFAULT.minSatisfactionPercent(), 0, 100),
                new Batches(
                        number(env, "JIXIAO_MAX_BATCHES", 2, 1, 1000),
                        number(env, "JIXIAO_MAX_BATCH_PAGES", 1000, 1, 1_000_000),
                        number(env, "JIXIAO_MAX_BATCH_OUTPUT_BYTES", 128 * 1024 * 1024, 64 * 1024, Integer.MAX_VALUE)),
                PdfWriter.of(env.getOrDefault("JIXIAO_PDF_WRITER", "")));
    }

    private static Optional<Path> directory(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(name + "=" + value + " is not a directory");
        }
        return Optional.of(path);
    }

    /** The defaults, as on a machine with no JIXIAO_ variables set. */
    public static Config defaults() {
        return fromEnvironment(Map.of());
    }

    static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + "=" + value + " is outside " + min + "…" + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a whole number", e);
        }
    }
}
