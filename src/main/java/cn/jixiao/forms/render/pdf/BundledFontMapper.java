package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.FontLibrary;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Answers PDFBox's questions for a font it does not have with the bundled serif, instead of scanning and
 * caching every font installed on the host (which the standard fonts that openhtmltopdf sets up on every
 * render would otherwise start, costing seconds and a hundred megabytes). The forms use only bundled,
 * embedded fonts, so the answer only ever serves as metrics for fonts that are never drawn.
 */
final class BundledFontMapper implements FontMapper {
    private final FontLibrary fonts;

    BundledFontMapper(FontLibrary fonts) {
        this.fonts = fonts;
    }

    private TrueTypeFont serif() {
        return fonts.families().get(0).faces().get(0).font();
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(serif(), true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(serif(), true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, serif(), true);
    }
}
