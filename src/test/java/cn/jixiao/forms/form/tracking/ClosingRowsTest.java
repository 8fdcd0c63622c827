package cn.jixiao.forms.form.tracking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * However long the indicator list, the last page holds an indicator row with 需要说明的情况 and the
 * signature lines: a form is never left with only its signatures on a page.
 */
class ClosingRowsTest {

    /** Extra indicators that end the table near a page foot (found by sweeping 0 to 39). */
    @ParameterizedTest(name = "{0} extra indicators")
    @ValueSource(ints = {0, 3, 5, 7, 10, 20, 36, 38})
    void signaturesNeverStandAlone(int extra) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-tracking"));
        ArrayNode forms = (ArrayNode) document.get("forms");
        forms.remove(1);
        ArrayNode indicators = (ArrayNode) forms.get(0).get("indicators");
        for (int i = 0; i < extra; i++) {
            ObjectNode indicator = indicators.insertObject(6);
            indicator.put("level1", "效益指标").put("name", "附加指标" + i).put("annualTarget", "提升");
        }
        byte[] pdf = TestServer.render("performance-tracking", Json.MAPPER.writeValueAsBytes(document), OutputFormat.PDF).bytes();
        String text = PdfDigest.textWithPositions(pdf);
        String lastPage = text.substring(text.lastIndexOf("== page"));
        assertTrue(lastPage.contains("需要说明的情况") && lastPage.contains("填报日期"), lastPage);
        assertTrue(lastPage.contains("使用者满意度"), "the last indicator row goes with the signatures:\n" + lastPage);
    }
}
