package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI description as a generator and a linter read it: every route, named, tagged, its errors declared. */
class OpenApiContractTest {
    private static final String FORM = "/api/v1/forms/{id}";
    private static final List<String> FORMS = List.of("performance-target", "performance-tracking", "performance-monitoring",
            "performance-self-evaluation", "performance-self-evaluation-sichuan", "department-target", "department-self-evaluation");

    private static JsonNode api() {
        return Json.MAPPER.readTree(TestServer.get("/openapi.json").body());
    }

    private static JsonNode operation(JsonNode api, String path, String method) {
        return api.path("paths").path(path).path(method);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    @Test
    void everyRouteIsDescribedWithAStableOperationId() {
        JsonNode api = api();
        assertTrue(api.path("openapi").asString().startsWith("3.1"));
        List<String> operations = new ArrayList<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> operations.add(method.getKey() + " " + path.getKey() + " " + method.getValue().path("operationId").asString())));
        assertEquals(List.of("get /healthz getHealth", "get /metrics getMetrics", "get /openapi.json getOpenApi",
                "get /api/v1/forms listForms", "get " + FORM + " describeForm", "get " + FORM + "/schema getFormSchema",
                "get " + FORM + "/example getFormExample", "post " + FORM + "/validate validateForm",
                "post " + FORM + "/render renderForm", "post " + FORM + "/derive deriveForm",
                "post " + FORM + "/page renderPagePicture", "post " + FORM + "/import importWorkbook",
                "get " + FORM + "/template.xlsx getWorkbookTemplate", "post /api/v1/batch renderBatch"), operations);
        List<String> ids = new ArrayList<>();
        api.at("/components/schemas/FormId/enum").forEach(id -> ids.add(id.asString()));
        assertEquals(FORMS, ids, "every form served, in its order: the path parameter's values");
    }

    @Test
    void everyOperationHasATagOfTheDeclaredOnesAndA4xxAnswer() {
        JsonNode api = api();
        Set<String> tags = new HashSet<>();
        api.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
        assertEquals(Set.of("forms", "workbooks", "batch", "operations"), tags);
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey() + " " + path.getKey();
            assertEquals(1, operation.path("tags").size(), where);
            assertTrue(tags.contains(operation.path("tags").get(0).asString()), where);
            assertTrue(fieldNames(operation.path("responses")).stream().anyMatch(status -> status.startsWith("4")), where);
            assertFalse(operation.path("summary").asString().isBlank(), where);
        }));
    }

    @Test
    void infoNamesLicenceContactAndServer() {
        JsonNode api = api();
        assertFalse(api.at("/info/license/name").asString().isBlank());
        assertFalse(api.at("/info/contact/name").asString().isBlank());
        assertTrue(api.at("/info/description").asString().contains("项目支出绩效跟踪表"), "the forms served are named");
        assertEquals("{scheme}://{host}", api.at("/servers/0/url").asString());
        assertEquals("localhost:7070", api.at("/servers/0/variables/host/default").asString());
    }

    @Test
    void documentBodiesCarryEveryFormsSchemaAndExample() {
        JsonNode api = api();
        assertEquals("#/components/requestBodies/Document", operation(api, FORM + "/render", "post").at("/requestBody/$ref").asString());
        assertEquals("#/components/requestBodies/Document", operation(api, FORM + "/derive", "post").at("/requestBody/$ref").asString());
        JsonNode body = api.at("/components/requestBodies/Document/content/application~1json");
        assertEquals("#/components/schemas/Document", body.at("/schema/$ref").asString());
        List<String> documents = new ArrayList<>();
        api.at("/components/schemas/Document/anyOf").forEach(ref -> documents.add(ref.path("$ref").asString()));
        assertEquals(FORMS.stream().map(id -> "#/components/schemas/" + id).toList(), documents);
        assertEquals(FORMS, fieldNames(body.path("examples")));
        // Each example is the one the service serves, whole.
        assertEquals(Json.MAPPER.readTree(TestServer.example("performance-tracking")),
                api.at("/components/examples/performance-tracking/value"));
    }

    @Test
    void theSchemasAreTheOnesTheServiceValidatesWith() {
        JsonNode api = api();
        JsonNode schema = api.at("/components/schemas/performance-tracking");
        assertEquals("#/components/schemas/performance-tracking-form", schema.at("/properties/forms/items/$ref").asString());
        assertTrue(schema.path("$defs").isMissingNode(), "each definition stands under a name of its own");
        // The very schema the service validates with: references re-rooted, and mixed enums one choice per type.
        JsonNode served = Json.MAPPER.readTree(TestServer.get("/api/v1/forms/performance-tracking/schema").body()).path("$defs");
        served.properties().forEach(definition -> {
            ObjectNode expected = (ObjectNode) Json.MAPPER.readTree(definition.getValue().toString()
                    .replace("\"#/$defs/", "\"#/components/schemas/performance-tracking-"));
            OpenApi.splitMixedEnums(expected);
            assertEquals(expected, api.at("/components/schemas/performance-tracking-" + definition.getKey()), definition.getKey());
        });
        assertEquals("string", api.at("/components/schemas/Verdict/properties/computed/additionalProperties/type").asString());
    }

    @Test
    void aMixedEnumKeepsEveryValueUnderItsType() {
        JsonNode served = Json.MAPPER.readTree(TestServer.get("/api/v1/forms/performance-tracking/schema").body())
                .at("/$defs/indicator/properties/level1");
        JsonNode split = api().at("/components/schemas/performance-tracking-indicator/properties/level1");
        assertTrue(served.path("type").isArray(), "the served schema allows the code as a number or a string");
        Set<JsonNode> before = new HashSet<>();
        served.path("enum").forEach(before::add);
        Set<JsonNode> after = new HashSet<>();
        split.path("anyOf").forEach(choice -> choice.path("enum").forEach(value -> {
            assertEquals(choice.path("type").asString(), value.isString() ? "string" : "integer", value.toString());
            after.add(value);
        }));
        assertEquals(before, after);
        assertEquals(served.path("maxLength"), split.at("/anyOf/0/maxLength"));
    }

    @Test
    void everyStatusAnOperationCanAnswerIsDeclared() {
        JsonNode api = api();
        assertEquals(List.of("200", "400", "404", "406", "408", "413", "415", "422", "503"),
                fieldNames(operation(api, FORM + "/render", "post").path("responses")));
        assertEquals(List.of("200", "400", "404", "408", "413", "415", "422", "503"),
                fieldNames(operation(api, FORM + "/validate", "post").path("responses")));
        assertEquals(List.of("200", "400", "404", "408", "413", "415", "422", "503"),
                fieldNames(operation(api, FORM + "/derive", "post").path("responses")));
        assertEquals(List.of("200", "404"), fieldNames(operation(api, FORM + "/schema", "get").path("responses")));
        assertEquals(List.of("200", "400"), fieldNames(operation(api, "/api/v1/forms", "get").path("responses")));
        assertEquals(List.of("200", "400", "503"), fieldNames(operation(api, "/healthz", "get").path("responses")));
        // Each error response names the codes it carries.
        String unavailable = operation(api, FORM + "/render", "post").at("/responses/503/description").asString();
        assertTrue(unavailable.contains("overloaded") && unavailable.contains("render_timeout"), unavailable);
    }

    @Test
    void thePdfOptionsAndTheBatchAreDescribed() {
        JsonNode api = api();
        List<String> renderParameters = new ArrayList<>();
        operation(api, FORM + "/render", "post").path("parameters").forEach(p -> renderParameters.add(p.path("$ref").asString()));
        assertEquals(List.of("#/components/parameters/formId", "#/components/parameters/format", "#/components/parameters/pdfa",
                "#/components/parameters/signatureFields"), renderParameters);
        JsonNode batch = operation(api, "/api/v1/batch", "post");
        List<String> batchParameters = new ArrayList<>();
        batch.path("parameters").forEach(p -> batchParameters.add(p.has("$ref") ? p.path("$ref").asString() : p.path("name").asString()));
        assertEquals(List.of("format", "include", "#/components/parameters/pdfa", "signatureFields"), batchParameters);
        JsonNode item = api.at("/components/schemas/Batch/properties/items/items/properties");
        assertEquals("#/components/schemas/FormId", item.at("/form/$ref").asString());
        assertEquals("#/components/schemas/Document", item.at("/document/$ref").asString());
        assertEquals(List.of("200", "400", "408", "413", "415", "422", "503"), fieldNames(batch.path("responses")));
        JsonNode from = operation(api, FORM + "/derive", "post").path("parameters").get(1);
        assertEquals("from", from.path("name").asString());
        assertTrue(from.path("required").asBoolean());
    }
}
