package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP contract: every endpoint, every error class, the headers a client relies on. */
class HttpApiTest {
    private static final String BASE = "/api/v1/forms/performance-tracking";
    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static JsonNode json(HttpResponse<byte[]> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON response expected: " + response.headers().map());
        return Json.MAPPER.readTree(response.body());
    }

    private static byte[] example() {
        return TestServer.example("performance-tracking");
    }

    /** The one warning at {@code path}; the example's indicators earn warnings of their own. */
    private static JsonNode warningAt(JsonNode warnings, String path) {
        List<JsonNode> found = new ArrayList<>();
        warnings.forEach(warning -> {
            if (warning.path("path").asString().equals(path)) {
                found.add(warning);
            }
        });
        assertEquals(1, found.size(), warnings.toString());
        return found.get(0);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        JsonNode body = json(response);
        assertEquals(status, response.statusCode(), body.toString());
        assertEquals(code, body.at("/error/code").asString(), body.toString());
        assertFalse(body.at("/error/message").asString().isBlank());
        assertTrue(body.at("/error/details").isArray());
    }

    @Test
    void healthSaysReady() {
        HttpResponse<byte[]> response = TestServer.get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("ready", json(response).path("status").asString());
    }

    @Test
    void listsFormTypesWithChineseTitles() {
        JsonNode forms = json(TestServer.get("/api/v1/forms")).path("forms");
        JsonNode tracking = null;
        for (JsonNode form : forms) {
            if (form.path("id").asString().equals("performance-tracking")) {
                tracking = form;
            }
        }
        assertTrue(tracking != null, forms.toString());
        assertEquals("项目支出绩效跟踪表", tracking.path("title").asString());
        assertFalse(tracking.path("description").asString().isBlank());
    }

    @Test
    void schemaIsTheContractWithTheConfiguredLimitsAndTaxonomy() {
        HttpResponse<byte[]> response = TestServer.get(BASE + "/schema");
        assertEquals(200, response.statusCode());
        JsonNode schema = Json.MAPPER.readTree(response.body());
        assertEquals(200, schema.at("/properties/forms/maxItems").asInt());
        assertTrue(schema.at("/$defs/indicator/properties/level1/enum").toString().contains("满意度指标"));
        assertEquals(false, schema.at("/$defs/form/additionalProperties").asBoolean(true));
    }

    @Test
    void exampleIsTheTranscribedSeed() {
        HttpResponse<byte[]> response = TestServer.get(BASE + "/example");
        assertEquals(200, response.statusCode());
        assertArrayEquals(example(), response.body());
    }

    @Test
    void validateReportsTheStatedRateThatDisagreesWithTheAmounts() {
        JsonNode verdict = json(TestServer.post(BASE + "/validate", example()));
        assertTrue(verdict.path("valid").asBoolean());
        assertEquals(0, verdict.path("errors").size());
        JsonNode warning = warningAt(verdict.path("warnings"), "/forms/0/executionRate");
        assertTrue(warning.path("message").asString().contains("98.38"));
        assertTrue(warning.path("message").asString().contains("98.30"));
        assertEquals("98.38", verdict.at("/computed/~1forms~10~1executionRate").asString(), "the figure as printed");
    }

    @Test
    void validateListsEveryBrokenFieldAt200() {
        byte[] broken = JsonEdit.edit(example(), "/forms/0/annualBudget", "-5");
        broken = JsonEdit.edit(broken, "/forms/1/budgetUnit", JsonEdit.REMOVE);
        broken = JsonEdit.edit(broken, "/forms/1/indicators/2/level1", "\"产值指标\"");
        HttpResponse<byte[]> response = TestServer.post(BASE + "/validate", broken);
        assertEquals(200, response.statusCode());
        JsonNode verdict = json(response);
        assertFalse(verdict.path("valid").asBoolean());
        List<String> paths = new ArrayList<>();
        verdict.path("errors").forEach(e -> paths.add(e.path("path").asString()));
        assertTrue(paths.containsAll(List.of("/forms/1/budgetUnit", "/forms/1/indicators/2/level1")), paths.toString());
    }

    @Test
    void renderListsEveryBrokenFieldNotOnlyTheFirst() {
        byte[] broken = JsonEdit.edit(example(), "/forms/0/projectName", JsonEdit.REMOVE);
        broken = JsonEdit.edit(broken, "/forms/0/recurring", "\"是\"");
        broken = JsonEdit.edit(broken, "/forms/1/trackingPeriod/start", "\"2021-02-30\"");
        broken = JsonEdit.edit(broken, "/forms/1/colour", "\"red\"");
        HttpResponse<byte[]> response = TestServer.post(BASE + "/render", broken);
        assertError(response, 422, "invalid_document");
        List<String> paths = new ArrayList<>();
        json(response).at("/error/details").forEach(e -> paths.add(e.path("path").asString()));
        assertEquals(List.of("/forms/0/projectName", "/forms/0/recurring", "/forms/1/colour", "/forms/1/trackingPeriod/start"),
                paths.stream().sorted().toList());
    }

    @Test
    void rendersPdfByDefaultWithChineseFileNameAndWarnings() {
        HttpResponse<byte[]> response = TestServer.post(BASE + "/render", example());
        assertEquals(200, response.statusCode());
        assertEquals(PDF, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(new String(response.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment; filename=\"performance-tracking.pdf\"; filename*=UTF-8''"), disposition);
        String name = URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8);
        assertEquals("上海市闵行区肿瘤医院-项目支出绩效跟踪表.pdf", name);
        JsonNode warnings = Json.MAPPER.readTree(response.headers().firstValue("X-Warnings").orElseThrow());
        assertEquals(Integer.toString(warnings.size()), response.headers().firstValue("X-Warning-Count").orElseThrow());
        assertTrue(warningAt(warnings, "/forms/0/executionRate").path("message").asString().contains("98.38"));
    }

    @Test
    void oneFormIsNamedAfterItsProject() {
        byte[] one = JsonEdit.edit(example(), "/forms/1", JsonEdit.REMOVE);
        HttpResponse<byte[]> response = TestServer.post(BASE + "/render?format=docx", one);
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        assertEquals("闵行区肿瘤医院智慧医院基础业务系统建设项目-项目支出绩效跟踪表.docx",
                URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8));
    }

    @Test
    void formatFromQueryOrAccept() {
        HttpResponse<byte[]> byQuery = TestServer.post(BASE + "/render?format=docx", example());
        assertEquals(DOCX, byQuery.headers().firstValue("Content-Type").orElseThrow());
        assertEquals('P', byQuery.body()[0]);
        assertEquals('K', byQuery.body()[1]);
        HttpResponse<byte[]> byAccept = TestServer.post(BASE + "/render", example(), "Accept", DOCX);
        assertEquals(DOCX, byAccept.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> anything = TestServer.post(BASE + "/render", example(), "Accept", "*/*");
        assertEquals(PDF, anything.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> queryWins = TestServer.post(BASE + "/render?format=pdf", example(), "Accept", DOCX);
        assertEquals(PDF, queryWins.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void unknownFormatIs400AndUnacceptableAcceptIs406() {
        assertError(TestServer.post(BASE + "/render?format=odt", example()), 400, "unsupported_format");
        assertError(TestServer.post(BASE + "/render", example(), "Accept", "text/html"), 406, "not_acceptable");
    }

    @Test
    void malformedJsonIs400() {
        assertError(TestServer.post(BASE + "/render", "{\"forms\": [".getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
        assertError(TestServer.post(BASE + "/validate", "not json".getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
        assertError(TestServer.post(BASE + "/render", new byte[0]), 400, "malformed_json");
        assertError(TestServer.post(BASE + "/render", "{\"forms\": []} trailing".getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
    }

    @Test
    void unknownFormTypeIs404() {
        assertError(TestServer.post("/api/v1/forms/performance-evaluation/render", example()), 404, "unknown_form_type");
        assertError(TestServer.get("/api/v1/forms/nope/schema"), 404, "unknown_form_type");
        assertError(TestServer.get("/no/such/path"), 404, "not_found");
    }

    @Test
    void bodyTooLargeIs413() {
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertError(TestServer.post(BASE + "/render", huge), 413, "body_too_large");
    }

    @Test
    void notJsonIs415() {
        assertError(TestServer.post(BASE + "/render", example(), "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertError(TestServer.post(BASE + "/validate", example(), "Content-Type", "application/x-www-form-urlencoded"), 415,
                "unsupported_media_type");
    }

    @Test
    void openApiDescribesEveryEndpointWithTheSchemasInUse() {
        HttpResponse<byte[]> response = TestServer.get("/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode api = json(response);
        assertTrue(api.path("openapi").asString().startsWith("3."));
        for (String path : List.of("/healthz", "/api/v1/forms", BASE + "/schema", BASE + "/example", BASE + "/validate", BASE + "/render")) {
            assertFalse(api.path("paths").path(path).isMissingNode(), path);
        }
        JsonNode schema = api.at("/components/schemas/performance-tracking");
        assertEquals("#/components/schemas/performance-tracking/$defs/form", schema.at("/properties/forms/items/$ref").asString());
        // The very schema the service validates with, its references re-rooted into the OpenAPI document.
        String served = Json.MAPPER.readTree(TestServer.get(BASE + "/schema").body()).path("$defs").toString();
        assertEquals(served, schema.path("$defs").toString().replace("#/components/schemas/performance-tracking/$defs/", "#/$defs/"));
        assertEquals("#/components/schemas/performance-tracking",
                api.at("/paths/" + BASE.replace("/", "~1") + "~1render/post/requestBody/content/application~1json/schema/$ref").asString());
        assertEquals("string", api.at("/components/schemas/Verdict/properties/computed/additionalProperties/type").asString());
    }

    @Test
    void openApiDeclaresEveryStatusEachOperationCanAnswer() {
        JsonNode paths = json(TestServer.get("/openapi.json")).path("paths");
        assertEquals(List.of("200", "400", "404", "406", "408", "413", "415", "422", "503"),
                fieldNames(paths.path(BASE + "/render").path("post").path("responses")));
        assertEquals(List.of("200", "400", "404", "408", "413", "415", "422", "503"),
                fieldNames(paths.path(BASE + "/validate").path("post").path("responses")));
        assertEquals(List.of("200", "404"), fieldNames(paths.path(BASE + "/schema").path("get").path("responses")));
        // Each error response names the codes it carries.
        String unavailable = paths.at("/" + (BASE + "/render").replace("/", "~1") + "/post/responses/503/description").asString();
        assertTrue(unavailable.contains("overloaded") && unavailable.contains("render_timeout"), unavailable);
    }

    @Test
    void openApiDescribesThePdfOptionsAndTheBatch() {
        JsonNode paths = json(TestServer.get("/openapi.json")).path("paths");
        List<String> renderParameters = new ArrayList<>();
        paths.path(BASE + "/render").path("post").path("parameters").forEach(p -> renderParameters.add(p.path("name").asString()));
        assertEquals(List.of("format", "pdfa", "signatureFields"), renderParameters);
        JsonNode batch = paths.path("/api/v1/batch").path("post");
        List<String> batchParameters = new ArrayList<>();
        batch.path("parameters").forEach(p -> batchParameters.add(p.path("name").asString()));
        assertEquals(List.of("format", "include", "pdfa", "signatureFields"), batchParameters);
        JsonNode item = batch.at("/requestBody/content/application~1json/schema/properties/items/items/properties");
        List<String> formIds = new ArrayList<>();
        item.path("form").path("enum").forEach(id -> formIds.add(id.asString()));
        assertEquals(List.of("performance-target", "performance-tracking", "performance-monitoring", "performance-self-evaluation",
                "performance-self-evaluation-sichuan", "department-target", "department-self-evaluation"), formIds,
                "every form served, in its order");
        assertEquals("#/components/schemas/performance-target", item.at("/document/oneOf/0/$ref").asString());
        assertEquals(List.of("200", "400", "408", "413", "415", "422", "503"), fieldNames(batch.path("responses")));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    @Test
    void serviceKeepsServingAfterErrors() {
        for (int i = 0; i < 5; i++) {
            TestServer.post(BASE + "/render", "{".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(200, TestServer.get("/healthz").statusCode());
        assertEquals(200, TestServer.post(BASE + "/render", example()).statusCode());
    }
}
