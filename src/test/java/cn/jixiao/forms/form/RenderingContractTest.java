package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.DocxSchema;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.PageImages;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What every registered form promises, checked on its example: both formats render, faithful to the
 * published form the example transcribes ({@code src/test/resources/seeds/<form-id>/}), pinned by approvals
 * of the XHTML both renderers receive, the PDF's text with positions, its page pictures and the DOCX's
 * {@code document.xml}. A new form type runs through all of it by being registered.
 */
class RenderingContractTest {
    private record Rendered(String xhtml, byte[] pdf, byte[] docx) {
    }

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    static Stream<String> forms() {
        return TestServer.app().service().forms().stream().map(RegisteredForm::id);
    }

    private static Rendered rendered(String formId) {
        return RENDERED.computeIfAbsent(formId, id -> {
            FormService service = TestServer.app().service();
            RegisteredForm form = service.form(id);
            byte[] example = TestServer.example(id);
            return new Rendered(service.markup(form, example), service.render(form, example, OutputFormat.PDF).bytes(),
                    service.render(form, example, OutputFormat.DOCX).bytes());
        });
    }

    private static Options named(String formId) {
        return new Options().forFile().withAdditionalInformation(formId);
    }

    @ParameterizedTest
    @MethodSource("forms")
    void xhtml(String formId) {
        Approvals.verify(rendered(formId).xhtml(), named(formId).forFile().withExtension(".xhtml"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void pdfTextWithPositions(String formId) {
        Approvals.verify(PdfDigest.textWithPositions(rendered(formId).pdf()), named(formId));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void pdfPages(String formId) {
        PageImages.verify(formId, rendered(formId).pdf());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void docxDocument(String formId) {
        Approvals.verify(DocxDigest.pretty(DocxDigest.part(rendered(formId).docx(), "word/document.xml")),
                named(formId).forFile().withExtension(".xml"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void docxIsValidWordprocessingMl(String formId) {
        assertEquals(List.of(), DocxSchema.errors(rendered(formId).docx()));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void docxFooterHasPageFieldsWithCachedValues(String formId) {
        String footer = DocxDigest.part(rendered(formId).docx(), "word/footer.xml");
        assertTrue(footer.contains("PAGE") && footer.contains("NUMPAGES"), footer);
        assertTrue(footer.matches("(?s).*fldCharType=\"separate\".*<w:t[^>]*>1</w:t>.*"), "cached field value");
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyFragmentOfThePublishedFormIsInBothFiles(String formId) {
        Set<String> fragments = Fidelity.fragments(formId);
        assertEquals(List.of(), Fidelity.missingSeparatorsAlike(fragments, PdfDigest.text(rendered(formId).pdf())), "PDF");
        assertEquals(List.of(), Fidelity.missingSeparatorsAlike(fragments, DocxDigest.text(rendered(formId).docx())), "DOCX");
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyPdfFontIsEmbeddedAsSubset(String formId) {
        List<String> fonts = PdfDigest.fonts(rendered(formId).pdf());
        assertFalse(fonts.isEmpty());
        for (String font : fonts) {
            assertTrue(font.endsWith("embedded subset"), font);
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyPdfPageCarriesTheTableHeader(String formId) {
        assertHeaderOnEveryPage(formId, rendered(formId).pdf());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void sameDocumentSameBytes(String formId) {
        FormService service = TestServer.app().service();
        byte[] example = TestServer.example(formId);
        assertArrayEquals(rendered(formId).pdf(), service.render(service.form(formId), example, OutputFormat.PDF).bytes());
        assertArrayEquals(rendered(formId).docx(), service.render(service.form(formId), example, OutputFormat.DOCX).bytes());
    }

    @Tag("office")
    @ParameterizedTest
    @MethodSource("forms")
    void docxPrintsThroughLibreOfficeLikeThePdf(String formId) {
        Office.assumeAvailable();
        byte[] printed = Office.toPdf(rendered(formId).docx());
        String pdfDigest = PdfDigest.textWithPositions(rendered(formId).pdf());
        String printedDigest = PdfDigest.textWithPositions(printed);
        assertEquals(pageSizes(pdfDigest), pageSizes(printedDigest), "same pages, same size and orientation");
        assertEquals(List.of(), Fidelity.missingSeparatorsAlike(Fidelity.fragments(formId), PdfDigest.text(printed)));
        assertHeaderOnEveryPage(formId, printed);
    }

    /** The text of every header cell ({@code thead th}) of the form's tables. */
    private static Set<String> headerTexts(String formId) {
        NodeList heads = Xhtml.parse(rendered(formId).xhtml(), formId).getElementsByTagName("thead");
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; i < heads.getLength(); i++) {
            NodeList cells = ((Element) heads.item(i)).getElementsByTagName("th");
            for (int j = 0; j < cells.getLength(); j++) {
                String text = cells.item(j).getTextContent().strip();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        assertFalse(texts.isEmpty(), formId + " has no table header");
        return texts;
    }

    private static void assertHeaderOnEveryPage(String formId, byte[] pdf) {
        Set<String> header = headerTexts(formId);
        List<String> pages = PdfDigest.pageTexts(pdf);
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(List.of(), Fidelity.missingSeparatorsAlike(header, pages.get(i)), "page " + (i + 1) + " lacks its header");
        }
    }

    private static List<String> pageSizes(String digest) {
        List<String> sizes = new ArrayList<>();
        digest.lines().filter(line -> line.startsWith("== page ")).forEach(sizes::add);
        return sizes;
    }
}
