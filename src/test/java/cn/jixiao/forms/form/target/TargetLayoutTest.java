package cn.jixiao.forms.form.target;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What only the target table's layout promises, on its example; the rest is the rendering contract. */
class TargetLayoutTest {
    private static final String FORM = "performance-target";

    private static byte[] render(OutputFormat format) {
        return TestServer.render(FORM, TestServer.example(FORM), format).bytes();
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
}
