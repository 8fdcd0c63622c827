package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page's files, served from memory: each as bundled, with its media type, an ETag and 304 when unchanged. */
class StaffPageFilesTest {

    private static byte[] bundled(String name) throws IOException {
        try (InputStream in = StaffPage.class.getResourceAsStream("/web/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void eachFileAsBundledWithItsType() throws IOException {
        String[][] files = {
                {"/", "index.html", "text/html"},
                {"/index.html", "index.html", "text/html"},
                {"/app.css", "app.css", "text/css"},
                {"/js/main.js", "js/main.js", "text/javascript"},
                {"/vendor/tabulator/LICENSE", "vendor/tabulator/LICENSE", "text/plain"}};
        for (String[] file : files) {
            HttpResponse<byte[]> response = TestServer.get(file[0]);
            assertEquals(200, response.statusCode(), file[0]);
            assertArrayEquals(bundled(file[1]), response.body(), file[0]);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(file[2]), file[0]);
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String etag = TestServer.get("/js/main.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/js/main.js"))
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> other = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/js/main.js"))
                .header("If-None-Match", "\"something else\"").GET().build());
        assertEquals(200, other.statusCode());
        assertTrue(!etag.equals(TestServer.get("/app.css").headers().firstValue("ETag").orElseThrow()), "one tag a content");
    }

    @Test
    void whatIsNotThereIsTheJsonNotFound() {
        HttpResponse<byte[]> missing = TestServer.get("/js/nope.js");
        assertEquals(404, missing.statusCode());
        assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("\"not_found\""));
    }
}
