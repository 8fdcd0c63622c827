package cn.jixiao.forms.render.pdf;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * openhtmltopdf's text renderer with text widths summed from a per-face cache ({@link GlyphWidths}) instead of
 * {@link PDFont#getStringWidth}, which encodes every string into a new byte array and boxes every glyph id. The
 * sum is the same floats added in the same order, so every width, and the layout, is the same; a text with a
 * character the font lacks goes the library's own way. Upstream, {@code PdfBoxTextRenderer.getWidth} would keep
 * such a cache per {@code PDFont}.
 */
final class MeasuringTextRenderer extends PdfBoxTextRenderer {
    /** As in {@code PdfBoxTextRenderer}: a width this close above a whole number is rounded down. */
    private static final float TEXT_MEASURING_DELTA = 0.01f;

    private final Function<PDFont, GlyphWidths.InDocument> widths;

    /** @param widths the cached widths of a font of this document, or null for a font not of ours */
    MeasuringTextRenderer(Function<PDFont, GlyphWidths.InDocument> widths) {
        this.widths = widths;
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        GlyphWidths.InDocument face = face((PdfBoxFSFont) font);
        if (face == null || string == null) {
            return super.getWidth(context, font, string);
        }
        float sum = 0;
        for (int i = 0; i < string.length(); ) {
            int codePoint = string.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == 0xAD || codePoint == 0xFFFC) {
                continue; // never printed (OpenUtil.isSafeFontCodePointToPrint)
            }
            float width = face.of(codePoint);
            if (Float.isNaN(width)) {
                return super.getWidth(context, font, string);
            }
            sum += width;
        }
        float result = sum / 1000f * font.getSize2D();
        return result - Math.floor(result) < TEXT_MEASURING_DELTA ? (int) result : (int) Math.ceil(result);
    }

    /** The first face of the font that is loaded, as the library picks it, when it is one of ours. */
    private GlyphWidths.InDocument face(PdfBoxFSFont font) {
        List<FontDescription> descriptions = font.getFontDescriptions();
        if (descriptions == null) {
            return null;
        }
        for (FontDescription description : descriptions) {
            PDFont loaded = description.getFont();
            if (loaded != null) {
                return widths.apply(loaded);
            }
        }
        return null;
    }
}
