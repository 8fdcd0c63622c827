package cn.jixiao.forms.form.tracking;

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
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracking example, rendered: pinned by approvals, and checked against the published form. */
class TrackingRenderingTest {
    private static final String FORM = "performance-tracking";
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
        PageImages.verify("tracking", pdf);
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
    void docxFooterHasPageFieldsWithCachedValues() {
        String footer = DocxDigest.part(docx, "word/footer.xml");
        assertTrue(footer.contains("PAGE") && footer.contains("NUMPAGES"), footer);
        assertTrue(footer.matches("(?s).*fldCharType=\"separate\".*<w:t[^>]*>1</w:t>.*"), "cached field value");
    }

    @Test
    void everyFragmentOfThePublishedFormIsInThePdf() {
        Set<String> fragments = Fidelity.fragments("tracking-table-minhang-cancer-hospital.txt");
        assertEquals(List.of(), Fidelity.missing(fragments, PdfDigest.text(pdf)));
    }

    @Test
    void everyFragmentOfThePublishedFormIsInTheDocx() {
        Set<String> fragments = Fidelity.fragments("tracking-table-minhang-cancer-hospital.txt");
        assertEquals(List.of(), Fidelity.missing(fragments, DocxDigest.text(docx)));
    }

    @Test
    void onePdfFormPerProjectEachFromANewPage() {
        String text = PdfDigest.textWithPositions(pdf);
        // Both titles stand at the top of a page.
        assertTrue(text.matches("(?s).*== page 1 \\([^)]*\\)\\n\\s*\\d+\\s+\\d+ 闵行区肿瘤医院智慧医院基础业务系统建设项目\\n.*"), text);
        assertTrue(text.matches("(?s).*== page 2 \\([^)]*\\)\\n\\s*\\d+\\s+\\d+ 医疗设备购置补贴\\n.*"), text);
    }

    @Test
    void everyPdfFontIsEmbeddedAsSubset() {
        List<String> fonts = PdfDigest.fonts(pdf);
        assertTrue(fonts.size() >= 2, fonts.toString());
        for (String font : fonts) {
            assertTrue(font.endsWith("embedded subset"), font);
        }
    }

    @Test
    void sameDocumentSameBytes() {
        FormService service = TestServer.app().service();
        assertArrayEquals(pdf, service.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes());
        assertArrayEquals(docx, service.render(FORM, TestServer.example(FORM), OutputFormat.DOCX).bytes());
    }

    @Test
    void docxPrintsThroughLibreOfficeLikeThePdf() {
        Office.assumeAvailable();
        byte[] printed = Office.toPdf(docx);
        String text = PdfDigest.textWithPositions(printed);
        assertEquals(PdfDigest.textWithPositions(pdf).lines().findFirst(), text.lines().findFirst(), "same number of pages");
        assertTrue(text.contains("(595 x 842 pt)"), "A4 portrait");
        Set<String> fragments = Fidelity.fragments("tracking-table-minhang-cancer-hospital.txt");
        assertEquals(List.of(), Fidelity.missing(fragments, PdfDigest.text(printed)));
        // The indicator header repeats on the page the second form's table continues on.
        String lastPage = text.substring(text.lastIndexOf("== page"));
        assertTrue(lastPage.contains("主要跟踪指标") && lastPage.contains("一级目标") && lastPage.contains("纠偏措施"), lastPage);
        assertTrue(lastPage.contains("填报日期"), lastPage);
    }

    @Test
    void mergedLevelCellRepeatsItsLabelOnTheNextPage() {
        // The second form's 产出指标 runs from page 2 onto page 3: page 3 names it again.
        String text = PdfDigest.textWithPositions(pdf);
        String page3 = text.substring(text.indexOf("== page 3"));
        assertTrue(page3.contains("产出指标"), page3);
    }
}
