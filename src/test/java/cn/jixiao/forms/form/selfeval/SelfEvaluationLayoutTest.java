package cn.jixiao.forms.form.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What only the self-evaluation form's layout promises, on its example; the rest is the rendering contract. */
class SelfEvaluationLayoutTest {
    private static final String FORM = "performance-self-evaluation";
    private static String pdf;
    private static List<String> pdfPages;
    private static String docx;

    @BeforeAll
    static void render() {
        byte[] bytes = TestServer.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes();
        pdf = PdfDigest.textWithPositions(bytes);
        pdfPages = PdfDigest.pageTexts(bytes).stream().map(Fidelity::normalise).toList();
        docx = Fidelity.normalise(DocxDigest.text(TestServer.render(FORM, TestServer.example(FORM), OutputFormat.DOCX).bytes()));
    }

    @Test
    void eachFirstLevelCellCarriesItsPointsAndNamesItselfAgainAfterAPageBreak() {
        assertTrue(pdfPages.get(0).contains("产出指标(50分)") && pdfPages.get(0).contains("效益指标(30分)"), pdfPages.get(0));
        // 效益指标 runs from page 1 onto page 2, where it is named again.
        assertTrue(pdfPages.get(1).contains("效益指标(30分)") && pdfPages.get(1).contains("满意度指标(10分)"), pdfPages.get(1));
        for (String label : List.of("产出指标(50分)", "效益指标(30分)", "满意度指标(10分)")) {
            assertTrue(docx.contains(label), label);
        }
    }

    @Test
    void totalRowPrintsTheWeightsAndTheScoreUnderTheirColumns() {
        Matcher total = Pattern.compile("(?m)^ *\\d+ +(\\d+) 总分\\n *(\\d+) +\\1 100\\n *(\\d+) +\\1 98\\.00$").matcher(pdf);
        assertTrue(total.find(), pdf);
        String page = pdf.substring(pdf.lastIndexOf("== page"));
        assertTrue(Math.abs(Integer.parseInt(total.group(2)) - x(page, "分值")) < 8, "100 under 分值");
        assertTrue(Math.abs(Integer.parseInt(total.group(3)) - x(page, "得分")) < 8, "98.00 under 得分");
        assertTrue(docx.contains("总分10098.00"), docx);
    }

    /** The x position of a text standing alone in the page's digest. */
    private static int x(String page, String text) {
        Matcher line = Pattern.compile("(?m)^ *(\\d+) +\\d+ " + Pattern.quote(text) + "$").matcher(page);
        assertTrue(line.find(), text + " in " + page);
        return Integer.parseInt(line.group(1));
    }

    @Test
    void eachSecondLevelIsPrintedOnceOverItsRows() {
        String all = String.join("", pdfPages);
        for (String level2 : List.of("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
                "可持续影响指标", "服务对象满意度指标")) {
            assertEquals(1, count(all, level2), level2 + " in the PDF");
            assertEquals(1, count(docx, level2), level2 + " in the DOCX");
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void fundsBlockHasItsDashesAndTheStatedFigures() {
        assertTrue(pdf.matches("(?s).*\\d+ 年度资金总额\\n.*43\\.20\\n.*43\\.20\\n.*37\\.24\\n.* 10\\n.* 86%\\n.* 9\\n.*"), pdf);
        assertEquals(6, count(pdfPages.get(0), "—"), "分值 and 得分 of the three 其中 rows");
    }

    /** Extra indicators that end the table near a page foot (found by sweeping 0 to 40). */
    @ParameterizedTest(name = "{0} extra indicators")
    @ValueSource(ints = {0, 10, 25, 26, 27, 33, 34, 40})
    void totalAndSignaturesNeverStandAlone(int extra) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example(FORM));
        ArrayNode indicators = (ArrayNode) document.at("/forms/0/indicators");
        for (int i = 0; i < extra; i++) {
            indicators.insertObject(24).put("level1", "效益指标").put("level2", "可持续影响").put("name", "附加指标" + i);
        }
        byte[] rendered = TestServer.render(FORM, Json.MAPPER.writeValueAsBytes(document), OutputFormat.PDF).bytes();
        String text = PdfDigest.textWithPositions(rendered);
        String lastPage = text.substring(text.lastIndexOf("== page"));
        assertTrue(lastPage.contains("总分") && lastPage.contains("填报日期"), lastPage);
        assertTrue(lastPage.contains("指标1学生满意度"), "the last indicator row goes with 总分:\n" + lastPage);
    }
}
