package cn.jixiao.forms.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A department's 目标表 carried into its 监控表s in one batch request: an item made from another form's document. */
class DerivedBatchTest {

    private static byte[] item(String form, String from, JsonNode fill) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode item = root.putArray("items").addObject().put("form", form).put("from", from);
        item.set("document", Json.MAPPER.readTree(TestServer.example(from)));
        if (fill != null) {
            item.set("fill", fill);
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static List<String> paths(HttpResponse<byte[]> refused) {
        List<String> paths = new ArrayList<>();
        Json.MAPPER.readTree(refused.body()).at("/error/details").forEach(p -> paths.add(p.path("path").asString()));
        return paths;
    }

    @Test
    void aTargetTableBecomesItsMonitoringFormsInOnePdfWithTheYearFilledInOnce() throws IOException {
        ObjectNode fill = Json.MAPPER.createObjectNode().put("year", 2025).put("months", 6);
        HttpResponse<byte[]> response = TestServer.post("/api/v1/batch?format=pdf",
                item("performance-monitoring", "performance-target", fill));
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertEquals(30, text.split("项目支出绩效目标执行监控表", -1).length - 1, "one 监控表 a project of the 目标表");
            assertTrue(text.contains("（2025年度）"), "the year filled in once, on every form");
            assertTrue(text.contains("1-6月执行数"), "the period filled in once");
            assertTrue(text.contains("业务补助经费财政补助项目"), "the projects carried");
        }
    }

    @Test
    void whatTheMadeFormsStillLackIsNamedWithWhereToFillItIn() {
        HttpResponse<byte[]> refused = TestServer.post("/api/v1/batch", item("performance-monitoring", "performance-target", null));
        assertEquals(422, refused.statusCode());
        assertTrue(paths(refused).contains("/items/0/derived/forms/0/year"), paths(refused).toString());
        String message = Json.MAPPER.readTree(refused.body()).at("/error/details/0/message").asString();
        assertTrue(message.contains("fill"), message);
    }

    @Test
    void aSourceThatIsWrongIsRefusedAtItsPlaceInTheSource() {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(item("performance-monitoring", "performance-target",
                Json.MAPPER.createObjectNode().put("year", 2025)));
        ((ObjectNode) root.at("/items/0/document/units/0/projects/0")).put("fiscalAppropriation", "一千");
        HttpResponse<byte[]> refused = TestServer.post("/api/v1/batch", Json.MAPPER.writeValueAsBytes(root));
        assertEquals(422, refused.statusCode());
        assertEquals(List.of("/items/0/document/units/0/projects/0/fiscalAppropriation"), paths(refused));
    }

    @Test
    void aFormThatCannotBeMadeFromTheOtherOrAFillWithoutFromIsRefusedAtThatField() {
        HttpResponse<byte[]> wrongWay = TestServer.post("/api/v1/batch", item("performance-target", "performance-tracking", null));
        assertEquals(422, wrongWay.statusCode());
        assertEquals(List.of("/items/0/from"), paths(wrongWay));
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(BatchTest.batch("performance-tracking"));
        ((ObjectNode) root.at("/items/0")).putObject("fill").put("year", 2025);
        HttpResponse<byte[]> fillAlone = TestServer.post("/api/v1/batch", Json.MAPPER.writeValueAsBytes(root));
        assertEquals(422, fillAlone.statusCode());
        assertEquals(List.of("/items/0/from"), paths(fillAlone));
        ObjectNode fillNotAnObject = (ObjectNode) Json.MAPPER.readTree(item("performance-monitoring", "performance-target", null));
        ((ObjectNode) fillNotAnObject.at("/items/0")).put("fill", "2025");
        HttpResponse<byte[]> wrongFill = TestServer.post("/api/v1/batch", Json.MAPPER.writeValueAsBytes(fillNotAnObject));
        assertEquals(422, wrongFill.statusCode());
        assertEquals(List.of("/items/0/fill"), paths(wrongFill));
        ((ObjectNode) fillNotAnObject.at("/items/0")).put("from", "no-such-form").remove("fill");
        HttpResponse<byte[]> noSuchForm = TestServer.post("/api/v1/batch", Json.MAPPER.writeValueAsBytes(fillNotAnObject));
        assertEquals(422, noSuchForm.statusCode());
        assertEquals(List.of("/items/0/from"), paths(noSuchForm));
    }
}
