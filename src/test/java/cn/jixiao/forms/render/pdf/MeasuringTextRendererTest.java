package cn.jixiao.forms.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.render.FontLibrary;
import com.openhtmltopdf.bidi.SimpleBidiReorderer;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/** Text widths from the cache are the library's own, to the unit, for every kind of text a form holds. */
class MeasuringTextRendererTest {
    private static final String TEXT = "项目支出绩效目标表（2026年度）一级指标 产出指标 ≥95% ① Ω, \u00ad软\u00ad连字符 ABC abc 123.45";
    /** Texts with characters the cut has, and with some it lacks (fallback), never printed (soft hyphen) . */
    private static final List<String> SAMPLES = List.of("", " ", "项目支出", "ABC abc 123.45", "一级\u00ad指标", "≥95% ①",
            "未见之字鬱", "\u00ad", "（2026年度）一级指标 产出指标 Ω, 软连字符 ABC abc 123.45 项目支出绩效目标表");

    @Test
    void widthsAreTheLibrarysOwn() throws Exception {
        FontLibrary fonts = FontLibrary.bundled();
        try (PDDocument document = new PDDocument()) {
            DocumentFonts faces = new DocumentFonts(fonts, document, TEXT);
            FontLibrary.Face face = fonts.families().get(0).faces().get(0);
            PDFont font = faces.font(face);
            // behind the cut, the whole face: a character the cut lacks is measured in it, as by a fallback
            PDFont whole = PDType0Font.load(document, face.font(), true);
            PdfBoxTextRenderer library = new PdfBoxTextRenderer();
            library.setup(null, new SimpleBidiReorderer());
            MeasuringTextRenderer cached = new MeasuringTextRenderer(faces::widths);
            cached.setup(null, new SimpleBidiReorderer());
            for (float size : new float[]{7.5f, 10.5f, 12f, 16f}) {
                PdfBoxFSFont fsFont = new PdfBoxFSFont(List.of(new FontDescription(font, IdentValue.NORMAL, 400),
                        new FontDescription(whole, IdentValue.NORMAL, 400)), size);
                for (String sample : SAMPLES) {
                    // twice: once filling the cache, once reading it
                    assertEquals(library.getWidth(null, fsFont, sample), cached.getWidth(null, fsFont, sample), sample + " at " + size);
                    assertEquals(library.getWidth(null, fsFont, sample), cached.getWidth(null, fsFont, sample), sample + " at " + size);
                }
            }
        }
    }
}
