package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;

/**
 * The benchmark: render times in one warm process, the first request of a fresh service, and a load
 * run against the started jar. Run with {@code mvn -B -Pbench -DskipTests verify}; figures are medians
 * and percentiles of one run, as the machines are noisy. The JIT needs about a thousand renders to settle
 * (a tracking PDF takes 37 ms after 250 and 22 ms after 1000), so every measurement follows a warm-up
 * of that size. Options (system properties): {@code bench.loadRequests} (default 10000),
 * {@code bench.renders} (default 200), {@code bench.warmup} (default 1000), {@code bench.serviceJvm} (options of
 * the service's JVM, default {@code -Xmx512m}), {@code bench.skipInProcess}.
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
        againstTheJar(loadRequests, warmup);
        System.exit(0);
    }

    // ------------------------------------------------------------------ one process, warm

    private static void inProcess(int renders, int warmup) throws Exception {
        App app = new App(Config.defaults());
        app.service().warmUp();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("## Render times in one warm process (" + renders + " renders each, after " + warmup + " to warm up)");
        System.out.println();
        System.out.println("| example | format | median ms | p95 ms | size | pages | per page | allocated per render |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (RegisteredForm<?> form : app.service().forms()) {
            byte[] body = form.example();
            for (OutputFormat format : OutputFormat.values()) {
                for (int i = 0; i < warmup; i++) {
                    app.service().render(form, body, format);
                }
                long[] nanos = new long[renders];
                long allocated = 0;
                byte[] output = null;
                for (int i = 0; i < renders; i++) {
                    long bytesBefore = allocatedByAllThreads(threads);
                    long start = System.nanoTime();
                    output = app.service().render(form, body, format).bytes();
                    nanos[i] = System.nanoTime() - start;
                    allocated += allocatedByAllThreads(threads) - bytesBefore;
                }
                Arrays.sort(nanos);
                int pages = format == OutputFormat.PDF ? pages(output) : 0;
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %d KB | %s | %s | %.1f MB |%n", form.id(), format.extension(),
                        nanos[renders / 2] / 1e6, nanos[(int) (renders * 0.95)] / 1e6, output.length / 1024,
                        pages == 0 ? "" : Integer.toString(pages), pages == 0 ? "" : (output.length / 1024 / pages) + " KB",
                        allocated / (double) renders / 1024 / 1024);
            }
        }
        System.out.println();
        app.stop();
    }

    /** Bytes allocated so far by every live thread: a render runs on a thread of the render queue. */
    private static long allocatedByAllThreads(com.sun.management.ThreadMXBean threads) {
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
        Path jar = Path.of("target", "jixiao-forms.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -DskipTests package");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(System.getProperty("bench.serviceJvm", "-Xmx512m").trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(new File("target/bench-service.log"));
        builder.environment().put("PORT", Integer.toString(port));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long launched = System.nanoTime();
        Process service = builder.start();
        try {
            String base = "http://localhost:" + port;
            while (true) {
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            long ready = System.nanoTime();
            byte[] tracking = Files.readAllBytes(Path.of("examples", LOAD_FORM + ".json"));
            long first = timed(client, base, tracking);
            long second = timed(client, base, tracking);
            System.out.println("## A fresh service (java " + System.getProperty("bench.serviceJvm", "-Xmx512m") + " -jar target/jixiao-forms.jar)");
            System.out.println();
            System.out.printf(Locale.ROOT, "- ready (/healthz 200) %.2f s after launch (fonts parsed, templates compiled, every example rendered once)%n",
                    (ready - launched) / 1e9);
            System.out.printf(Locale.ROOT, "- first tracking PDF request after ready: %.0f ms; the second: %.0f ms%n%n", first / 1e6, second / 1e6);

            System.out.println("## Load: tracking example as PDF over HTTP, after " + 2 * warmup + " requests to warm up");
            System.out.println();
            System.out.println("| connections | requests | throughput /s | p50 ms | p99 ms | errors | heap max during run |");
            System.out.println("|---|---|---|---|---|---|---|");
            long heapBefore = heapAfterGc(service, client, base);
            load(client, base, tracking, 4, 2 * warmup, false);
            for (int connections : new int[]{1, 4, 16}) {
                int requests = connections == 16 ? loadRequests : Math.min(loadRequests, 250 * connections);
                load(client, base, tracking, connections, requests, true);
            }
            long heapAfter = heapAfterGc(service, client, base);
            System.out.println();
            System.out.printf(Locale.ROOT, "- heap after a full GC: %.0f MB before the load runs, %.0f MB after them (%d renders)%n",
                    heapBefore / 1048576.0, heapAfter / 1048576.0, 2 * warmup + loadRequests + 250 * 5);
        } finally {
            service.destroy();
            service.waitFor();
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

    private static void load(HttpClient client, String base, byte[] body, int connections, int requests, boolean report)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong heapMax = new AtomicLong();
        long[] latencies = new long[requests];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heapMax.accumulateAndGet(heapUsed(client, base), Math::max);
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
                        HttpResponse<Void> response = client.send(render(base, body), HttpResponse.BodyHandlers.discarding());
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
        if (!report) {
            return;
        }
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %d | %.0f MB |%n", connections, requests,
                requests / (elapsed / 1e9), latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6,
                errors.get(), heapMax.get() / 1048576.0);
    }

    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"} ([0-9.eE+]+)");

    private static long heapUsed(HttpClient client, String base) {
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            Matcher matcher = HEAP.matcher(metrics);
            return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Heap in use right after a full GC of the service, requested with jcmd. */
    private static long heapAfterGc(Process service, HttpClient client, String base) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(service.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return heapUsed(client, base);
    }
}
