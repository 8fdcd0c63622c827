package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Numbers with an extreme scale are read into a bounded form at the edge; error lists stop at their cap.
 * A request that would have held a render slot for minutes answers at once (the HTTP client gives up after
 * 60 s, which fails the test).
 */
class ExtremeNumbersTest {
    private static final String TRACKING = "/api/v1/forms/performance-tracking";

    @ParameterizedTest(name = "executionRate {0} prints as {1}")
    @CsvSource({
            "0e-99999999, 0",
            "0e-10000, 0",
            "98.380000000000000000000000000000, 98.38",
            "98.30, 98.30",
            "1E+2, 100",
            "100.000, 100"})
    void aStatedRateIsReadBoundedAndPrintedShort(String stated, String printed) {
        byte[] document = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/executionRate", stated);
        HttpResponse<byte[]> response = TestServer.post(TRACKING + "/render", document);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        String text = PdfDigest.text(response.body());
        assertTrue(text.contains("1,300,926.00 " + printed + "\n") || text.contains(" " + printed + " ") || text.contains("\n" + printed + "\n"),
                "rate printed as " + printed);
        assertFalse(text.contains("00000000"), "no run of zeros");
    }

    @ParameterizedTest(name = "{1} at {0} is bounded or refused with its path")
    @CsvSource({
            "/forms/0/executionRate, 0e-2147483648",
            "/forms/0/executionRate, 0e+2147483647",
            "/forms/0/executionRate, 0E-2147483649",
            "/forms/0/annualBudget, 1E+2147483647",
            "/forms/0/annualBudget, 1e-2147483648",
            "/forms/0/annualBudget, -9.9e+2147483646",
            "/forms/0/annualBudget, 1e999999999999",
            "/forms/0/indicators/0/score, 5e-2147483647"})
    void anExponentAtTheEdgeOfAnIntegerIsNoServerFault(String path, String number) {
        // written into the text: no JSON library here need read it first
        byte[] document = new String(JsonEdit.edit(TestServer.example("performance-tracking"), path, "\"@number@\""),
                StandardCharsets.UTF_8).replace("\"@number@\"", number).getBytes(StandardCharsets.UTF_8);
        for (String endpoint : new String[]{"/validate", "/render"}) {
            HttpResponse<byte[]> response = TestServer.post(TRACKING + endpoint, document);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertTrue(response.statusCode() == 200 || response.statusCode() / 100 == 4, endpoint + " " + response.statusCode() + " " + body);
            JsonNode answer = Json.MAPPER.readTree(response.body().length > 0 && body.startsWith("{") ? response.body() : "{}".getBytes());
            if (response.statusCode() / 100 == 4) {
                assertTrue(answer.at("/error/details").toString().contains(path), "refused at its path: " + body);
            } else if (endpoint.equals("/validate") && !answer.path("valid").asBoolean()) {
                assertTrue(answer.path("errors").toString().contains(path), "refused at its path: " + body);
            }
        }
    }

    @Test
    void aTargetAmountOfZeroWithAMillionDecimalsIsZero() {
        byte[] document = JsonEdit.edit(TestServer.example("performance-target"), "/units/0/projects/0/otherFunds", "0e-1000000");
        document = JsonEdit.edit(document, "/units/0/projects/0/total", JsonEdit.REMOVE);
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-target/validate", document);
        assertEquals(200, response.statusCode());
        assertTrue(Json.MAPPER.readTree(response.body()).path("valid").asBoolean());
    }

    @Test
    void aMillionErrorsAreCutAtTheCapAndSaySo() {
        String form = "{\"indicators\": [" + String.join(",", Collections.nCopies(100, "{}")) + "]}";
        byte[] document = ("{\"forms\": [" + String.join(",", Collections.nCopies(200, form)) + "]}").getBytes(StandardCharsets.UTF_8);
        JsonNode refused = Json.MAPPER.readTree(TestServer.post(TRACKING + "/render", document).body());
        assertEquals(Problems.MAX_DETAILS, refused.at("/error/details").size());
        assertTrue(refused.at("/error/message").asString().contains("只列出前 " + Problems.MAX_DETAILS + " 处（另有 2000 处以上未列出）"),
                refused.at("/error/message").toString());
        // Fewer: every one left out is counted.
        byte[] three = ("{\"forms\": [" + String.join(",", Collections.nCopies(3, form)) + "]}").getBytes(StandardCharsets.UTF_8);
        String message = Json.MAPPER.readTree(TestServer.post(TRACKING + "/render", three).body()).at("/error/message").asString();
        Matcher count = Pattern.compile("（另有 (\\d+) 处未列出）").matcher(message);
        assertTrue(count.find(), message);
        byte[] four = ("{\"forms\": [" + String.join(",", Collections.nCopies(4, form)) + "]}").getBytes(StandardCharsets.UTF_8);
        String more = Json.MAPPER.readTree(TestServer.post(TRACKING + "/render", four).body()).at("/error/message").asString();
        Matcher counted = Pattern.compile("（另有 (\\d+) 处未列出）").matcher(more);
        assertTrue(counted.find(), more);
        assertTrue(Integer.parseInt(counted.group(1)) - Integer.parseInt(count.group(1)) >= 100, "a fourth form of 100 blank rows: " + message + " / " + more);
        JsonNode verdict = Json.MAPPER.readTree(TestServer.post(TRACKING + "/validate", document).body());
        assertEquals(Problems.MAX_DETAILS, verdict.path("errors").size());
        assertTrue(verdict.path("truncated").asBoolean());
        JsonNode fine = Json.MAPPER.readTree(TestServer.post(TRACKING + "/validate", TestServer.example("performance-tracking")).body());
        assertFalse(fine.path("truncated").asBoolean(true));
    }

    @Test
    void aComputedRateBeyondWhatMayBeStatedIsLeftBlankWithAWarning() {
        byte[] document = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/annualBudget", "0.01");
        document = JsonEdit.edit(document, "/forms/0/executedAmount", "99999999999.99");
        document = JsonEdit.edit(document, "/forms/0/executionRate", JsonEdit.REMOVE);
        JsonNode verdict = Json.MAPPER.readTree(TestServer.post(TRACKING + "/validate", document).body());
        assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
        assertTrue(verdict.path("warnings").toString().contains("不予打印"), verdict.toString());
        String text = PdfDigest.text(TestServer.post(TRACKING + "/render", document).body());
        assertFalse(text.contains("999999999999900"), "the absurd rate is not printed");
    }
}
