package cn.jixiao.forms.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A batch that cannot finish never arrives looking whole, and one that can is not cut by the queue wait: on a
 * service of the test's own where a file may have 5 pages (the 目标表 example has 9, found only once it is
 * laid out, after the batch was checked and its answer began), where a single render waits at most 1 ms for a
 * slot, and where one batch runs at a time.
 */
class BatchCutTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static App app;

    @BeforeAll
    static void start() {
        app = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_PAGES", "5", "JIXIAO_QUEUE_WAIT_MS", "1",
                "JIXIAO_RENDER_THREADS", "2", "JIXIAO_MAX_BATCHES", "1"))).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        app = null; // a stopped service still holds its fonts and caches while the test class stays loaded
    }

    private static HttpRequest request(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Two 跟踪表 that render, then a 目标表 of 9 pages that does not: the answer has begun when it fails. */
    private static final byte[] FAILING_PART_WAY = BatchTest.batch("performance-tracking", "performance-tracking",
            "performance-target", "performance-tracking");

    @Test
    void aZipCutPartWayFailsTheClientsDownload() {
        IOException broken = assertThrows(IOException.class,
                () -> CLIENT.send(request("/api/v1/batch?format=zip", FAILING_PART_WAY), HttpResponse.BodyHandlers.ofByteArray()));
        assertTrue(broken.getMessage() == null || !broken.getMessage().contains("refused"), broken.toString());
    }

    @Test
    void theBytesOfAZipCutPartWayAreNoZipThoughTheyHoldTheFirstFiles(@TempDir Path dir) throws IOException {
        byte[] answer;
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            // HTTP/1.0: the body ends where the connection does, so every byte the service sent is read
            out.write(("POST /api/v1/batch?format=zip HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + FAILING_PART_WAY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(FAILING_PART_WAY);
            out.flush();
            answer = readUntilClosed(socket.getInputStream());
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200"), text.substring(0, Math.min(200, text.length())));
        int start = text.indexOf("\r\n\r\n") + 4;
        byte[] body = Arrays.copyOfRange(answer, start, answer.length);
        List<String> arrived = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                arrived.add(entry.getName());
            }
        } catch (IOException cutOff) {
            // the last entry may be cut too
        }
        assertTrue(arrived.size() >= 2 && !arrived.contains(BatchFiles.MANIFEST), "the first files came: " + arrived);
        Path file = dir.resolve("batch.zip");
        Files.write(file, body);
        assertThrows(ZipException.class, () -> new ZipFile(file.toFile()).close(), "no central directory: no ZIP");
    }

    @Test
    void aBatchRunsWholeWhileSingleRendersAreTurnedAwayByTheQueueWait() throws Exception {
        String[] forms = new String[12];
        Arrays.fill(forms, "performance-tracking");
        AtomicBoolean batchDone = new AtomicBoolean();
        List<Thread> singles = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            Thread single = new Thread(() -> {
                while (!batchDone.get()) {
                    try {
                        statuses.add(CLIENT.send(request("/api/v1/forms/performance-tracking/render",
                                TestServer.example("performance-tracking")), HttpResponse.BodyHandlers.discarding()).statusCode());
                    } catch (IOException | InterruptedException e) {
                        statuses.add(-1);
                        return;
                    }
                }
            });
            single.start();
            singles.add(single);
        }
        HttpResponse<byte[]> batch;
        try {
            batch = CLIENT.send(request("/api/v1/batch?format=zip&include=pdf", BatchTest.batch(forms)),
                    HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            batchDone.set(true);
            for (Thread single : singles) {
                single.join();
            }
        }
        assertEquals(200, batch.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(batch.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertEquals(13, names.size(), names.toString());
        assertEquals(BatchFiles.MANIFEST, names.get(12));
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
    }

    @Test
    void aBatchBeyondTheBatchesRunningAtOnceIsTurnedAwayBeforeItsAnswerStarts() throws Exception {
        String[] forms = new String[60];
        Arrays.fill(forms, "performance-target");
        byte[] longBatch = BatchTest.batch(forms);
        try (Socket first = new Socket("127.0.0.1", app.port())) {
            first.getOutputStream().write(("POST /api/v1/batch?format=zip HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + longBatch.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            first.getOutputStream().write(longBatch);
            while (app.rendersInFlight() == 0) {
                Thread.sleep(5);
            }
            HttpResponse<byte[]> second = CLIENT.send(request("/api/v1/batch?format=zip",
                    BatchTest.batch("performance-tracking")), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(503, second.statusCode());
            JsonNode error = Json.MAPPER.readTree(second.body()).path("error");
            assertEquals("overloaded", error.path("code").asString());
            assertTrue(error.path("message").asString().contains("JIXIAO_MAX_BATCHES"), error.toString());
            assertTrue(second.headers().firstValue("Retry-After").isPresent());
        }
        while (app.requestsInFlight() > 0) { // the first batch stops once it finds its client gone
            Thread.sleep(10);
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset ends the answer as a close does
        }
        return all.toByteArray();
    }
}
