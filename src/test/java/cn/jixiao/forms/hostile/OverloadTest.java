package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.LoggedLines;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Too many requests, a render that runs too long, a shutdown mid-render: clear 503s, and the service goes on. */
@Tag("load")
class OverloadTest {
    private static HttpResponse<byte[]> render(App app, String form, byte[] body) {
        return send(app, "/api/v1/forms/" + form + "/render", body);
    }

    private static HttpResponse<byte[]> send(App app, String path, byte[] body) {
        return OverloadTestClient.post(app, path, body);
    }

    /** A target table of {@code copies} × 30 projects: a render of a second or more. */
    private static byte[] bigTarget(int copies) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
        ArrayNode projects = (ArrayNode) document.at("/units/0/projects");
        ArrayNode original = projects.deepCopy();
        for (int i = 1; i < copies; i++) {
            projects.addAll(original.deepCopy());
        }
        return Json.MAPPER.writeValueAsBytes(document);
    }

    /** A target table of {@code projects} projects whose goals repeat a phrase {@code times} times. */
    private static byte[] longGoals(int projects, int times) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
        ArrayNode list = (ArrayNode) document.at("/units/0/projects");
        ArrayNode original = list.deepCopy();
        list.removeAll();
        for (int i = 0; i < projects; i++) {
            list.add(((ObjectNode) original.get(i % original.size()).deepCopy()).put("goal", "提升医疗服务能力，".repeat(times)));
        }
        return Json.MAPPER.writeValueAsBytes(document);
    }

    @Test
    void requestsBeyondTheQueueGet503WithRetryAfter() {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_THREADS", "1", "JIXIAO_QUEUE_WAIT_MS", "0"))).start(0);
        try {
            byte[] body = TestServer.example("performance-target");
            List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                requests.add(CompletableFuture.supplyAsync(() -> render(app, "performance-target", body)));
            }
            int ok = 0;
            int busy = 0;
            for (CompletableFuture<HttpResponse<byte[]>> request : requests) {
                HttpResponse<byte[]> response = request.join();
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(503, response.statusCode());
                    assertEquals("overloaded", Json.MAPPER.readTree(response.body()).at("/error/code").asString());
                    assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                    busy++;
                }
            }
            assertTrue(ok >= 1 && busy >= 1, ok + " rendered, " + busy + " turned away");
            assertEquals(200, render(app, "performance-tracking", TestServer.example("performance-tracking")).statusCode(), "serves on");
        } finally {
            app.stop();
        }
    }

    @Test
    void aRenderPastItsTimeIsAbandonedWith503AndTheServiceGoesOn() {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_TIMEOUT_MS", "100", "JIXIAO_QUEUE_WAIT_MS", "60000"))).start(0);
        try {
            HttpResponse<byte[]> slow = render(app, "performance-target", bigTarget(6));
            JsonNode error = Json.MAPPER.readTree(slow.body());
            assertEquals(503, slow.statusCode(), error.toString());
            assertEquals("render_timeout", error.at("/error/code").asString());
            assertTrue(slow.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, TestServer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/healthz")).build())
                    .statusCode(), "health answers while the abandoned render ends");
            HttpResponse<byte[]> next = send(app, "/api/v1/forms/performance-tracking/validate", TestServer.example("performance-tracking"));
            assertEquals(200, next.statusCode(), "serves on");
        } finally {
            app.stop();
        }
    }

    @Test
    void aRenderPastItsTimeFreesItsSlotAtOnce() throws Exception {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_THREADS", "1", "JIXIAO_RENDER_TIMEOUT_MS", "300",
                "JIXIAO_QUEUE_WAIT_MS", "60000", "JIXIAO_MAX_FORMS", "2000", "JIXIAO_MAX_PAGES", "5000",
                "JIXIAO_MAX_BODY_BYTES", "8388608"))).start(0);
        try (LoggedLines lines = LoggedLines.of("cn.jixiao.forms.RenderQueue")) {
            // 200 projects with long goals: quick to check, a thousand pages and seconds of layout, were it not given up on
            HttpResponse<byte[]> slow = render(app, "performance-target", longGoals(200, 400));
            assertEquals(503, slow.statusCode());
            assertEquals("render_timeout", Json.MAPPER.readTree(slow.body()).at("/error/code").asString());
            // The abandoned render stops at its next checkpoint instead of laying out the whole thousand pages, and
            // its one render slot is free again.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(lines.any(line -> line.getFormattedMessage().startsWith("render stopped at a checkpoint"))
                    && app.rendersInFlight() == 0)) {
                assertTrue(System.nanoTime() < deadline, "the abandoned render stopped at a checkpoint: " + lines);
                Thread.sleep(10);
            }
            // through the same slot, and quick enough for the 300 ms deadline on a machine other work keeps busy
            assertEquals(200, send(app, "/api/v1/forms/performance-tracking/validate", TestServer.example("performance-tracking")).statusCode());
        } finally {
            app.stop();
        }
    }

    @Test
    void aFileBeyondThePageOrByteBudgetIsALimitExceeded() {
        App pages = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_PAGES", "2"))).start(0);
        try {
            JsonNode error = Json.MAPPER.readTree(render(pages, "performance-tracking", TestServer.example("performance-tracking")).body());
            assertEquals("limit_exceeded", error.at("/error/code").asString(), error.toString());
            assertEquals("JIXIAO_MAX_PAGES", error.at("/error/details/0/limit").asString());
            assertTrue(error.at("/error/message").asString().contains("共 3 页"), error.toString());
        } finally {
            pages.stop();
        }
        App bytes = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_OUTPUT_BYTES", "65536"))).start(0);
        try {
            JsonNode error = Json.MAPPER.readTree(render(bytes, "performance-target", TestServer.example("performance-target")).body());
            assertEquals("limit_exceeded", error.at("/error/code").asString(), error.toString());
            assertEquals("JIXIAO_MAX_OUTPUT_BYTES", error.at("/error/details/0/limit").asString());
        } finally {
            bytes.stop();
        }
    }

    @Test
    void shutdownLetsARenderInFlightFinish() throws Exception {
        App app = new App(Config.defaults()).start(0);
        byte[] body = bigTarget(3);
        CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> render(app, "performance-target", body));
        long deadline = System.currentTimeMillis() + 20_000;
        while (app.rendersInFlight() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(app.rendersInFlight() > 0, "a render is running");
        app.stop();
        HttpResponse<byte[]> response = inFlight.get();
        assertEquals(200, response.statusCode());
        assertTrue(PdfDigest.text(response.body()).contains("合计"), "a whole PDF");
    }
}
