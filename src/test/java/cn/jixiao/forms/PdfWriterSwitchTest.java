package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import cn.jixiao.forms.render.pdf.direct.DirectPdfRenderer;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JIXIAO_PDF_WRITER=direct lays out the forms the direct layout was checked on by it, and only those. */
class PdfWriterSwitchTest {
    private static final FontLibrary FONTS = FontLibrary.bundled();

    /** The service's PDF of a form's example, and the same laid out by {@code renderer} alone. */
    private static void assertLaidOutBy(Renderer renderer, FormService service, String form) {
        RegisteredForm registered = service.form(form);
        FormService.RenderedFile file = service.render(registered, TestServer.example(form), OutputFormat.PDF);
        String title = file.fileName().substring(0, file.fileName().length() - ".pdf".length());
        String markup = service.markup(registered, TestServer.example(form));
        assertArrayEquals(renderer.render(Xhtml.parse(markup, form), RenderOptions.titled(title)).bytes(), file.bytes(), form);
    }

    /** Each form's example: by the direct writer where its form.json asks for the direct layout, else by openhtmltopdf. */
    @Test
    void switchedOnTheFormsThatAskForTheDirectLayoutAreLaidOutDirectlyAndTheOthersByOpenhtmltopdf() {
        FormService service = new App(Config.fromEnvironment(Map.of("JIXIAO_PDF_WRITER", "direct"))).service();
        var budget = new RenderBudget(1000, 64 * 1024 * 1024);
        PdfRenderer html = new PdfRenderer(FONTS, budget);
        DirectPdfRenderer direct = new DirectPdfRenderer(FONTS, budget, html);
        List<String> asking = service.forms().stream().filter(f -> f.definition().directPdfLayout()).map(RegisteredForm::id).toList();
        assertTrue(asking.contains("performance-tracking"), "the forms whose form.json asks for the direct layout: " + asking);
        assertTrue(asking.size() < service.forms().size(), "some form is still laid out by openhtmltopdf: " + asking);
        for (RegisteredForm form : service.forms()) {
            assertLaidOutBy(asking.contains(form.id()) ? direct : html, service, form.id());
        }
    }

    @Test
    void offByDefault() {
        assertEquals(Config.PdfWriter.OPENHTMLTOPDF, Config.defaults().pdfWriter());
        FormService service = new App(Config.defaults()).service();
        assertLaidOutBy(new PdfRenderer(FONTS, new RenderBudget(1000, 64 * 1024 * 1024)), service, "performance-tracking");
    }

    @Test
    void anUnknownWriterIsRefusedAtStartNamingTheVariable() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("JIXIAO_PDF_WRITER", "fast")));
        assertTrue(refused.getMessage().contains("JIXIAO_PDF_WRITER"), refused.getMessage());
    }
}
