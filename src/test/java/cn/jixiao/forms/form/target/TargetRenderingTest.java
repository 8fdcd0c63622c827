package cn.jixiao.forms.form.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.DocxSchema;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.PageImages;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The target example (30 projects), rendered: pinned by approvals, and checked against the published form. */
class TargetRenderingTest {
    private static final String FORM = "performance-target";
    private static final String SEED = "target-table-guangzhou-12th-hospital.txt";
    private static byte[] pdf;
    private static byte[] docx;

    @BeforeAll
    static void render() {
        FormService service = TestServer.app().service();
        pdf = service.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes();
        docx = service.render(FORM, TestServer.example(FORM), OutputFormat.DOCX).bytes();
    }

    @Test
    void pdfTextWithPositions() {
        Approvals.verify(PdfDigest.textWithPositions(pdf));
    }

    @Test
    void pdfPages() {
        PageImages.verify("target", pdf);
    }

    @Test
    void docxDocument() {
        Approvals.verify(DocxDigest.pretty(DocxDigest.part(docx, "word/document.xml")),
                new Options().forFile().withExtension(".xml"));
    }

    @Test
    void docxIsValidWordprocessingMl() {
        assertEquals(List.of(), DocxSchema.errors(docx));
    }

    @Test
    void everyFragmentOfThePublishedFormIsInBothFiles() {
        Set<String> fragments = Fidelity.fragments(SEED);
        assertEquals(List.of(), Fidelity.missingSeparatorsAlike(fragments, PdfDigest.text(pdf)));
        assertEquals(List.of(), Fidelity.missingSeparatorsAlike(fragments, DocxDigest.text(docx)));
    }

    @Test
    void grandTotalRowIsTheSumOfAllProjects() {
        String text = PdfDigest.textWithPositions(pdf);
        assertTrue(Pattern.compile("合计\\n.*48,863\\.32\\n.*14,599\\.07\\n.*34,264\\.25\\n").matcher(text).find(), text.substring(0, 1500));
        String docxText = DocxDigest.text(docx);
        assertTrue(docxText.contains("合计\n\t48,863.32\n\t14,599.07\n\t\n\t34,264.25\n"), docxText.substring(0, 800));
    }

    @Test
    void everyPdfPageCarriesTheTitleBlockAndColumnHeader() {
        assertTitleBlockOnEveryPage(PdfDigest.textWithPositions(pdf));
    }

    static void assertTitleBlockOnEveryPage(String digest) {
        String[] pages = digest.split("\\n== page ");
        assertTrue(pages.length > 2, "several pages");
        for (int i = 1; i < pages.length; i++) {
            String page = pages[i];
            assertTrue(page.contains("(842 x 595 pt)"), "A4 landscape: " + page.lines().findFirst().orElse(""));
            for (String expected : List.of("项目支出绩效目标表（含转移支付项目）", "单位名称：广州市第十二人民医院", "单位：万元",
                    "项目名称（资金使用单位）", "总计", "财政拨款", "其他资金", "绩效目标", "绩效指标")) {
                assertTrue(page.contains(expected), "page " + page.lines().findFirst().orElse("") + " lacks " + expected);
            }
        }
    }

    @Test
    void docxPrintsThroughLibreOfficeWithTheTitleBlockOnEveryPage() {
        Office.assumeAvailable();
        byte[] printed = Office.toPdf(docx);
        assertTitleBlockOnEveryPage(PdfDigest.textWithPositions(printed));
        assertEquals(List.of(), Fidelity.missingSeparatorsAlike(Fidelity.fragments(SEED), PdfDigest.text(printed)));
    }

    @Test
    void everyPdfFontIsEmbeddedAsSubset() {
        for (String font : PdfDigest.fonts(pdf)) {
            assertTrue(font.endsWith("embedded subset"), font);
        }
    }

    @Test
    void sameDocumentSameBytes() {
        FormService service = TestServer.app().service();
        assertArrayEquals(pdf, service.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes());
        assertArrayEquals(docx, service.render(FORM, TestServer.example(FORM), OutputFormat.DOCX).bytes());
    }
}
