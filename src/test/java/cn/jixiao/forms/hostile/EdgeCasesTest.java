package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Corners found in review: numeric codes, small limits, Accept with q=0 (time zones: DocxTimeZoneTest). */
class EdgeCasesTest {

    @Test
    void levelCodesWrittenAsDecimalNumbersAreTheCodes() {
        byte[] tracking = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/indicators/0/level1", "1.0");
        assertEquals(200, TestServer.post("/api/v1/forms/performance-tracking/render", tracking).statusCode());
        byte[] target = JsonEdit.edit(JsonEdit.edit(TestServer.example("performance-target"),
                "/units/0/projects/0/indicators/0/level1", "1.0"), "/units/0/projects/0/indicators/0/level2", "11.00");
        assertEquals(200, TestServer.post("/api/v1/forms/performance-target/render?format=docx", target).statusCode());
    }

    @Test
    void limitsBelowTheExamplesStillStartAndNameTheLimit() {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_FORMS", "2", "JIXIAO_MAX_INDICATORS", "5",
                "JIXIAO_MAX_FIELD_CHARS", "100"))).start(0);
        try {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
            ArrayNode projects = (ArrayNode) document.at("/units/0/projects");
            while (projects.size() > 2) {
                projects.remove(projects.size() - 1);
            }
            ObjectNode unit = ((ArrayNode) document.get("units")).addObject();
            unit.put("name", "第二单位");
            unit.set("projects", projects.deepCopy());
            HttpResponse<byte[]> response = OverloadTestClient.post(app, "/api/v1/forms/performance-target/validate",
                    Json.MAPPER.writeValueAsBytes(document));
            JsonNode verdict = Json.MAPPER.readTree(response.body());
            assertEquals(200, response.statusCode());
            JsonNode problem = verdict.at("/errors/0");
            assertEquals("/units", problem.path("path").asString(), verdict.toString());
            assertEquals("JIXIAO_MAX_FORMS", problem.path("limit").asString());
        } finally {
            app.stop();
        }
    }

    @Test
    void acceptWithQZeroRefusesThatFormat() {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/render",
                TestServer.example("performance-tracking"), "Accept",
                "application/pdf;q=0, application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                response.headers().firstValue("Content-Type").orElse(""));
    }
}
