package cn.jixiao.forms.bench;

import cn.jixiao.forms.form.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attacks on batches and on the edges of HTTP, each from an address of its own, for {@link AttackRun}: batches
 * that must arrive whole while the service is loaded (127.0.0.7), sixteen batches at once that must not slow
 * single renders (127.0.0.8) for the first part of the run, a health check from an address that holds its
 * request limit (127.0.0.9), a bound PDF far beyond its budget (127.0.0.10, once the sixteen are over), and request
 * lines of other protocols or none (127.0.0.11). What went
 * wrong is kept in {@link #failures}; what the attackers got is counted with the others.
 */
final class ServiceAttacks {
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})");
    private static final List<String> BAD_LINES = List.of(
            "GET /healthz\r\n\r\n",
            "GET /healthz\r\nHost: localhost\r\n\r\n",
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /healthz HTTP/9.9\r\nHost: localhost\r\n\r\n",
            "DELETE /api/v1/forms HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    private final int port;
    private final byte[] example;
    private final long batchesAtOnceUntil;
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Nanoseconds each health check from the busy address took; -1 for none answered. */
    final List<Long> busyHealth = Collections.synchronizedList(new ArrayList<>());

    /** @param burst how long the sixteen batches at once go on, from now: the other batches get their turn after */
    ServiceAttacks(int port, byte[] example, Duration burst) {
        this.port = port;
        this.example = example;
        this.batchesAtOnceUntil = System.nanoTime() + burst.toNanos();
    }

    /** What the run must have seen besides: at least one batch whole, and the oversized one refused by its budget. */
    void requireSeen(Map<String, ? extends Number> answers) {
        if (!answers.containsKey("whole batch 200")) {
            failures.add("no batch of 6 was answered whole: " + answers.keySet());
        }
        if (!answers.containsKey("oversized bound PDF 422")) {
            failures.add("the oversized bound PDF was never refused by its budget: " + answers.keySet());
        }
    }

    List<Thread> threads() {
        List<Thread> threads = new ArrayList<>();
        threads.add(AttackRun.thread("whole batches", this::wholeBatches));
        for (int i = 0; i < 16; i++) {
            threads.add(AttackRun.thread("batches at once", this::batchesAtOnce));
        }
        threads.add(AttackRun.thread("a busy address", this::busyAddress));
        threads.add(AttackRun.thread("health from a busy address", this::healthFromBusyAddress));
        threads.add(AttackRun.thread("an oversized bound PDF", this::oversizedBoundPdf));
        threads.add(AttackRun.thread("bad request lines", this::badRequestLines));
        return threads;
    }

    /** Extreme numbers besides those of the earlier rounds: exponents at the edge of an int. */
    static List<byte[]> extremeExponents(byte[] example) {
        String document = new String(example, StandardCharsets.UTF_8);
        return List.of(
                bytes(document.replace("\"executionRate\": 98.38", "\"executionRate\": 0e-2147483648")),
                bytes(document.replace("1323379.00", "1E+2147483647")),
                bytes(document.replace("1323379.00", "-1e-2147483648")));
    }

    private byte[] batchOf(String document, int items) {
        return bytes("{\"items\":[" + String.join(",", Collections.nCopies(items,
                "{\"form\":\"performance-tracking\",\"document\":" + document + "}")) + "]}");
    }

    /** A batch of six 跟踪表 after another, each of which must arrive whole, or be turned away before it starts. */
    private void wholeBatches() {
        byte[] batch = batchOf(new String(example, StandardCharsets.UTF_8), 6);
        while (AttackRun.RUNNING.get()) {
            try (Socket socket = AttackRun.open("127.0.0.7", port)) {
                byte[] answer = exchange(socket, "/api/v1/batch?format=zip&include=pdf", batch);
                String status = statusOf(answer);
                AttackRun.count("whole batch " + status);
                if (status.equals("200") && !wholeZip(body(answer))) {
                    failures.add("a batch of 6 arrived cut (" + answer.length + " bytes)");
                }
            } catch (IOException e) {
                AttackRun.count("whole batch " + e.getClass().getSimpleName());
            }
        }
    }

    /** One of sixteen clients each sending a batch of ten 跟踪表 after another, a second apart, for the burst. */
    private void batchesAtOnce() {
        byte[] batch = batchOf(new String(example, StandardCharsets.UTF_8), 10);
        while (AttackRun.RUNNING.get() && System.nanoTime() < batchesAtOnceUntil) {
            try (Socket socket = AttackRun.open("127.0.0.8", port)) {
                AttackRun.count("batch at once " + statusOf(exchange(socket, "/api/v1/batch?format=zip", batch)));
                Thread.sleep(1000);
            } catch (IOException e) {
                AttackRun.count("batch at once " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Twenty validations from 127.0.0.9 whose bodies trickle in: more than its 16 requests handled at once. */
    private void busyAddress() {
        List<Socket> sockets = new ArrayList<>();
        try {
            while (AttackRun.RUNNING.get()) {
                while (sockets.size() < 20) {
                    Socket socket = AttackRun.open("127.0.0.9", port);
                    socket.getOutputStream().write(AttackRun.head("/api/v1/forms/performance-tracking/validate", 100_000));
                    sockets.add(socket);
                }
                for (int i = sockets.size() - 1; i >= 0; i--) {
                    try {
                        sockets.get(i).getOutputStream().write(' ');
                    } catch (IOException cutOff) {
                        AttackRun.count("busy address: slow body cut off");
                        sockets.remove(i).close();
                    }
                }
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException e) {
            AttackRun.count("busy address stopped: " + e.getClass().getSimpleName());
        } finally {
            sockets.forEach(AttackRun::closeQuietly);
        }
    }

    /** /healthz from the busy address every 200 ms: each must answer within a second. */
    private void healthFromBusyAddress() {
        while (AttackRun.RUNNING.get()) {
            long started = System.nanoTime();
            try (Socket socket = AttackRun.open("127.0.0.9", port)) {
                socket.setSoTimeout(1000);
                socket.getOutputStream().write(bytes("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
                String status = AttackRun.status(socket.getInputStream());
                busyHealth.add(System.nanoTime() - started);
                if (!status.equals("200")) {
                    failures.add("/healthz from the busy address " + status);
                }
            } catch (IOException e) {
                busyHealth.add(-1L);
                failures.add("/healthz from the busy address " + e);
            }
            try {
                Thread.sleep(Math.max(0, 200 - (System.nanoTime() - started) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Four 跟踪表 of 40 projects whose remarks run to 1,500 lines (2.5 MB) bound into one PDF: thousands of pages,
     * refused from the items' estimates (422, JIXIAO_MAX_BATCH_PAGES) before the binding starts. Sent once the
     * sixteen batches at once are over, so that it is admitted.
     */
    private void oversizedBoundPdf() {
        ObjectNode form = (ObjectNode) Json.MAPPER.readTree(example)
                .path("forms").get(0);
        form.put("remarks", "说明\n".repeat(1500));
        String document = "{\"forms\":[" + String.join(",", Collections.nCopies(40, form.toString())) + "]}";
        byte[] batch = batchOf(document, 4);
        while (AttackRun.RUNNING.get()) {
            long started = System.nanoTime();
            if (started < batchesAtOnceUntil) {
                pause(200);
                continue;
            }
            try (Socket socket = AttackRun.open("127.0.0.10", port)) {
                socket.setSoTimeout(120_000);
                byte[] answer = exchange(socket, "/api/v1/batch?format=pdf", batch);
                String status = statusOf(answer);
                String text = new String(answer, StandardCharsets.UTF_8);
                AttackRun.count("oversized bound PDF " + status);
                if (status.equals("422") && !text.contains("JIXIAO_MAX_BATCH_PAGES")) {
                    failures.add("the oversized bound PDF was refused for another reason: " + text.substring(0, Math.min(300, text.length())));
                } else if (!status.equals("422") && !status.equals("503")) {
                    failures.add("the oversized bound PDF got " + status + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
                }
            } catch (IOException e) {
                failures.add("the oversized bound PDF: " + e);
            }
            pause(1000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Request lines of no version, of HTTP/2 and of OPTIONS *, twenty a second: each a 4xx or 200 in JSON. */
    private void badRequestLines() {
        int next = 0;
        while (AttackRun.RUNNING.get()) {
            String line = BAD_LINES.get(next++ % BAD_LINES.size());
            try (Socket socket = AttackRun.open("127.0.0.11", port)) {
                socket.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
                String answer = new String(firstAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
                String status = statusOf(answer.getBytes(StandardCharsets.UTF_8));
                AttackRun.count("bad request line " + status);
                boolean json = answer.toLowerCase(Locale.ROOT).contains("content-type: application/json")
                        && answer.substring(answer.indexOf("\r\n\r\n") + 4).startsWith("{");
                if (!(status.startsWith("4") || status.equals("200")) || !json) {
                    failures.add("request line " + line.lines().findFirst().orElse("") + " got: "
                            + answer.substring(0, Math.min(200, answer.length())));
                }
            } catch (IOException e) {
                failures.add("request line " + line.lines().findFirst().orElse("") + ": " + e);
            }
            pause(50);
        }
    }

    /** Sends a POST over HTTP/1.0 (the body ends where the connection does) and reads every byte of the answer. */
    private static byte[] exchange(Socket socket, String path, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes("POST " + path + " HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n"));
        out.write(body);
        out.flush();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(answer);
        } catch (IOException reset) {
            // what came before the reset is the answer
        }
        return answer.toByteArray();
    }

    /** The head and the body of the first answer, read to its Content-Length or to the end of the connection. */
    private static byte[] firstAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        Pattern length = Pattern.compile("(?i)content-length: *(\\d+)");
        for (int b; (b = in.read()) >= 0; ) {
            read.write(b);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end > 0) {
                Matcher declared = length.matcher(text.substring(0, end));
                if (declared.find() && read.size() >= end + 4 + Integer.parseInt(declared.group(1))) {
                    break;
                }
            }
        }
        return read.toByteArray();
    }

    private static String statusOf(byte[] answer) {
        Matcher status = STATUS.matcher(new String(answer, 0, Math.min(answer.length, 20), StandardCharsets.ISO_8859_1));
        return status.lookingAt() ? status.group(1) : "no answer";
    }

    private static byte[] body(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? new byte[0] : Arrays.copyOfRange(answer, end + 4, answer.length);
    }

    /** Whether the bytes are a ZIP with its central directory and the manifest: what a client can open. */
    private static boolean wholeZip(byte[] zip) {
        try {
            Path file = Files.createTempFile("batch", ".zip");
            try {
                Files.write(file, zip);
                try (ZipFile opened = new ZipFile(file.toFile())) {
                    return opened.getEntry("manifest.json") != null;
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException broken) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
