package cn.jixiao.forms.batch;

import cn.jixiao.forms.testing.LoggedLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.testing.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch renders one item at a time in a render slot, as a single render does: with one slot, a single render
 * sent while a long batch runs is answered long before the batch ends. A client that goes away stops it.
 */
class BatchFairnessTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static App app;

    @BeforeAll
    static void start() {
        app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_THREADS", "1", "JIXIAO_QUEUE_WAIT_MS", "60000"))).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        app = null; // a stopped service still holds its fonts and caches while the test class stays loaded
    }

    private static CompletableFuture<HttpResponse<byte[]>> post(String path, byte[] body) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] targets(int count) {
        String[] forms = new String[count];
        java.util.Arrays.fill(forms, "performance-target");
        return BatchTest.batch(forms);
    }

    @Test
    void aSingleRenderIsNotStarvedByABatch() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> batch = post("/api/v1/batch?format=zip", targets(60));
        while (app.rendersInFlight() == 0 && !batch.isDone()) {
            Thread.sleep(5);
        }
        HttpResponse<byte[]> single = post("/api/v1/forms/performance-tracking/render", TestServer.example("performance-tracking")).get();
        assertEquals(200, single.statusCode());
        assertTrue(!batch.isDone(), "the single render was answered while the batch still ran");
        assertEquals(200, batch.get().statusCode());
    }

    @Test
    void aClientThatGoesAwayStopsTheBatch() throws Exception {
        try (LoggedLines lines = LoggedLines.of("cn.jixiao.forms.http.BatchRoutes")) {
            byte[] body = targets(60);
            for (String format : new String[]{"zip", "pdf"}) {
                try (Socket socket = new Socket("localhost", app.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/batch?format=" + format + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    if (format.equals("zip")) {
                        socket.getInputStream().readNBytes(64 * 1024); // the first files have arrived
                    } else {
                        while (app.rendersInFlight() == 0) { // a bound PDF writes at its end: leave once rendering has begun
                            Thread.sleep(5);
                        }
                    }
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (app.rendersInFlight() > 0 || lines.size() < (format.equals("zip") ? 1 : 2)) {
                    assertTrue(System.nanoTime() < deadline, "the batch stopped");
                    Thread.sleep(20);
                }
            }
            for (ILoggingEvent line : lines.all()) {
                String message = line.getFormattedMessage();
                assertTrue(message.contains("cut off"), message);
                assertTrue(message.matches(".*after \\d+ of 60 items.*"), message);
                int done = Integer.parseInt(message.replaceAll(".*after (\\d+) of 60 items.*", "$1"));
                assertTrue(done < 30, "stopped long before the end: " + message);
            }
        }
    }
}
