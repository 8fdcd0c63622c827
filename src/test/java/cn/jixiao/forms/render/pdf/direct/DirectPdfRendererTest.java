package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.FormService;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.bench.VariedDocuments;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.Samples;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The direct writer against openhtmltopdf on the example and documents that differ in their text of every form whose
 * {@code form.json} asks for the direct layout: the same pages, the same text lines on each, every glyph of a line
 * within half a point of its place. What the writer does beside that is tried on the tracking form.
 */
class DirectPdfRendererTest {
    private static final String FORM = "performance-tracking";
    private static final double TOLERANCE = 0.5;
    private static final FontLibrary FONTS = FontLibrary.bundled();
    private static final RenderBudget BUDGET = new RenderBudget(1000, 64 * 1024 * 1024);
    private static final PdfRenderer HTML = new PdfRenderer(FONTS, BUDGET);
    private static final DirectPdfRenderer DIRECT = new DirectPdfRenderer(FONTS, BUDGET, HTML);
    private static final RenderOptions OPTIONS = RenderOptions.titled("项目支出绩效跟踪表");

    /** Each form laid out directly: its example (number -1) and varied documents 0 … 23 (fewer in the quick tier). */
    static Stream<Arguments> documents() {
        List<String> direct = TestServer.app().service().forms().stream().filter(form -> form.definition().directPdfLayout())
                .map(RegisteredForm::id).toList();
        int each = Samples.eachOf(24, direct.size());
        return direct.stream().flatMap(form -> IntStream.range(-1, each).mapToObj(number -> Arguments.of(form, number)));
    }

    static byte[] document(String formId, int number) {
        if (number < 0) {
            return TestServer.example(formId);
        }
        FormService service = TestServer.app().service();
        RegisteredForm form = service.form(formId);
        return new VariedDocuments(form, service.forms()).documents(number, 1).get(0);
    }

    static byte[] document(int number) {
        return document(FORM, number);
    }

    static String markup(String formId, byte[] document) {
        FormService service = TestServer.app().service();
        return service.markup(service.form(formId), document);
    }

    static String markup(byte[] document) {
        return markup(FORM, document);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void laysOutAsOpenhtmltopdfDoes(String formId, int number) {
        String markup = markup(formId, document(formId, number));
        byte[] html = HTML.render(Xhtml.parse(markup, formId), OPTIONS).bytes();
        byte[] direct = DIRECT.render(Xhtml.parse(markup, formId), OPTIONS).bytes();
        LayoutDifferences differences = LayoutDifferences.of(html, direct, TOLERANCE);
        assertTrue(differences.none(), () -> formId + " document " + number + ": " + differences);
    }

    @Test
    void theComparisonSeesAGlyphMovedByMoreThanTheTolerance() {
        String markup = markup(document(-1));
        byte[] direct = DIRECT.render(Xhtml.parse(markup, FORM), OPTIONS).bytes();
        String moved = markup.replace("<table class=\"grid basics\">", "<table class=\"grid basics\" style=\"margin-top: 1pt\">");
        byte[] lower = DIRECT.render(Xhtml.parse(moved, FORM), OPTIONS).bytes();
        LayoutDifferences differences = LayoutDifferences.of(direct, lower, TOLERANCE);
        assertEquals(1.0, differences.largest(), 0.01);
        assertTrue(!differences.glyphs().isEmpty());
    }

    @Test
    void eachPageCarriesItsNumberAndTheCount() {
        Rendered rendered = DIRECT.render(Xhtml.parse(markup(document(-1)), FORM), OPTIONS);
        List<String> pages = PdfDigest.pageTexts(rendered.bytes());
        assertEquals(rendered.pages(), pages.size());
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).contains("第 " + (p + 1) + " 页 共 " + pages.size() + " 页"), pages.get(p));
        }
    }

    @Test
    void theSameDocumentGivesTheSameBytes() {
        String markup = markup(document(3));
        assertArrayEquals(DIRECT.render(Xhtml.parse(markup, FORM), OPTIONS).bytes(), DIRECT.render(Xhtml.parse(markup, FORM), OPTIONS).bytes());
    }

    /** Faces are cut on every render thread at once, with no lock of ours: the bytes are those of one at a time. */
    @Test
    void rendersAtOnceGiveTheBytesOfOneAtATime() throws Exception {
        List<String> markups = IntStream.range(0, 12).mapToObj(number -> markup(document(number))).toList();
        Renderer fresh = new DirectPdfRenderer(FONTS, BUDGET, HTML);
        List<byte[]> alone = markups.stream().map(markup -> fresh.render(Xhtml.parse(markup, FORM), OPTIONS).bytes()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> together = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String markup : markups) {
                    together.add(threads.submit(() -> fresh.render(Xhtml.parse(markup, FORM), OPTIONS).bytes()));
                }
            }
            for (int i = 0; i < together.size(); i++) {
                assertArrayEquals(alone.get(i % markups.size()), together.get(i).get(), "document " + i % markups.size());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anArchivalOrSignableFileIsLeftToOpenhtmltopdf() {
        List<RenderOptions> asked = new ArrayList<>();
        Renderer fallback = new Renderer() {
            @Override
            public OutputFormat format() {
                return OutputFormat.PDF;
            }

            @Override
            public Rendered render(Document xhtml, RenderOptions options) {
                asked.add(options);
                return new Rendered(new byte[0], 0);
            }
        };
        DirectPdfRenderer direct = new DirectPdfRenderer(FONTS, BUDGET, fallback);
        String markup = markup(document(-1));
        direct.render(Xhtml.parse(markup, FORM), new RenderOptions("t", RenderOptions.Archive.PDFA_2B, null, false));
        direct.render(Xhtml.parse(markup, FORM), new RenderOptions("t", RenderOptions.Archive.NONE, null, true));
        direct.render(Xhtml.parse(markup, FORM), OPTIONS);
        assertEquals(2, asked.size());
    }

    @Test
    void aCharacterOnlyAFallbackHasIsDrawnFromItsCutAndReadsBack() {
        String name = "𠮷野家𡈽信息化项目";
        String markup = markup(document(-1)).replace("闵行区肿瘤医院智慧医院基础业务系统建设项目", name);
        byte[] pdf = DIRECT.render(Xhtml.parse(markup, FORM), OPTIONS).bytes();
        assertTrue(PdfDigest.text(pdf).contains(name), "the name as typed, read back from the page");
        List<String> fonts = PdfDigest.fonts(pdf);
        assertEquals(3, fonts.size(), fonts.toString());
        assertTrue(fonts.stream().anyMatch(font -> font.matches("[A-Z]{6}\\+HanaMinB.* embedded subset")), fonts.toString());
    }

    /** Each embedded face holds .notdef and the glyphs of the characters its text shows, nothing more. */
    @Test
    void eachFaceEmbedsTheGlyphsItDrawsAndNoOthers() throws IOException {
        byte[] pdf = DIRECT.render(Xhtml.parse(markup(document(5)), FORM), OPTIONS).bytes();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage first = document.getPage(0);
            for (COSName name : first.getResources().getFontNames()) {
                PDType0Font font = (PDType0Font) first.getResources().getFont(name);
                TrueTypeFont embedded = ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont();
                Set<Integer> shown = new HashSet<>();
                for (PDPage page : document.getPages()) {
                    shown.addAll(codes(document, page, font));
                }
                assertEquals(shown.size() + 1, embedded.getNumberOfGlyphs(), font.getName());
                for (int cid : shown) {
                    assertTrue(font.toUnicode(cid) != null && !font.toUnicode(cid).isEmpty(), font.getName() + " CID " + cid);
                    assertTrue(font.getWidth(cid) > 0, font.getName() + " CID " + cid);
                }
            }
        }
    }

    /** The codes a page shows in the font, as PDFTextStripper reads them. */
    private static Set<Integer> codes(PDDocument document, PDPage page, PDType0Font font) {
        Set<Integer> codes = new HashSet<>();
        try {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    if (text.getFont().getName().equals(font.getName())) {
                        for (int code : text.getCharacterCodes()) {
                            codes.add(code);
                        }
                    }
                }
            };
            int number = document.getPages().indexOf(page) + 1;
            stripper.setStartPage(number);
            stripper.setEndPage(number);
            stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
