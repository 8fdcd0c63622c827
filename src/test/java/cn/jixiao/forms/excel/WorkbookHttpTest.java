package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The workbook endpoints over HTTP: formats, media types, links, the OpenAPI description, the configured limits. */
class WorkbookHttpTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String IMPORT = "/api/v1/forms/performance-target/import";

    @ParameterizedTest
    @CsvSource({"pdf, application/pdf", "docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx, " + XLSX})
    void anImportRendersStraightAwayWithItsWarnings(String format, String mediaType) {
        HttpResponse<byte[]> response = TestServer.post(IMPORT + "?format=" + format, SeedWorkbook.xlsx(SeedWorkbook.rows()),
                "Content-Type", XLSX);
        assertEquals(200, response.statusCode());
        assertEquals(mediaType, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Integer.parseInt(response.headers().firstValue("X-Warning-Count").orElse("0")) > 0);
        assertTrue(response.headers().firstValue("X-Warnings").orElse("").contains("\"cell\":\"Sheet1!G"),
                "warnings carry their cells: " + response.headers().firstValue("X-Warnings"));
    }

    @Test
    void aWorkbookIsKnownByItsContentWhateverItIsDeclaredAs() throws Exception {
        byte[] workbook = SeedWorkbook.xlsx(SeedWorkbook.rows());
        assertEquals(200, TestServer.post(IMPORT, workbook, "Content-Type", "application/vnd.ms-excel").statusCode());
        HttpRequest undeclared = HttpRequest.newBuilder(TestServer.uri(IMPORT)).POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build();
        assertEquals(200, HttpClient.newHttpClient().send(undeclared, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    @Test
    void renderMakesAWorkbookWhenAcceptAsksForOne() {
        HttpResponse<byte[]> response = TestServer.send(HttpRequest.newBuilder(TestServer.uri("/api/v1/forms/performance-tracking/render"))
                .header("Content-Type", "application/json").header("Accept", XLSX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestServer.example("performance-tracking"))).build());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("performance-tracking.xlsx"));
    }

    /**
     * A workbook posted to another form's import with {@code ?anyForm=true} is read as the form it holds, and
     * the answer says which; without it, it is read as the form asked for.
     */
    @ParameterizedTest
    @MethodSource("cn.jixiao.forms.excel.RoundTripTest#forms")
    void aWorkbookOfAnotherFormIsReadAsTheFormItHolds(String formId) {
        List<String> forms = RoundTripTest.forms();
        String other = forms.get((forms.indexOf(formId) + 1) % forms.size());
        byte[] workbook = TestServer.post("/api/v1/forms/" + formId + "/render?format=xlsx", TestServer.example(formId)).body();
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + other + "/import?anyForm=true", workbook, "Content-Type", XLSX);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        assertEquals(formId, answer.path("form").asString(), "posted to " + other);
        assertEquals(0, answer.path("errors").size(), answer.path("errors").toString());
        HttpResponse<byte[]> asked = TestServer.post("/api/v1/forms/" + other + "/import", workbook, "Content-Type", XLSX);
        assertTrue(asked.statusCode() == 422 || Json.MAPPER.readTree(asked.body()).path("form").asString().equals(other),
                "without anyForm the form asked for is read, or the workbook refused");
    }

    @Test
    void unknownFormsAreNotFound() {
        assertEquals(404, TestServer.get("/api/v1/forms/no-such-form/template.xlsx").statusCode());
        assertEquals(404, TestServer.post("/api/v1/forms/no-such-form/import", new byte[]{1}, "Content-Type", XLSX).statusCode());
    }

    @Test
    void formsLinkTheirWorkbooks() {
        JsonNode form = Json.MAPPER.readTree(TestServer.get("/api/v1/forms/performance-target").body());
        assertEquals("/api/v1/forms/performance-target/template.xlsx", form.at("/links/template").asString());
        assertEquals(IMPORT, form.at("/links/import").asString());
    }

    @Test
    void openApiDescribesImportAndTemplateWithTheirErrors() {
        JsonNode api = Json.MAPPER.readTree(TestServer.get("/openapi.json").body());
        JsonNode imports = api.at("/paths/~1api~1v1~1forms~1{id}~1import/post");
        assertEquals("importWorkbook", imports.path("operationId").asString());
        assertEquals("[\"workbooks\"]", imports.path("tags").toString());
        assertTrue(imports.at("/requestBody/content").has(XLSX) && imports.at("/requestBody/content").has("application/vnd.ms-excel"));
        assertEquals("#/components/schemas/Imported", imports.at("/responses/200/content/application~1json/schema/$ref").asString());
        assertEquals("#/components/schemas/Document", api.at("/components/schemas/Imported/properties/document/$ref").asString());
        assertTrue(imports.at("/responses/400/description").asString().contains("unreadable_workbook"), imports.toString());
        assertTrue(imports.at("/responses/422/description").asString().contains("unsupported_workbook"));
        assertTrue(api.at("/components/parameters/format/schema/enum").toString().contains("xlsx"));
        assertTrue(api.at("/paths/~1api~1v1~1forms~1{id}~1template.xlsx/get/responses/200/content").has(XLSX));
        assertTrue(api.at("/components/schemas/Problem/properties").has("cell"));
        assertTrue(api.at("/components/responses/File/content").has(XLSX));
    }

    @ParameterizedTest
    @CsvSource({"JIXIAO_MAX_WORKBOOK_SHEETS, 0", "JIXIAO_MAX_WORKBOOK_SHEETS, many", "JIXIAO_MAX_WORKBOOK_ROWS, 9",
            "JIXIAO_MAX_WORKBOOK_ROWS, 2000000", "JIXIAO_MAX_WORKBOOK_CELLS, 99", "JIXIAO_MAX_WORKBOOK_CELLS, -1"})
    void badWorkbookLimitsStopTheStart(String variable, String value) {
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(variable, value)));
    }

    @Test
    void theConfiguredWorkbookLimitsApply() throws Exception {
        App small = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_WORKBOOK_CELLS", "200", "JIXIAO_MAX_WORKBOOK_ROWS", "50",
                "JIXIAO_MAX_WORKBOOK_SHEETS", "1"))).start(0);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + small.port() + IMPORT))
                    .header("Content-Type", XLSX).POST(HttpRequest.BodyPublishers.ofByteArray(SeedWorkbook.xlsx(SeedWorkbook.rows()))).build();
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertEquals(422, response.statusCode(), body.toString());
            assertEquals("limit_exceeded", body.at("/error/code").asString());
            assertEquals("JIXIAO_MAX_WORKBOOK_ROWS", body.at("/error/details/0/limit").asString(), body.toString());
            assertTrue(body.toString().contains("JIXIAO_MAX_WORKBOOK_CELLS"), body.toString());
        } finally {
            small.stop();
        }
    }
}
