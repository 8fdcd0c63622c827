package cn.jixiao.forms.hostile;

import cn.jixiao.forms.testing.LoggedLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Bearer token, CORS, the 满意度 minimum, connection limits out of range, metrics and the access log. */
class ServiceOptionsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static App guarded;

    @BeforeAll
    static void start() {
        guarded = new App(Config.fromEnvironment(Map.of("JIXIAO_API_TOKEN", "s3cret-token",
                "JIXIAO_CORS_ORIGINS", "https://finance.example.cn", "JIXIAO_MIN_SATISFACTION_PERCENT", "96"))).start(0);
    }

    @AfterAll
    static void stop() {
        guarded.stop();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + guarded.port() + path));
    }

    @Test
    void withATokenTheApiNeedsIt() {
        HttpResponse<byte[]> none = send(to("/api/v1/forms"));
        assertEquals(401, none.statusCode());
        assertEquals("unauthorized", Json.MAPPER.readTree(none.body()).at("/error/code").asString());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, send(to("/api/v1/forms").header("Authorization", "Bearer wrong")).statusCode());
        assertEquals(401, send(to("/api/v1/forms/performance-tracking/render").header("Authorization", "s3cret-token")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServer.example("performance-tracking")))).statusCode());
        assertEquals(200, send(to("/api/v1/forms").header("Authorization", "Bearer s3cret-token")).statusCode());
        assertEquals(200, send(to("/api/v1/forms").header("Authorization", "bearer s3cret-token")).statusCode(), "the scheme in any case");
        assertEquals(401, send(to("/api/v1/forms").header("Authorization", "Basic s3cret-token")).statusCode());
        assertEquals(401, send(to("/api/v1/forms").header("Authorization", "Bearer s3cret-tokenX")).statusCode());
        assertEquals(200, send(to("/api/v1/forms/performance-tracking/render").header("Authorization", "Bearer s3cret-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServer.example("performance-tracking")))).statusCode());
    }

    @Test
    void withATokenOpenApiDeclaresTheSchemeAnd401OnEveryApiOperation() {
        JsonNode api = Json.MAPPER.readTree(send(to("/openapi.json")).body());
        assertEquals("bearer", api.at("/components/securitySchemes/bearer/scheme").asString());
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            boolean isApi = path.getKey().startsWith("/api/");
            assertEquals(isApi, operation.getValue().at("/responses/401").isObject(), path.getKey() + " " + operation.getKey());
            assertEquals(isApi, operation.getValue().at("/security/0/bearer").isArray(), path.getKey() + " " + operation.getKey());
        }));
        JsonNode open = Json.MAPPER.readTree(TestServer.get("/openapi.json").body());
        assertTrue(open.at("/components/securitySchemes").isMissingNode());
        assertTrue(open.at("/paths/~1api~1v1~1forms/get/responses/401").isMissingNode());
    }

    @Test
    void healthStaysOpen() {
        assertEquals(200, send(to("/healthz")).statusCode());
    }

    @Test
    void withoutATokenTheApiIsOpen() {
        assertEquals(200, TestServer.get("/api/v1/forms").statusCode());
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        HttpResponse<byte[]> allowed = send(to("/api/v1/forms/performance-tracking/render").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://finance.example.cn").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization"));
        assertEquals("https://finance.example.cn", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<byte[]> other = send(to("/healthz").header("Origin", "https://evil.example"));
        assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void theSatisfactionMinimumIsTheConfiguredOne() {
        String configured = new String(send(to("/api/v1/forms/performance-tracking/validate")
                .header("Authorization", "Bearer s3cret-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServer.example("performance-tracking")))).body(), StandardCharsets.UTF_8);
        assertTrue(configured.contains("「病人满意度」的应完成的绩效目标值「≥95%」低于满意度的最低要求 96%"), configured);
        String byDefault = new String(TestServer.post("/api/v1/forms/performance-tracking/validate",
                TestServer.example("performance-tracking")).body(), StandardCharsets.UTF_8);
        assertFalse(byDefault.contains("满意度的最低要求"), byDefault);
        assertEquals(80, Config.defaults().minSatisfactionPercent());
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of("JIXIAO_MIN_SATISFACTION_PERCENT", "101")));
    }

    @ParameterizedTest
    @CsvSource({"JIXIAO_MAX_CONNECTIONS_PER_CLIENT, 0", "JIXIAO_MAX_CONNECTIONS_PER_CLIENT, -1",
            "JIXIAO_MAX_CONNECTIONS_PER_CLIENT, 100001", "JIXIAO_MAX_CONNECTIONS_PER_CLIENT, many"})
    void badConnectionLimitsStopTheStart(String variable, String value) {
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(variable, value)));
    }

    @Test
    void corsIsOffByDefault() {
        HttpResponse<byte[]> response = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/healthz"))
                .header("Origin", "https://finance.example.cn").build());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void metricsCountRendersRejectionsAndInFlight() {
        TestServer.post("/api/v1/forms/performance-tracking/render?format=docx", TestServer.example("performance-tracking"));
        TestServer.post("/api/v1/forms/performance-tracking/render", "{}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = TestServer.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String metrics = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(metrics.matches("(?s).*jixiao_renders_total\\{form=\"performance-tracking\",format=\"docx\"} [1-9].*"), metrics);
        assertTrue(metrics.contains("jixiao_render_duration_seconds_bucket{form=\"performance-tracking\",format=\"docx\",le=\"0.1\"}"));
        assertTrue(metrics.matches("(?s).*jixiao_rejections_total\\{reason=\"invalid_document\"} [1-9].*"));
        assertTrue(metrics.contains("jixiao_renders_in_flight "));
        assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\"}"));
    }

    @Test
    void oneAccessLineARequestWithoutTheDocument() throws InterruptedException {
        try (LoggedLines lines = LoggedLines.of("access")) {
            byte[] body = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/projectName", "\"机密项目名称\"");
            TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/v1/forms/performance-tracking/render?format=pdf"))
                    .header("Content-Type", "application/json").header("X-Request-Id", "req-42")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            // The line is written once the response has gone out, which may be just after the client has it.
            ILoggingEvent line = null;
            for (long deadline = System.nanoTime() + 10_000_000_000L; line == null && System.nanoTime() < deadline; ) {
                line = lines.all().stream().filter(e -> e.getFormattedMessage().contains("req-42")).findFirst().orElse(null);
                if (line == null) {
                    Thread.sleep(10);
                }
            }
            assertTrue(line != null, "an access line for req-42");
            JsonNode fields = Json.MAPPER.readTree(line.getFormattedMessage());
            assertEquals("req-42", fields.path("id").asString());
            assertEquals("performance-tracking", fields.path("form").asString());
            assertEquals("pdf", fields.path("format").asString());
            assertEquals(200, fields.path("status").asInt());
            assertTrue(fields.path("ms").asDouble() > 0);
            assertTrue(fields.path("bytes").asInt() > 10_000);
            assertFalse(line.getFormattedMessage().contains("机密项目名称"), "no document content in logs");
        }
    }
}
