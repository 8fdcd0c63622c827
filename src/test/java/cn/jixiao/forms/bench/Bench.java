package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;

/**
 * The benchmark: render times in one warm process, the first request of a fresh service, and a load
 * run against the started jar, each on the example sent again and again and on documents that differ in their
 * text ({@link VariedDocuments}), so that what caches hide shows. Run with {@code mvn -B -Pbench -DskipTests verify}; figures are medians
 * and percentiles of one run, as the machines are noisy. The JIT needs about a thousand renders to settle
 * (a tracking PDF takes 37 ms after 250 and 22 ms after 1000), so every measurement follows a warm-up
 * of that size. Options (system properties): {@code bench.loadRequests} (default 10000),
 * {@code bench.renders} (default 200), {@code bench.warmup} (default 1000), {@code bench.serviceJvm} (options of
 * the service's JVM, default the README's: {@code -XX:SharedArchiveFile=target/jixiao-forms.jsa}), {@code bench.skipInProcess}, {@code bench.skipLoad}, {@code bench.form} and {@code bench.format} (one form or
 * format only, in one process).
 */
public final class Bench {
    /** The form whose example the load runs post. */
    private static final String LOAD_FORM = System.getProperty("bench.loadForm", "performance-tracking");

    public static void main(String[] args) throws Exception {
        int renders = Integer.getInteger("bench.renders", 200);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        int loadRequests = Integer.getInteger("bench.loadRequests", 10_000);
        System.out.printf("machine: %d processors, %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"));
        if (!Boolean.getBoolean("bench.skipInProcess")) {
            inProcess(renders, warmup);
        }
        if (!Boolean.getBoolean("bench.skipLoad")) {
            againstTheJar(loadRequests, warmup);
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ one process, warm

    private static void inProcess(int renders, int warmup) throws Exception {
        App app = new App(Config.defaults());
        app.service().warmUp();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("## Render times in one warm process (" + renders + " renders each, after " + warmup + " to warm up)");
        System.out.println();
        System.out.println("Each row twice: the example sent again and again (`same`), and as many documents as renders, each");
        System.out.println("rendered once, that differ in their text (`varied`, see VariedDocuments): no font subset or cache is shared.");
        System.out.println();
        System.out.println("| example | format | documents | median ms | p99 ms | forms/s | size | pages | allocated per render |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        String onlyForm = System.getProperty("bench.form", "");
        String onlyFormat = System.getProperty("bench.format", "");
        for (RegisteredForm form : app.service().forms()) {
            if (!onlyForm.isEmpty() && !form.id().equals(onlyForm) || form.example().isEmpty()) {
                continue;
            }
            List<byte[]> same = List.of(form.example().get());
            List<byte[]> varied = new VariedDocuments(form, app.service().forms()).documents(0, renders);
            for (OutputFormat format : OutputFormat.values()) {
                if (!onlyFormat.isEmpty() && !format.extension().equals(onlyFormat)) {
                    continue;
                }
                for (int i = 0; i < warmup; i++) {
                    app.service().render(form, same.get(0), format);
                }
                Timings repeated = timings(app, threads, form, format, same, renders);
                Timings differing = timings(app, threads, form, format, varied, renders);
                if (form.id().equals(LOAD_FORM)) {
                    loadFormMedians.put(format, repeated.median());
                    loadFormFiles.put(format, repeated.last());
                }
                repeated.print(form, format, "same");
                differing.print(form, format, "varied " + varied.size());
            }
        }
        System.out.println();
        app.stop();
        libreOffice();
    }

    /** Render times of one run, sorted, with the bytes allocated in all and the last file made. */
    private record Timings(long[] nanos, long elapsed, long allocated, byte[] last) {
        long median() {
            return nanos[nanos.length / 2];
        }

        void print(RegisteredForm form, OutputFormat format, String documents) throws IOException {
            int pages = format == OutputFormat.PDF ? pages(last) : 0;
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %d KB | %s | %.1f MB |%n", form.id(),
                    format.extension(), documents, median() / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                    nanos.length / (elapsed / 1e9), last.length / 1024, pages == 0 ? "" : Integer.toString(pages),
                    allocated / (double) nanos.length / 1024 / 1024);
        }
    }

    /** {@code renders} renders one after another, taking the documents in turn. */
    private static Timings timings(App app, ThreadMXBean threads, RegisteredForm form, OutputFormat format,
                                   List<byte[]> documents, int renders) {
        long[] nanos = new long[renders];
        long allocated = 0;
        byte[] output = null;
        long began = System.nanoTime();
        for (int i = 0; i < renders; i++) {
            byte[] body = documents.get(i % documents.size());
            long bytesBefore = allocatedByAllThreads(threads);
            long start = System.nanoTime();
            output = app.service().render(form, body, format).bytes();
            nanos[i] = System.nanoTime() - start;
            allocated += allocatedByAllThreads(threads) - bytesBefore;
        }
        long elapsed = System.nanoTime() - began;
        Arrays.sort(nanos);
        return new Timings(nanos, elapsed, allocated, output);
    }

    /** The median of our warm render of each format of the load form, and its file, for the comparison. */
    private static final Map<OutputFormat, Long> loadFormMedians = new EnumMap<>(OutputFormat.class);
    private static final Map<OutputFormat, byte[]> loadFormFiles = new EnumMap<>(OutputFormat.class);

    /**
     * Our warm PDF against LibreOffice converting our own DOCX of the same form to PDF, the route of tools that
     * fill a Word template: {@code soffice --headless --convert-to pdf}, one process per file, after one run
     * that sets up its profile. Skipped without soffice on the path.
     */
    private static void libreOffice() throws Exception {
        Long ours = loadFormMedians.get(OutputFormat.PDF);
        byte[] docx = loadFormFiles.get(OutputFormat.DOCX);
        if (ours == null || docx == null) {
            return;
        }
        Path dir = Files.createTempDirectory("bench-soffice");
        Path file = dir.resolve("form.docx");
        Files.write(file, docx);
        int runs = 5;
        long[] nanos = new long[runs];
        for (int i = -1; i < runs; i++) {
            long start = System.nanoTime();
            Process soffice;
            try {
                soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                        "--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
            } catch (IOException notInstalled) {
                System.out.println("(LibreOffice not installed: no comparison)");
                return;
            }
            if (soffice.waitFor() != 0 || !Files.exists(dir.resolve("form.pdf"))) {
                System.out.println("(LibreOffice failed to convert: no comparison)");
                return;
            }
            Files.delete(dir.resolve("form.pdf"));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        long theirs = nanos[runs / 2];
        System.out.println("## Against LibreOffice");
        System.out.println();
        System.out.printf(Locale.ROOT, "- %s: our warm PDF %.1f ms; LibreOffice converting our DOCX to PDF %.0f ms (median of %d, "
                + "after one run to set up its profile): **%.0f×**%n%n", LOAD_FORM, ours / 1e6, theirs / 1e6, runs, (double) theirs / ours);
    }

    /** Bytes allocated so far by every live thread: a render runs on a thread of the render queue. */
    private static long allocatedByAllThreads(ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    private static int pages(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    // ------------------------------------------------------------------ the started jar

    private static void againstTheJar(int loadRequests, int warmup) throws Exception {
        String jvm = System.getProperty("bench.serviceJvm", String.join(" ", ServiceProcess.README_OPTIONS)).trim();
        try (ServiceProcess service = new ServiceProcess(jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
                "target/bench-service.log")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = service.base;
            byte[] tracking = Files.readAllBytes(Path.of("examples", LOAD_FORM + ".json"));
            long first = timed(client, base, tracking);
            long second = timed(client, base, tracking);
            System.out.println("## A fresh service (java " + jvm + " -jar target/jixiao-forms.jar)");
            System.out.println();
            System.out.printf(Locale.ROOT, "- ready (/healthz 200) %.2f s after launch (fonts parsed, templates compiled and checked; the examples are rendered behind it)%n",
                    (service.readyNanos - service.launchedNanos) / 1e9);
            System.out.printf(Locale.ROOT, "- first tracking PDF request after ready: %.0f ms; the second: %.0f ms%n%n", first / 1e6, second / 1e6);

            System.out.println("## Load: tracking example as PDF over HTTP, after " + 2 * warmup + " requests to warm up");
            System.out.println();
            System.out.println("`same`: the example every time; `varied`: " + VARIED_FOR_LOAD + " documents that differ in their text, in turn.");
            System.out.println();
            System.out.println("| connections | documents | requests | throughput /s | p50 ms | p99 ms | errors | heap max during run |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<byte[]> same = List.of(tracking);
            List<byte[]> varied = variedForLoad();
            long heapBefore = service.heapAfterGc();
            load(service, client, same, 4, 2 * warmup, null);
            for (int connections : new int[]{1, 4, 16}) {
                int requests = connections == 16 ? loadRequests : Math.min(loadRequests, 250 * connections);
                load(service, client, same, connections, requests, "same");
                load(service, client, varied, connections, requests, "varied");
            }
            long heapAfter = service.heapAfterGc();
            System.out.println();
            System.out.printf(Locale.ROOT, "- heap after a full GC: %.0f MB before the load runs, %.0f MB after them (%d renders)%n",
                    heapBefore / 1048576.0, heapAfter / 1048576.0, 2 * warmup + 2 * (loadRequests + 250 * 5));
        }
    }

    private static long timed(HttpClient client, String base, byte[] body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(render(base, body), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("render failed: " + response.statusCode());
        }
        return System.nanoTime() - start;
    }

    private static HttpRequest render(String base, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/forms/" + LOAD_FORM + "/render?format=pdf"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** How many differing documents the load runs take in turn: more than any cache of the service keeps. */
    private static final int VARIED_FOR_LOAD = 2000;

    private static List<byte[]> variedForLoad() {
        App app = new App(Config.defaults());
        RegisteredForm form = app.service().form(LOAD_FORM);
        List<byte[]> documents = new VariedDocuments(form, app.service().forms()).documents(0, VARIED_FOR_LOAD);
        app.stop();
        return documents;
    }

    /** Requests taking the documents in turn; a line of the table unless {@code documents} is null (a warm-up). */
    private static void load(ServiceProcess service, HttpClient client, List<byte[]> bodies, int connections, int requests,
                             String documents)
            throws Exception {
        String base = service.base;
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong heapMax = new AtomicLong();
        long[] latencies = new long[requests];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapMax.accumulateAndGet(service.heapUsed(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            done.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(render(base, bodies.get(i % bodies.size())),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        long elapsed = System.nanoTime() - start;
        sampler.interrupt();
        workers.shutdown();
        Arrays.sort(latencies);
        if (documents == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "| %d | %s | %d | %.1f | %.0f | %.0f | %d | %.0f MB |%n", connections, documents, requests,
                requests / (elapsed / 1e9), latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6,
                errors.get(), heapMax.get() / 1048576.0);
    }
}
