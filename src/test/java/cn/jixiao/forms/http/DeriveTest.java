package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project carried from one form to the next: {@code POST /api/v1/forms/{to}/derive?from={from}} fills in what
 * carries, as each receiving form's folder declares, and says what is left to fill in; once that is filled in, the
 * derived document validates.
 */
class DeriveTest {

    private static JsonNode derive(String to, String from, byte[] body) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + to + "/derive?from=" + from, body);
        assertEquals(200, response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(response.body());
    }

    private static void valid(String form, JsonNode document) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + form + "/validate", Json.MAPPER.writeValueAsBytes(document));
        JsonNode verdict = Json.MAPPER.readTree(response.body());
        assertTrue(verdict.path("valid").asBoolean(), verdict.path("errors").toString());
    }

    /** Fills in what people would, form by form, then checks the document validates. */
    private static void filledInValidates(String form, JsonNode document, Consumer<ObjectNode> fill) {
        document.path("forms").forEach(each -> fill.accept((ObjectNode) each));
        valid(form, document);
    }

    @Test
    void eachProjectOfATargetTableBecomesATrackingForm() {
        JsonNode derived = derive("performance-tracking", "performance-target", TestServer.example("performance-target"));
        JsonNode forms = derived.path("document").path("forms");
        assertEquals(30, forms.size(), "one form a project");
        JsonNode first = forms.get(0);
        assertEquals("业务补助经费财政补助项目", first.path("projectName").asString());
        assertEquals("广州市第十二人民医院", first.path("budgetUnit").asString());
        assertEquals(0, first.path("annualBudget").decimalValue().compareTo(new java.math.BigDecimal("48098900")),
                "4,809.89 万元 in 元: " + first.path("annualBudget"));
        assertEquals("公立医院医疗服务收入占比|产出指标|>21%", first.path("indicators").get(0).path("name").asString() + "|"
                + first.path("indicators").get(0).path("level1").asString() + "|" + first.path("indicators").get(0).path("annualTarget").asString());
        List<String> toFill = paths(derived, "/forms/0/");
        assertEquals(List.of("/forms/0/trackingPeriod", "/forms/0/executedAmount"), toFill);
        filledInValidates("performance-tracking", derived.path("document"), form -> {
            form.putObject("trackingPeriod").put("start", "2024-01-01").put("end", "2024-06-30");
            form.put("executedAmount", "1000.00");
        });
    }

    @Test
    void eachProjectOfATargetTableBecomesASelfEvaluationWithItsIndicatorsByName() {
        byte[] target = TestServer.example("performance-target");
        JsonNode derived = derive("performance-self-evaluation", "performance-target", target);
        JsonNode forms = derived.path("document").path("forms");
        assertEquals(30, forms.size());
        JsonNode first = forms.get(0);
        assertEquals("广州市第十二人民医院|广州市第十二人民医院", first.path("department").asString() + "|" + first.path("implementingUnit").asString());
        assertEquals("4809.89", first.at("/funds/fiscal/annualBudget").decimalValue().toPlainString());
        assertEquals("产出指标|数量指标|>21%", first.at("/indicators/0/level1").asString() + "|" + first.at("/indicators/0/level2").asString()
                + "|" + first.at("/indicators/0/target").asString(), "levels by name, the 年度指标值 as the target");
        assertTrue(first.path("goals").path("expected").asString().startsWith("通过业务补助经费项目的实施"));
        assertTrue(paths(derived, "/forms/0/").contains("/forms/0/year"), derived.path("warnings").toString());
        filledInValidates("performance-self-evaluation", derived.path("document"), form -> {
            form.put("year", 2024);
            ((ObjectNode) form.path("funds").path("fiscal")).put("executed", "1.00");
            form.path("indicators").forEach(row -> ((ObjectNode) row).put("actual", "完成").put("weight", 1).put("score", 1));
        });
    }


    @Test
    void eachProjectOfATargetTableBecomesAMonitoringForm() {
        JsonNode derived = derive("performance-monitoring", "performance-target", TestServer.example("performance-target"));
        JsonNode forms = derived.path("document").path("forms");
        assertEquals(30, forms.size(), "one form a project");
        JsonNode first = forms.get(0);
        assertEquals("业务补助经费财政补助项目|广州市第十二人民医院|广州市第十二人民医院", first.path("projectName").asString() + "|"
                + first.path("department").asString() + "|" + first.path("implementingUnit").asString());
        assertEquals("4809.89", first.at("/funds/fiscal/initialBudget").decimalValue().toPlainString(), "财政拨款 as the 年初预算数");
        assertTrue(first.at("/goals/annual").asString().startsWith("通过业务补助经费项目的实施"), first.path("goals").toString());
        assertEquals("产出指标|数量指标|公立医院医疗服务收入占比|>21%", first.at("/indicators/0/level1").asString() + "|"
                + first.at("/indicators/0/level2").asString() + "|" + first.at("/indicators/0/name").asString() + "|"
                + first.at("/indicators/0/target").asString(), "levels by name, the 年度指标值 as the target");
        assertEquals(List.of("/forms/0/year"), paths(derived, "/forms/0/"), derived.path("warnings").toString());
        filledInValidates("performance-monitoring", derived.path("document"), form -> {
            form.put("year", 2024);
            ((ObjectNode) form.path("funds").path("fiscal")).put("executed", "2000.00").put("expectedAnnual", "4809.89");
            form.path("indicators").forEach(row -> ((ObjectNode) row).put("progress", "按计划推进").put("likelihood", "确定能"));
        });
    }

    @Test
    void aMonitoringFormBecomesItsSelfEvaluation() {
        byte[] monitoring = TestServer.example("performance-monitoring");
        JsonNode source = Json.MAPPER.readTree(monitoring).path("forms").get(0);
        JsonNode derived = derive("performance-self-evaluation", "performance-monitoring", monitoring);
        JsonNode forms = derived.path("document").path("forms");
        assertEquals(Json.MAPPER.readTree(monitoring).path("forms").size(), forms.size(), "one form a form");
        JsonNode first = forms.get(0);
        assertEquals(source.path("year").asInt(), first.path("year").asInt());
        assertEquals(source.path("projectName").asString() + "|" + source.path("department").asString() + "|"
                + source.path("implementingUnit").asString(), first.path("projectName").asString() + "|"
                + first.path("department").asString() + "|" + first.path("implementingUnit").asString());
        assertEquals(0, source.at("/funds/fiscal/initialBudget").decimalValue().compareTo(first.at("/funds/fiscal/initialBudget").decimalValue()));
        assertEquals(0, source.at("/funds/fiscal/initialBudget").decimalValue().compareTo(first.at("/funds/fiscal/annualBudget").decimalValue()),
                "the 年初预算数 stands as the 全年预算数 until the year's adjustments are filled in");
        assertTrue(first.at("/funds/fiscal/executed").isMissingNode(), "1-N月执行数 is not the year's: " + first.path("funds"));
        assertEquals(source.path("indicators").size(), first.path("indicators").size());
        assertEquals(source.at("/indicators/0/name").asString() + "|" + source.at("/indicators/0/target").asString(),
                first.at("/indicators/0/name").asString() + "|" + first.at("/indicators/0/target").asString());
        assertEquals(source.at("/goals/annual").isMissingNode(), paths(derived, "/forms/0/").contains("/forms/0/goals/expected"),
                "a goal the 监控表 left blank is asked for: " + derived.path("warnings"));
        filledInValidates("performance-self-evaluation", derived.path("document"), form -> {
            if (form.path("goals").path("expected").isMissingNode()) {
                ((ObjectNode) form.path("goals")).put("expected", "完成年度目标");
            }
            ((ObjectNode) form.path("funds").path("fiscal")).put("executed", "200.00");
            form.path("indicators").forEach(row -> ((ObjectNode) row).put("actual", "完成").put("weight", 1).put("score", 1));
        });
    }


    @Test
    void aUnitInYuanIsCarriedInWan() throws Exception {
        ObjectNode target = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
        target.put("amountUnit", "元");
        JsonNode derived = derive("performance-self-evaluation", "performance-target", Json.MAPPER.writeValueAsBytes(target));
        assertEquals("0.48", derived.at("/document/forms/0/funds/fiscal/annualBudget").decimalValue().toPlainString(),
                "4,809.89 元 is 0.48 万元, to the fen of a 万元 column");
    }

    @Test
    void aFormThatCannotBeMadeFromAnotherSaysFromWhichItCan() {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-target/derive?from=performance-tracking",
                TestServer.example("performance-tracking"));
        assertEquals(404, response.statusCode());
        assertEquals("not_derivable", Json.MAPPER.readTree(response.body()).at("/error/code").asString());
        HttpResponse<byte[]> noFrom = TestServer.post("/api/v1/forms/performance-tracking/derive", TestServer.example("performance-target"));
        assertEquals(400, noFrom.statusCode());
        HttpResponse<byte[]> broken = TestServer.post("/api/v1/forms/performance-tracking/derive?from=performance-target",
                "{\"organization\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, broken.statusCode(), "the source is checked as any document");
        assertTrue(Json.MAPPER.readTree(TestServer.get("/api/v1/forms/performance-self-evaluation").body()).path("derivableFrom").toString()
                .contains("performance-target"));
    }

    private static List<String> paths(JsonNode derived, String prefix) {
        List<String> paths = new ArrayList<>();
        derived.path("warnings").forEach(w -> {
            if (w.path("path").asString().startsWith(prefix) && w.path("message").asString().startsWith("待填写")) {
                paths.add(w.path("path").asString());
            }
        });
        return paths;
    }
}
