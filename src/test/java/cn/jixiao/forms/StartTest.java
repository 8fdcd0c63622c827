package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The start users get: ready once the templates check out, correct from the first request, examples rendered behind. */
class StartTest {

    @Test
    void readyBeforeTheExamplesAreRenderedAndCorrectFromTheFirstRequest() {
        App app = new App(Config.defaults()).start(0, false);
        try {
            String base = "http://localhost:" + app.port();
            HttpResponse<byte[]> health = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build());
            assertEquals(200, health.statusCode());
            byte[] firstPdf = null;
            for (String format : new String[] {"pdf", "docx", "xlsx"}) {
                HttpResponse<byte[]> first = render(base, format);
                assertEquals(200, first.statusCode(), format);
                String magic = new String(first.body(), 0, 4, StandardCharsets.ISO_8859_1);
                assertTrue(format.equals("pdf") ? magic.equals("%PDF") : magic.startsWith("PK"), format + ": " + magic);
                firstPdf = firstPdf == null ? first.body() : firstPdf;
            }
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(firstPdf, render(base, "pdf").body(), "the first answer is the one every later request gets");
            }
        } finally {
            app.stop();
        }
    }

    private static HttpResponse<byte[]> render(String base, String format) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/forms/performance-tracking/render?format=" + format))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServer.example("performance-tracking"))).build());
    }
}
