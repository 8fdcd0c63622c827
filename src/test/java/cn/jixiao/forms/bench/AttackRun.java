package cn.jixiao.forms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded attack on the started jar, loopback only, under a minute: clients trickling their bodies, floods
 * of tiny invalid documents, numbers of extreme scale, huge arrays of empty objects, clients that hang up
 * mid-render — each from an address of its own (127.0.0.2 …) — while a well-behaved client on 127.0.0.1
 * checks /healthz every 200 ms and renders a form every second; besides, the attacks of {@link ServiceAttacks} on
 * batches and request lines. The service is started with the README's command, its heap bounded. Passes (exit 0)
 * when every health check answered within a second, from the well-behaved client and from an address holding its
 * request limit, no attacker got a 500, every batch that answered 200 arrived whole, single renders kept a median
 * under a second, and the heap and the resident memory stayed within their bounds. Run with
 * {@code mvn -B -Pattack -DskipTests verify} ({@code -Dattack.seconds=45}).
 */
public final class AttackRun {
    private static final String RENDER = "/api/v1/forms/performance-tracking/render";
    static final AtomicBoolean RUNNING = new AtomicBoolean(true);
    private static final Map<String, LongAdder> ANSWERS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("attack.seconds", 45);
        byte[] example = Files.readAllBytes(Path.of("examples", "performance-tracking.json"));
        try (ServiceProcess service = new ServiceProcess(ServiceProcess.README_OPTIONS, "target/attack-service.log")) {
            int port = Integer.parseInt(service.base.substring(service.base.lastIndexOf(':') + 1));
            List<Thread> attackers = new ArrayList<>();
            attackers.add(thread("slow bodies", () -> slowBodies(port)));
            for (int i = 0; i < 4; i++) {
                attackers.add(thread("tiny invalid documents", () -> flood(port, "127.0.0.3", tinyInvalid())));
            }
            attackers.add(thread("extreme numbers", () -> flood(port, "127.0.0.4", extremes(example))));
            attackers.add(thread("hang-ups", () -> hangUps(port, example)));
            attackers.addAll(WorkbookAttacks.threads(port, seconds));
            attackers.add(thread("extreme exponents", () -> flood(port, "127.0.0.12", ServiceAttacks.extremeExponents(example))));
            ServiceAttacks service2 = new ServiceAttacks(port, example, Duration.ofSeconds(seconds / 3));
            attackers.addAll(service2.threads());
            attackers.forEach(Thread::start);

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            List<Long> health = Collections.synchronizedList(new ArrayList<>());
            List<Long> renders = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicLong heapMax = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            Thread renderer = thread("well-behaved renders", () -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        int status = client.send(HttpRequest.newBuilder(URI.create(service.base + RENDER))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(example)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        renders.add(System.nanoTime() - started);
                        if (status != 200) {
                            failures.add("render " + status);
                        }
                        heapMax.accumulateAndGet(service.heapUsed(), Math::max);
                        Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - started) / 1_000_000));
                    } catch (IOException e) {
                        failures.add("render " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            renderer.start();
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                try {
                    int status = client.send(HttpRequest.newBuilder(URI.create(service.base + "/healthz")).timeout(Duration.ofSeconds(1))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    health.add(System.nanoTime() - started);
                    if (status != 200) {
                        failures.add("/healthz " + status);
                    }
                } catch (IOException e) {
                    failures.add("/healthz " + e);
                }
                Thread.sleep(Math.max(0, 200 - (System.nanoTime() - started) / 1_000_000));
            }
            renderer.join(30_000);
            RUNNING.set(false);
            for (Thread attacker : attackers) {
                attacker.join(15_000);
            }
            service2.requireSeen(ANSWERS);
            failures.addAll(service2.failures);
            ANSWERS.keySet().stream().filter(answer -> answer.endsWith("500")).forEach(answer -> failures.add("answered " + answer));
            long heapBound = service.heapMax();
            long resident = service.residentPeak();
            report(seconds, health, renders, failures, heapMax.get(), service.heapAfterGc());
            System.out.printf(Locale.ROOT, "- /healthz from an address holding its request limit: %d checks, max %.1f ms%n",
                    service2.busyHealth.size(), service2.busyHealth.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
            System.out.printf(Locale.ROOT, "- heap bound %.0f MB (README: %s); resident memory at most %.0f MB%n",
                    heapBound / 1048576.0, ServiceProcess.README_OPTIONS, resident / 1048576.0);
            List<String> broken = new ArrayList<>();
            if (!failures.isEmpty()) {
                broken.add(failures.size() + " failures");
            }
            if (!health.stream().allMatch(n -> n < 1_000_000_000L) || !service2.busyHealth.stream().allMatch(n -> n >= 0 && n < 1_000_000_000L)) {
                broken.add("/healthz took a second or more");
            }
            if (heapBound <= 0 || heapBound > ServiceProcess.HEAP_BOUND || heapMax.get() > ServiceProcess.HEAP_BOUND) {
                broken.add("the heap passed its bound of " + ServiceProcess.HEAP_BOUND / 1048576 + " MB");
            }
            if (resident > ServiceProcess.HEAP_BOUND + ServiceProcess.OUTSIDE_HEAP) {
                broken.add("resident memory passed the heap bound and " + ServiceProcess.OUTSIDE_HEAP / 1048576 + " MB");
            }
            long medianRender = renders.stream().sorted().skip(renders.size() / 2).findFirst().orElse(Long.MAX_VALUE);
            if (medianRender > 1_000_000_000L) {
                broken.add("single renders took a median of " + medianRender / 1_000_000 + " ms");
            }
            boolean passed = broken.isEmpty();
            System.out.println(passed ? "PASSED: /healthz answered within a second throughout, the heap stayed within its bound"
                    : "FAILED: " + String.join("; ", broken));
            System.out.flush();
            Runtime.getRuntime().halt(passed ? 0 : 1);
        }
    }

    private static void report(int seconds, List<Long> health, List<Long> renders, List<String> failures, long heapMax,
                               long heapAfter) {
        long[] h = health.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] r = renders.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "## Attack run: %d s on loopback against java -jar target/jixiao-forms.jar%n%n", seconds);
        System.out.printf(Locale.ROOT, "- /healthz from a well-behaved client: %d checks, median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                h.length, ms(h, 0.5), ms(h, 0.99), ms(h, 1.0));
        System.out.printf(Locale.ROOT, "- tracking PDF renders meanwhile: %d, median %.0f ms, max %.0f ms%n", r.length, ms(r, 0.5), ms(r, 1.0));
        System.out.printf(Locale.ROOT, "- heap in use: at most %.0f MB during the run, %.0f MB after a full GC at the end%n",
                heapMax / 1048576.0, heapAfter / 1048576.0);
        System.out.println("- what the attackers got: " + new TreeMap<>(ANSWERS));
        System.out.println("- failures of the well-behaved client: " + (failures.isEmpty() ? "none" : failures));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    static Thread thread(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                System.err.println(name + ": " + e);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    static Socket open(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    static byte[] head(String path, int length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** 300 connections from 127.0.0.2, each sending a byte of its body every half second; cut-off ones reconnect. */
    private static void slowBodies(int port) {
        List<Socket> sockets = new ArrayList<>();
        try {
            while (RUNNING.get()) {
                while (sockets.size() < 300) {
                    Socket socket = open("127.0.0.2", port);
                    socket.getOutputStream().write(head(RENDER, 100_000));
                    sockets.add(socket);
                }
                for (int i = sockets.size() - 1; i >= 0; i--) {
                    try {
                        sockets.get(i).getOutputStream().write(' ');
                    } catch (IOException cutOff) {
                        count("slow body cut off");
                        sockets.remove(i).close();
                    }
                }
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException e) {
            count("slow bodies stopped: " + e.getClass().getSimpleName());
        } finally {
            sockets.forEach(AttackRun::closeQuietly);
        }
    }

    private static List<byte[]> tinyInvalid() {
        return List.of(bytes("{}"), bytes("{\"forms\":[{}]}"), bytes("[]"), bytes("nul"), bytes("{\"forms\":[{\"projectName\":1}]}"));
    }

    private static List<byte[]> extremes(byte[] example) {
        String document = new String(example, StandardCharsets.UTF_8);
        return List.of(
                bytes(document.replace("\"executionRate\": 98.38", "\"executionRate\": 0e-99999999")),
                bytes(document.replace("1323379.00", "1e999999999")),
                bytes(document.replace("1323379.00", "1e-99999999")),
                bytes("{\"forms\":[" + "{},".repeat(299_999) + "{}]}"),
                bytes("{\"forms\":[" + String.join(",", Collections.nCopies(200, "{\"indicators\":["
                        + String.join(",", Collections.nCopies(100, "{}")) + "]}")) + "]}"),
                bytes("{\"forms\":" + "[".repeat(60) + "]".repeat(60) + "}"));
    }

    /** Posts the documents in turn, as fast as they are answered, from one address. */
    private static void flood(int port, String from, List<byte[]> documents) {
        int next = 0;
        while (RUNNING.get()) {
            byte[] document = documents.get(next++ % documents.size());
            try (Socket socket = open(from, port)) {
                OutputStream out = socket.getOutputStream();
                out.write(head(RENDER, document.length));
                out.write(document);
                out.flush();
                count(status(socket.getInputStream()));
            } catch (IOException e) {
                count(from + " " + e.getClass().getSimpleName());
            }
        }
    }

    /** Valid renders whose client goes away before the answer. */
    private static void hangUps(int port, byte[] example) {
        while (RUNNING.get()) {
            try (Socket socket = open("127.0.0.5", port)) {
                socket.getOutputStream().write(head(RENDER, example.length));
                socket.getOutputStream().write(example);
                count("hang-up");
            } catch (IOException e) {
                count("hang-up " + e.getClass().getSimpleName());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String status(InputStream in) throws IOException {
        byte[] line = new byte[12];
        int read = in.readNBytes(line, 0, 12);
        return read == 12 ? new String(line, 9, 3, StandardCharsets.US_ASCII) : "no answer";
    }

    static void count(String what) {
        ANSWERS.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // going anyway
        }
    }

    private AttackRun() {
    }
}
