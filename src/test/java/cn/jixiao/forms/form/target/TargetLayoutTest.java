package cn.jixiao.forms.form.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What only the target table's layout promises, on its example; the rest is the rendering contract. */
class TargetLayoutTest {
    private static final String FORM = "performance-target";

    private static byte[] render(OutputFormat format) {
        return render(TestServer.example(FORM), format);
    }

    private static byte[] render(byte[] document, OutputFormat format) {
        return TestServer.render(FORM, document, format).bytes();
    }

    /** Five projects of the example, the third (综合业务费) with its goal three times and its indicators four times over. */
    private static byte[] withAProjectLongerThanAPage() {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example(FORM));
        ArrayNode projects = (ArrayNode) document.at("/units/0/projects");
        ArrayNode five = Json.MAPPER.createArrayNode();
        for (int i = 4; i < 9; i++) {
            five.add(projects.get(i));
        }
        ObjectNode long_ = (ObjectNode) five.get(2);
        long_.put("goal", long_.get("goal").asString().repeat(3));
        ArrayNode indicators = (ArrayNode) long_.get("indicators");
        ArrayNode four = indicators.deepCopy();
        for (int i = 1; i < 4; i++) {
            four.addAll(indicators.deepCopy());
        }
        long_.set("indicators", four);
        ((ObjectNode) document.at("/units/0")).set("projects", five);
        return Json.MAPPER.writeValueAsBytes(document);
    }

    @Test
    void grandTotalRowIsTheSumOfAllProjects() {
        String text = PdfDigest.textWithPositions(render(OutputFormat.PDF));
        assertTrue(Pattern.compile("合计\\n.*48,863\\.32\\n.*14,599\\.07\\n.*34,264\\.25\\n").matcher(text).find(), text.substring(0, 1500));
        String docxText = DocxDigest.text(render(OutputFormat.DOCX));
        assertTrue(docxText.contains("合计\n\t48,863.32\n\t14,599.07\n\t\n\t34,264.25\n"), docxText.substring(0, 800));
    }

    @Test
    void everyPageIsLandscapeWithTheOrganisationAndUnit() {
        String[] pages = PdfDigest.textWithPositions(render(OutputFormat.PDF)).split("\\n== page ");
        assertTrue(pages.length > 2, "several pages");
        for (int i = 1; i < pages.length; i++) {
            String page = pages[i];
            assertTrue(page.contains("(842 x 595 pt)"), "A4 landscape: " + page.lines().findFirst().orElse(""));
            for (String expected : List.of("单位名称：广州市第十二人民医院", "单位：万元")) {
                assertTrue(page.contains(expected), "page " + page.lines().findFirst().orElse("") + " lacks " + expected);
            }
        }
    }

    @Test
    void everyPageStartsWithTheNameOfTheRowOnItAndALongProjectIsNamedAgainInBothFormats() {
        byte[] document = withAProjectLongerThanAPage();
        List<String> pages = PdfDigest.pageTexts(render(document, OutputFormat.PDF));
        assertTrue(pages.size() >= 3, pages.size() + " pages");
        int continued = 0;
        for (String page : pages) {
            // The cells are drawn in order: the first after the header is the name of the row the page starts with.
            String first = page.substring(page.indexOf("绩效指标") + "绩效指标".length()).strip();
            assertTrue(List.of("合计", "广州市第十二人民医院", "医疗业务支出", "办公、业务用房租赁经费", "综合业务费", "广州市第十二人")
                    .stream().anyMatch(first::startsWith), "a page starts with a project's text but not its name: " + first.lines().findFirst());
            continued += first.startsWith("综合业务费（续）") ? 1 : 0;
        }
        assertTrue(continued >= 1, "the long project goes on a new page, named again");
        byte[] docx = render(document, OutputFormat.DOCX);
        String text = DocxDigest.text(docx);
        assertEquals(continued, text.split("综合业务费（续）", -1).length - 1, "the same pieces in the DOCX");
        String body = DocxDigest.part(docx, "word/document.xml");
        // the 3 header rows, and each project's rows (5, and the long one's further pieces) kept whole
        assertEquals(3 + 5 + continued, body.split("<w:cantSplit/>", -1).length - 1);
    }
}
