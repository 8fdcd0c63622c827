package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The HTTP contract at its edges: methods, negotiation, encodings, and requests the server cannot parse. */
class HttpEdgesTest {
    private static final String RENDER = "/api/v1/forms/performance-tracking/render";
    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static byte[] example() {
        return TestServer.example("performance-tracking");
    }

    private static JsonNode error(HttpResponse<byte[]> response, int status, String code) {
        assertEquals(status, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(code, body.at("/error/code").asString(), body.toString());
        assertTrue(body.at("/error/message").asString().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), body.toString());
        return body;
    }

    @Test
    void aWrongMethodIs405NamingWhatThePathTakes() {
        HttpResponse<byte[]> get = TestServer.send(HttpRequest.newBuilder(TestServer.uri(RENDER)).GET().build());
        error(get, 405, "method_not_allowed");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        HttpResponse<byte[]> delete = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/healthz")).DELETE().build());
        error(delete, 405, "method_not_allowed");
        error(TestServer.send(HttpRequest.newBuilder(TestServer.uri("/no/such/path")).GET().build()), 404, "not_found");
    }

    @ParameterizedTest(name = "Accept: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "application/pdf;q=0, */*|" + DOCX,
            "application/pdf;q=0.1, " + DOCX + ";q=0.9|" + DOCX,
            DOCX + ";q=0.5, application/pdf|" + PDF,
            "application/*;q=0.2, " + DOCX + ";q=0|" + PDF,
            "*/*;q=0.5|" + PDF,
            "text/html, application/pdf;q=0.01|" + PDF})
    void acceptWeighsFormatsByTheirQValues(String accept, String expected) {
        HttpResponse<byte[]> response = TestServer.post(RENDER, example(), "Accept", accept);
        assertEquals(200, response.statusCode());
        assertEquals(expected, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void acceptRefusingEveryFormatIs406() {
        error(TestServer.post(RENDER, example(), "Accept", "application/pdf;q=0, " + DOCX + ";q=0, */*;q=0"), 406, "not_acceptable");
    }

    @Test
    void aCharsetOtherThanUtf8Is415() {
        error(TestServer.post(RENDER, example(), "Content-Type", "application/json; charset=gbk"), 415, "unsupported_media_type");
        assertEquals(200, TestServer.post(RENDER, example(), "Content-Type", "application/json; charset=\"UTF-8\"").statusCode());
    }

    @Test
    void gzipIsInflatedAndOtherEncodingsAre415() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(example());
        }
        HttpResponse<byte[]> inflated = TestServer.post(RENDER, zipped.toByteArray(), "Content-Encoding", "gzip");
        assertEquals(200, inflated.statusCode());
        assertEquals(PDF, inflated.headers().firstValue("Content-Type").orElse(""));
        error(TestServer.post(RENDER, example(), "Content-Encoding", "br"), 415, "unsupported_media_type");
        error(TestServer.post(RENDER, example(), "Content-Encoding", "gzip"), 400, "bad_request");
    }

    @Test
    void aGzipBombIsRefusedAtTheBodyLimit() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gzip.write(spaces);
            }
        }
        assertTrue(zipped.size() < 200 * 1024);
        error(TestServer.post(RENDER, zipped.toByteArray(), "Content-Encoding", "gzip"), 413, "body_too_large");
    }

    @Test
    void aBodyOverItsRoutesLimitIsAnsweredEveryTime() {
        // 5 MiB is over a render's 2 MiB but within a batch's 32 MiB: the answer comes once the body is read and
        // dropped, so that closing the connection on unread bytes cannot reset it away (an IOException here).
        byte[] large = new byte[5 * 1024 * 1024];
        Arrays.fill(large, (byte) 'a');
        for (int i = 0; i < 40; i++) {
            error(TestServer.post(RENDER, large), 413, "body_too_large");
        }
        assertEquals(200, TestServer.get("/healthz").statusCode());
    }

    @Test
    void aClientWaitingFor100ContinueIsRefusedWithoutBeingInvitedToSend() throws IOException {
        String answer = raw(("POST " + RENDER + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (5 * 1024 * 1024) + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("body_too_large"), answer);
        assertEquals(200, TestServer.get("/healthz").statusCode());
    }

    @Test
    void aClientWaitingFor100ContinueIsInvitedWhenItsBodyIsWanted() throws IOException {
        byte[] body = example();
        try (Socket socket = new Socket("localhost", TestServer.app().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + RENDER + "?format=docx HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] invitation = in.readNBytes("HTTP/1.1 100".length());
            assertEquals("HTTP/1.1 100", new String(invitation, StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(rest.contains("HTTP/1.1 200"), rest.substring(0, Math.min(rest.length(), 300)));
        }
    }

    /** Requests the server answers before any route: still the JSON error model, with a request id. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad percent-encoding|GET /%zz HTTP/1.1|400|bad_request",
            "dot segments|GET /../../etc/passwd HTTP/1.1|400|bad_request",
            "over-long URI|GET /LONG HTTP/1.1|414|uri_too_long",
            "over-long header|GET / HTTP/1.1 CRLF X-Big: BIG|431|headers_too_large"})
    void unparseableRequestsGetJsonErrors(String name, String head, int status, String code) throws IOException {
        String request = head.replace("LONG", "a".repeat(20_000)).replace("BIG", "b".repeat(20_000)).replace(" CRLF ", "\r\n")
                + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String answer = raw(request.getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json"), answer);
        assertTrue(answer.contains("X-Request-Id: "), answer);
        assertTrue(answer.contains("\"code\":\"" + code + "\""), answer);
        assertEquals(200, TestServer.get("/healthz").statusCode());
    }

    /** Request lines of other protocols or none: a 4xx in the JSON error model, or for OPTIONS * what the server takes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no HTTP version|GET /healthz CRLF",
            "no HTTP version, with headers|GET /healthz CRLF Host: localhost CRLF CRLF ",
            "an HTTP/2 preface|PRI * HTTP/2.0 CRLF CRLF SM CRLF CRLF ",
            "HTTP/0.9|GET / CRLF CRLF ",
            "a method unknown to a path|DELETE /healthz HTTP/1.1 CRLF Host: localhost CRLF CRLF ",
            "OPTIONS of no route|OPTIONS /nothing HTTP/1.1 CRLF Host: localhost CRLF CRLF ",
            "a version unknown|GET /healthz HTTP/3.7 CRLF Host: localhost CRLF CRLF ",
            "OPTIONS *|OPTIONS * HTTP/1.1 CRLF Host: localhost CRLF Connection: close CRLF CRLF ",
            "OPTIONS * HTTP/1.0|OPTIONS * HTTP/1.0 CRLF CRLF "})
    void otherRequestLinesGetJsonAnswers(String name, String request) throws IOException {
        String answer = firstAnswer(request.replaceAll(" ?CRLF ?", "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] [24]\\d\\d .*"), name + ": " + answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        JsonNode json = Json.MAPPER.readTree(body);
        assertTrue(answer.startsWith("HTTP/1.1 2") || answer.startsWith("HTTP/1.0 2") || json.at("/error/code").isString(), answer);
        assertEquals(200, TestServer.get("/healthz").statusCode());
    }

    @Test
    void aHalfSentBodyIsTheClientsFaultNotAnInternalError() throws Exception {
        byte[] body = example();
        try (Socket socket = new Socket("localhost", TestServer.app().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + RENDER + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("incomplete_body"), answer);
        }
    }

    /** The first answer on a connection, whether or not the server closes it after: read to its Content-Length. */
    private static String firstAnswer(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", TestServer.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            while (true) {
                int b;
                try {
                    b = in.read();
                } catch (IOException reset) {
                    b = -1;
                }
                if (b < 0) {
                    return read.toString(StandardCharsets.UTF_8);
                }
                read.write(b);
                String text = read.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0) {
                    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
                    if (length.find() && read.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                        return read.toString(StandardCharsets.UTF_8);
                    }
                }
            }
        }
    }

    private static String raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", TestServer.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noBreakAndIdeographicSpacesDoNotReachTheFileName() {
        byte[] one = JsonEdit.edit(example(), "/forms/1", JsonEdit.REMOVE);
        one = JsonEdit.edit(one, "/forms/0/projectName", "\"\\u00A0\\u3000智慧医院\\u00A0项目\\u00A0\"");
        HttpResponse<byte[]> response = TestServer.post(RENDER, one);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals("智慧医院 项目-项目支出绩效跟踪表.pdf",
                URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8));
        assertFalse(disposition.contains("%C2%A0"));
    }
}
