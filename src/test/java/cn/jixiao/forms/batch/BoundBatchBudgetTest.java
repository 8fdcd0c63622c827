package cn.jixiao.forms.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The one PDF of a batch has a page and a byte budget of its own: refused from the items' page estimates before
 * anything is rendered, and counted while it is bound — on services of the test's own with small budgets.
 */
class BoundBatchBudgetTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PAGES = 12;

    private static JsonNode refusal(App app, byte[] batch) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/v1/batch?format=pdf")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(422, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
        assertEquals("limit_exceeded", error.path("code").asString());
        assertEquals("/items", error.path("details").get(0).path("path").asString());
        return error;
    }

    private static byte[] trackings(int count) {
        String[] forms = new String[count];
        Arrays.fill(forms, "performance-tracking");
        return BatchTest.batch(forms);
    }

    @Test
    void pagesAreCheckedFromTheEstimatesBeforeAnythingIsRenderedAndCountedWhileBound() throws Exception {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_BATCH_PAGES", String.valueOf(PAGES)))).start(0);
        try {
            JsonNode estimated = refusal(app, trackings(PAGES + 1));
            assertEquals("JIXIAO_MAX_BATCH_PAGES", estimated.path("details").get(0).path("limit").asString());
            assertTrue(estimated.path("message").asString().contains("估计至少"), estimated.toString());

            FormService service = app.service();
            long estimate = service.pagesAtLeast(service.form("performance-tracking"), TestServer.example("performance-tracking"));
            int items = (int) (PAGES / estimate);
            assertTrue(3 * items > PAGES, "the example's 3 pages are more than its estimate of " + estimate);
            JsonNode counted = refusal(app, trackings(items));
            assertEquals("JIXIAO_MAX_BATCH_PAGES", counted.path("details").get(0).path("limit").asString());
            assertTrue(counted.path("message").asString().contains("已有"), counted.toString());
        } finally {
            app.stop();
        }
    }

    @Test
    void bytesAreCountedAsTheItemsAreBound() throws Exception {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_BATCH_OUTPUT_BYTES", "65536"))).start(0);
        try {
            JsonNode error = refusal(app, trackings(2));
            assertEquals("JIXIAO_MAX_BATCH_OUTPUT_BYTES", error.path("details").get(0).path("limit").asString());
        } finally {
            app.stop();
        }
    }
}
