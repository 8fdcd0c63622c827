package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of bad requests, each with the status, error code and path it must get. Nothing here may
 * produce a 5xx, and the service keeps serving after each.
 */
class HostileInputTest {
    private static final String TRACKING = "performance-tracking";
    private static final String TARGET = "performance-target";
    private static final String JSON_TYPE = "application/json";
    private static final String NO_PATH = null;

    private record Case(String name, String form, Supplier<byte[]> body, String contentType, int status, String code, String path) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] tracking() {
        return TestServer.example(TRACKING);
    }

    private static byte[] target() {
        return TestServer.example(TARGET);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Supplier<byte[]> edit(String form, String pointer, String json) {
        return () -> JsonEdit.edit(TestServer.example(form), pointer, json);
    }

    private static Supplier<byte[]> remove(String form, String pointer) {
        return () -> JsonEdit.edit(TestServer.example(form), pointer, JsonEdit.REMOVE);
    }

    private static Case invalid(String name, String form, Supplier<byte[]> body, String path) {
        return new Case(name, form, body, JSON_TYPE, 422, "invalid_document", path);
    }

    private static Case limit(String name, String form, Supplier<byte[]> body, String path) {
        return new Case(name, form, body, JSON_TYPE, 422, "limit_exceeded", path);
    }

    private static Case malformed(String name, Supplier<byte[]> body) {
        return new Case(name, TRACKING, body, JSON_TYPE, 400, "malformed_json", NO_PATH);
    }

    /** A JSON string of {@code n} characters, escaped as JSON. */
    private static String string(int n, char c) {
        return "\"" + String.valueOf(c).repeat(n) + "\"";
    }

    private static Supplier<byte[]> manyIndicators(int n) {
        return () -> {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(tracking());
            ArrayNode indicators = (ArrayNode) document.at("/forms/0/indicators");
            for (int i = 0; i < n; i++) {
                indicators.addObject().put("level1", "产出指标").put("name", "指标" + i);
            }
            return Json.MAPPER.writeValueAsBytes(document);
        };
    }

    private static Supplier<byte[]> manyForms(int n) {
        return () -> {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(tracking());
            ArrayNode forms = (ArrayNode) document.get("forms");
            JsonNode first = forms.get(0);
            for (int i = 0; i < n; i++) {
                forms.add(first.deepCopy());
            }
            return Json.MAPPER.writeValueAsBytes(document);
        };
    }

    /** Valid, within every field limit, and thousands of pages long: refused before any layout. */
    private static Supplier<byte[]> lineBreaks(int indicators, int breaks) {
        return () -> {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(tracking());
            ArrayNode list = (ArrayNode) document.at("/forms/0/indicators");
            while (list.size() < indicators) {
                list.add(list.get(0).deepCopy());
            }
            list.forEach(indicator -> ((ObjectNode) indicator).put("deviationReason", "a\n".repeat(breaks)));
            return Json.MAPPER.writeValueAsBytes(document);
        };
    }

    /** A document whose every form and indicator is an empty object: a million errors, of which 200 are listed. */
    private static Supplier<byte[]> emptyIndicators(int forms, int indicators) {
        return () -> utf8("{\"forms\": [" + String.join(",", Collections.nCopies(forms,
                "{\"indicators\": [" + String.join(",", Collections.nCopies(indicators, "{}")) + "]}")) + "]}");
    }

    private static Supplier<byte[]> nested(int depth) {
        return () -> utf8("{\"forms\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
    }

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>(List.of(
                // not JSON at all
                malformed("empty body", () -> new byte[0]),
                malformed("whitespace only", () -> utf8("  \n ")),
                malformed("truncated object", () -> utf8("{\"forms\": [")),
                malformed("trailing garbage", () -> utf8("{\"forms\": []} x")),
                malformed("two documents", () -> utf8("{} {}")),
                malformed("single quotes", () -> utf8("{'forms': []}")),
                malformed("trailing comma", () -> utf8("{\"forms\": [],}")),
                malformed("comment", () -> utf8("{/* c */ \"forms\": []}")),
                malformed("NaN amount", () -> utf8(new String(tracking(), StandardCharsets.UTF_8).replace("1323379.00", "NaN"))),
                malformed("Infinity amount", () -> utf8(new String(tracking(), StandardCharsets.UTF_8).replace("1323379.00", "-Infinity"))),
                malformed("leading zero number", () -> utf8(new String(tracking(), StandardCharsets.UTF_8).replace("1323379.00", "01323379"))),
                malformed("unescaped control character", () -> utf8("{\"forms\": [{\"projectName\": \"a\u0001b\"}]}")),
                malformed("invalid UTF-8", () -> new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
                malformed("GBK instead of UTF-8", () -> new String(tracking(), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"))),
                malformed("duplicate key", () -> utf8("{\"forms\": [], \"forms\": []}")),
                malformed("overlong UTF-8 for <", () -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xBC, '"', '}'}),
                malformed("UTF-8 beyond U+10FFFF", () -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'}),
                malformed("UTF-8 encoded surrogate", () -> new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}),
                malformed("unquoted key", () -> utf8("{forms: []}")),

                // the wrong shape
                invalid("empty document", TRACKING, () -> utf8("{}"), "/forms"),
                invalid("null document", TRACKING, () -> utf8("null"), ""),
                invalid("array document", TRACKING, () -> utf8("[]"), ""),
                invalid("string document", TRACKING, () -> utf8("\"forms\""), ""),
                invalid("number document", TRACKING, () -> utf8("42"), ""),
                invalid("no forms", TRACKING, () -> utf8("{\"forms\": []}"), "/forms"),
                invalid("unknown top-level field", TRACKING, edit(TRACKING, "/debug", "true"), "/debug"),
                invalid("unknown field in a form", TRACKING, edit(TRACKING, "/forms/1/budget", "1"), "/forms/1/budget"),
                invalid("unknown field in an indicator", TRACKING, edit(TRACKING, "/forms/0/indicators/3/score", "1"), "/forms/0/indicators/3/score"),
                invalid("missing project name", TRACKING, remove(TRACKING, "/forms/0/projectName"), "/forms/0/projectName"),
                invalid("missing budget", TRACKING, remove(TRACKING, "/forms/1/annualBudget"), "/forms/1/annualBudget"),
                invalid("form is a string", TRACKING, edit(TRACKING, "/forms/0", "\"表\""), "/forms/0"),
                invalid("indicators is an object", TRACKING, edit(TRACKING, "/forms/0/indicators", "{}"), "/forms/0/indicators"),
                invalid("name is a number", TRACKING, edit(TRACKING, "/forms/0/indicators/0/name", "7"), "/forms/0/indicators/0/name"),
                invalid("yes/no as text", TRACKING, edit(TRACKING, "/forms/0/recurring", "\"yes\""), "/forms/0/recurring"),

                // amounts
                invalid("negative amount", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "-1323379.00"), "/forms/0/annualBudget"),
                invalid("three-decimal amount", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "1323379.001"), "/forms/0/annualBudget"),
                invalid("1e400 amount", TRACKING, edit(TRACKING, "/forms/0/executedAmount", "1e400"), "/forms/0/executedAmount"),
                invalid("-1e400 amount", TRACKING, edit(TRACKING, "/forms/0/executedAmount", "-1e400"), "/forms/0/executedAmount"),
                invalid("tiny exponent amount", TRACKING, edit(TRACKING, "/forms/0/executedAmount", "1e-400"), "/forms/0/executedAmount"),
                invalid("huge exponent amount", TRACKING, edit(TRACKING, "/forms/0/executedAmount", "1e999999999"), "/forms/0/executedAmount"),
                invalid("minute exponent amount", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "1e-9999999"), "/forms/0/annualBudget"),
                invalid("huge exponent total", TARGET, edit(TARGET, "/units/0/projects/0/total", "1e999999999"), "/units/0/projects/0/total"),
                invalid("huge exponent rate", TRACKING, edit(TRACKING, "/forms/0/executionRate", "1e999999999"), "/forms/0/executionRate"),
                invalid("amount with misplaced separators", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "\"13,23,379.00\""), "/forms/0/annualBudget"),
                invalid("amount with a decimal comma", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "\"1323379,00\""), "/forms/0/annualBudget"),
                invalid("amount of a hundred million decimals", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "1e-99999999"), "/forms/0/annualBudget"),
                invalid("rate of eleven decimals", TRACKING, edit(TRACKING, "/forms/0/executionRate", "98.38000000001"), "/forms/0/executionRate"),
                invalid("sixteen integer digits", TARGET, edit(TARGET, "/units/0/projects/0/otherFunds", "1234567890123456"), "/units/0/projects/0/otherFunds"),
                invalid("amount with unit", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "\"1323379元\""), "/forms/0/annualBudget"),
                invalid("amount as boolean", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "true"), "/forms/0/annualBudget"),
                invalid("amount as null", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "null"), "/forms/0/annualBudget"),
                invalid("amount beyond 千亿", TRACKING, edit(TRACKING, "/forms/0/annualBudget", "100000000000"), "/forms/0/annualBudget"),
                invalid("rate with percent sign", TRACKING, edit(TRACKING, "/forms/0/executionRate", "\"98.38%\""), "/forms/0/executionRate"),
                invalid("negative rate", TRACKING, edit(TRACKING, "/forms/0/executionRate", "-1"), "/forms/0/executionRate"),
                invalid("target total off by a fen", TARGET, edit(TARGET, "/units/0/projects/0/total", "4809.90"), "/units/0/projects/0/total"),
                invalid("target negative fund", TARGET, edit(TARGET, "/units/0/projects/3/fiscalAppropriation", "-6000"), "/units/0/projects/3/fiscalAppropriation"),
                invalid("target three decimals", TARGET, edit(TARGET, "/units/0/projects/3/fiscalAppropriation", "\"6000.001\""), "/units/0/projects/3/fiscalAppropriation"),

                // dates
                invalid("date that does not exist", TRACKING, edit(TRACKING, "/forms/0/trackingPeriod/start", "\"2021-02-29\""), "/forms/0/trackingPeriod/start"),
                invalid("date with slashes", TRACKING, edit(TRACKING, "/forms/0/trackingPeriod/start", "\"2021/01/01\""), "/forms/0/trackingPeriod/start"),
                invalid("date in Chinese", TRACKING, edit(TRACKING, "/forms/0/trackingPeriod/end", "\"2021年8月31日\""), "/forms/0/trackingPeriod/end"),
                invalid("date as number", TRACKING, edit(TRACKING, "/forms/0/reportDate", "20210910"), "/forms/0/reportDate"),
                invalid("end before start", TRACKING, edit(TRACKING, "/forms/0/trackingPeriod/end", "\"2020-12-31\""), "/forms/0/trackingPeriod/end"),
                invalid("year 0", TRACKING, edit(TRACKING, "/forms/0/reportDate", "\"0000-01-01\""), "/forms/0/reportDate"),
                invalid("year 9999", TRACKING, edit(TRACKING, "/forms/1/trackingPeriod/end", "\"9999-12-31\""), "/forms/1/trackingPeriod/end"),

                // taxonomy
                invalid("unknown level1", TRACKING, edit(TRACKING, "/forms/0/indicators/0/level1", "\"成本指标\""), "/forms/0/indicators/0/level1"),
                invalid("level1 code out of range", TARGET, edit(TARGET, "/units/0/projects/0/indicators/0/level1", "9"), "/units/0/projects/0/indicators/0/level1"),
                invalid("level2 of another level1", TARGET, edit(TARGET, "/units/0/projects/0/indicators/0/level2", "\"经济效益\""), "/units/0/projects/0/indicators/0/level2"),
                invalid("unknown level2", TARGET, edit(TARGET, "/units/0/projects/0/indicators/0/level2", "\"规模指标\""), "/units/0/projects/0/indicators/0/level2"),
                invalid("unknown amount unit", TARGET, edit(TARGET, "/amountUnit", "\"亿元\""), "/amountUnit"),

                // characters a document cannot carry, or no font can draw
                invalid("NUL character", TRACKING, edit(TRACKING, "/forms/0/projectName", "\"a\\u0000b\""), "/forms/0/projectName"),
                invalid("vertical tab", TRACKING, edit(TRACKING, "/forms/0/remarks", "\"a\\u000Bb\""), "/forms/0/remarks"),
                invalid("U+FFFE", TRACKING, edit(TRACKING, "/forms/0/remarks", "\"\\uFFFE\""), "/forms/0/remarks"),
                invalid("U+FFFF", TRACKING, edit(TRACKING, "/forms/0/preparer", "\"\\uFFFF\""), "/forms/0/preparer"),
                invalid("lone high surrogate", TRACKING, edit(TRACKING, "/forms/0/reviewer", "\"\\uD800\""), "/forms/0/reviewer"),
                invalid("lone low surrogate", TARGET, edit(TARGET, "/organization", "\"\\uDC00x\""), "/organization"),
                invalid("emoji", TRACKING, edit(TRACKING, "/forms/0/indicators/0/completion", "\"完成😀\""), "/forms/0/indicators/0/completion"),
                invalid("private use character", TARGET, edit(TARGET, "/units/0/name", "\"\\uE000医院\""), "/units/0/name"),

                // sizes and limits
                limit("10 000 indicators", TRACKING, manyIndicators(10_000), "/forms/0/indicators"),
                limit("201 forms", TRACKING, manyForms(200), "/forms"),
                limit("300 000 empty forms", TRACKING, () -> utf8("{\"forms\": [" + "{},".repeat(299_999) + "{}]}"), "/forms"),
                invalid("200 forms of 100 empty indicators", TRACKING, emptyIndicators(200, 100), "/forms/0/indicators/0/name"),
                limit("a field of 5 001 characters", TRACKING, edit(TRACKING, "/forms/0/remarks", string(5001, '说')), "/forms/0/remarks"),
                limit("deep nesting", TRACKING, nested(200), "/forms/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"),
                invalid("a title of 20 short lines", TARGET, edit(TARGET, "/title", "\"" + "表\\n".repeat(20) + "\""), "/title"),
                invalid("a title of 41 characters", TARGET, edit(TARGET, "/title", string(41, '表')), "/title"),
                invalid("a 单位名称 of 1 000 characters", TARGET, edit(TARGET, "/organization", string(1000, '院')), "/organization"),
                invalid("a 单位名称 of 5 000 characters", TARGET, edit(TARGET, "/organization", string(5000, '院')), "/organization"),
                invalid("a 单位名称 on two lines", TARGET, edit(TARGET, "/organization", "\"广州市\\r\\n第十二人民医院\""), "/organization"),
                limit("100 indicators of 2 500 typed lines", TRACKING, lineBreaks(100, 2500), ""),
                new Case("a 5 MiB string", TRACKING, edit(TRACKING, "/forms/0/remarks", string(5 * 1024 * 1024, 'a')), JSON_TYPE, 413, "body_too_large", NO_PATH),

                // the request itself
                new Case("text/plain body", TRACKING, HostileInputTest::tracking, "text/plain", 415, "unsupported_media_type", NO_PATH),
                new Case("form-encoded body", TRACKING, HostileInputTest::tracking, "application/x-www-form-urlencoded", 415, "unsupported_media_type", NO_PATH),
                new Case("XML body", TRACKING, () -> utf8("<forms/>"), "application/xml", 415, "unsupported_media_type", NO_PATH),
                new Case("unknown form type", "performance-evaluation", HostileInputTest::tracking, JSON_TYPE, 404, "unknown_form_type", NO_PATH),
                new Case("form type with a path in it", "..%2Fexamples", HostileInputTest::tracking, JSON_TYPE, 404, "unknown_form_type", NO_PATH)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithStatusCodeAndPath(Case bad) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + bad.form() + "/render", bad.body().get(),
                "Content-Type", bad.contentType());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(bad.status(), response.statusCode(), body.toString());
        assertEquals(bad.code(), body.at("/error/code").asString(), body.toString());
        if (bad.path() != null) {
            List<String> paths = new ArrayList<>();
            body.at("/error/details").forEach(d -> paths.add(d.path("path").asString()));
            assertTrue(paths.contains(bad.path()), "expected " + bad.path() + " among " + paths);
        }
        assertEquals(200, TestServer.get("/healthz").statusCode(), "still serving");
        assertTrue(response.body().length < 64 * 1024, "an answer of reasonable size: " + response.body().length);
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(corpus().count() >= 60, "at least 60 bad inputs");
    }
}
