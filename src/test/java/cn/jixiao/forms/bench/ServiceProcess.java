package cn.jixiao.forms.bench;

import java.io.File;
import java.io.IOException;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service as a user starts it ({@code java -jar target/jixiao-forms.jar}), on a free port, for measuring from outside. */
final class ServiceProcess implements AutoCloseable {
    /** The heap bound of the README's start command. */
    static final long HEAP_BOUND = 512L * 1024 * 1024;
    /** What the JVM holds besides the heap when serving (code, metaspace, threads, the class archive): measured about 250 MB. */
    static final long OUTSIDE_HEAP = 512L * 1024 * 1024;
    /** The JVM options of the README's start command. */
    static final List<String> README_OPTIONS = List.of("-XX:SharedArchiveFile=target/jixiao-forms.jsa", "-Xmx512m");
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"} ([0-9.eE+]+)");
    private static final Pattern HEAP_MAX = Pattern.compile("jvm_memory_max_bytes\\{area=\"heap\"} ([0-9.eE+]+)");
    private final Process process;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final long launchedNanos;
    final long readyNanos;

    /** Starts the jar with these JVM options (none: the README's command) and waits until /healthz says ready. */
    ServiceProcess(List<String> jvmOptions, String log) throws IOException, InterruptedException {
        Path jar = Path.of("target", "jixiao-forms.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -DskipTests package");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log));
        builder.environment().put("PORT", Integer.toString(port));
        base = "http://127.0.0.1:" + port;
        launchedNanos = System.nanoTime();
        process = builder.start();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped; see " + log);
            }
            Thread.sleep(10);
        }
        readyNanos = System.nanoTime();
    }

    private boolean ready() throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use now, as the service's /metrics reports it; 0 when it does not answer. */
    long heapUsed() {
        return metric(HEAP);
    }

    /** The most heap the service may take, as its /metrics reports it; 0 when it does not answer. */
    long heapMax() {
        return metric(HEAP_MAX);
    }

    /** The most memory the process has held resident so far (VmHWM, Linux); 0 where it cannot be read. */
    long residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }

    private long metric(Pattern pattern) {
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            Matcher matcher = pattern.matcher(metrics);
            return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Heap in use right after a full GC of the service, requested with jcmd. */
    long heapAfterGc() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return heapUsed();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
