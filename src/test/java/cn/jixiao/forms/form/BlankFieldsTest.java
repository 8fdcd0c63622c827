package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What ordinary JSON libraries send for "no value", on every registered form: each optional field of the
 * example set to {@code null}, {@code ""} or white space renders in both formats; each required field so sent
 * is refused as required, every one named. The fields come from the form's own schema.
 */
class BlankFieldsTest {
    private static final String[] BLANKS = {"null", "\"\"", "\"  \\t \""};

    static Stream<String> forms() {
        return TestServer.app().service().forms().stream().map(RegisteredForm::id);
    }

    private static JsonNode schema(String formId) {
        return TestServer.app().service().form(formId).schemaJson();
    }

    /** The schema node of an object property, its {@code $ref} or nullable {@code anyOf} followed. */
    private static JsonNode resolve(JsonNode schema, JsonNode node) {
        for (int guard = 0; node != null && guard < 16; guard++) {
            if (node.has("$ref")) {
                node = schema.at(node.get("$ref").asString().substring(1));
            } else if (node.has("anyOf")) {
                node = node.get("anyOf").get(0);
            } else {
                return node;
            }
        }
        return node;
    }

    /**
     * Blanks every optional field of the document, or with {@code required} every required field that is no
     * object or array (in the first item of each array); returns their paths.
     */
    private static List<String> blank(JsonNode schema, JsonNode schemaNode, JsonNode value, String path, boolean required,
                                      int[] turn) {
        List<String> paths = new ArrayList<>();
        JsonNode rules = resolve(schema, schemaNode);
        if (value instanceof ObjectNode object && rules.has("properties")) {
            Set<String> names = new HashSet<>();
            rules.path("required").forEach(name -> names.add(name.asString()));
            for (Map.Entry<String, JsonNode> property : rules.path("properties").properties()) {
                String name = property.getKey();
                JsonNode child = object.get(name);
                JsonNode childRules = resolve(schema, property.getValue());
                boolean isRequired = names.contains(name);
                boolean container = childRules.has("properties") || childRules.has("items");
                if (child != null && container) {
                    paths.addAll(blank(schema, property.getValue(), child, path + "/" + name, required, turn));
                } else if (isRequired == required && (!isRequired || child != null)) {
                    object.set(name, Json.MAPPER.readTree(BLANKS[turn[0]++ % BLANKS.length]));
                    paths.add(path + "/" + name);
                }
            }
        } else if (value != null && value.isArray() && rules.has("items")) {
            // required fields: those of each first item suffice (and stay under the cap on listed errors)
            for (int i = 0; i < (required ? Math.min(1, value.size()) : value.size()); i++) {
                paths.addAll(blank(schema, rules.get("items"), value.get(i), path + "/" + i, required, turn));
            }
        }
        return paths;
    }

    @ParameterizedTest
    @MethodSource("forms")
    void optionalFieldsSentAsNullOrBlankRenderInBothFormats(String formId) {
        JsonNode document = Json.MAPPER.readTree(TestServer.example(formId));
        List<String> blanked = blank(schema(formId), schema(formId), document, "", false, new int[1]);
        assertFalse(blanked.isEmpty(), formId + " has optional fields");
        byte[] body = Json.MAPPER.writeValueAsBytes(document);
        for (String format : new String[]{"pdf", "docx"}) {
            HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/render?format=" + format, body);
            assertEquals(200, response.statusCode(), blanked + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void requiredFieldsSentAsNullOrBlankAreEachNamedAsRequired(String formId) {
        JsonNode document = Json.MAPPER.readTree(TestServer.example(formId));
        List<String> blanked = blank(schema(formId), schema(formId), document, "", true, new int[1]);
        assertFalse(blanked.isEmpty());
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/validate", Json.MAPPER.writeValueAsBytes(document));
        JsonNode verdict = Json.MAPPER.readTree(response.body());
        List<String> named = new ArrayList<>();
        verdict.path("errors").forEach(error -> {
            if (error.path("message").asString().startsWith("缺少必填项")) {
                named.add(error.path("path").asString());
            }
        });
        assertTrue(blanked.size() < Problems.MAX_DETAILS);
        assertTrue(named.containsAll(blanked), "each named as required: " + blanked + " vs " + named);
        assertFalse(verdict.toString().contains("null"), "no message speaks of null: " + verdict);
    }

    @Test
    void amountsMayCarryTheThousandsSeparatorsPrintedOnTheForms() {
        byte[] document = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/annualBudget",
                "\"1,323,379.00\"");
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/validate", document);
        JsonNode verdict = Json.MAPPER.readTree(response.body());
        assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
        assertTrue(verdict.path("warnings").toString().contains("1,323,379.00"), verdict.toString());
        assertEquals(new BigDecimal("1323379.00"), Json.MAPPER.readValue("\"1,323,379.00\"", BigDecimal.class));
    }

    @Test
    void theSchemasSayWhichFieldsMayBeNull() {
        JsonNode tracking = schema("performance-tracking");
        assertTrue(tracking.at("/$defs/form/properties/remarks/type").toString().contains("null"));
        assertFalse(tracking.at("/$defs/form/properties/projectName/type").toString().contains("null"));
        JsonNode target = schema("performance-target");
        assertTrue(target.at("/$defs/project/properties/total/type").toString().contains("null"));
        assertTrue(target.at("/properties/amountUnit/enum").toString().contains("null"));
    }
}
