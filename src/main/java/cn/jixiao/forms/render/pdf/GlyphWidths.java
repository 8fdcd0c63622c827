package cn.jixiao.forms.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The advance widths of one face's characters, in PDFBox's units (1/1000 em), kept for the life of the process:
 * every cut of a face gives a character the same glyph and so the same width. Asked through the font one
 * document embeds, which answers whether it has the character (its cmap, not an exception) and, the first time
 * any document asks, its width, as {@link PDFont#getStringWidth} would.
 */
final class GlyphWidths {
    /** Widths by code point of the Basic Multilingual Plane; NaN until first asked. Races write the same value. */
    private final float[] widths = new float[0x10000];

    GlyphWidths() {
        Arrays.fill(widths, Float.NaN);
    }

    /** The widths as one document's cut of the face has them. */
    InDocument in(PDType0Font font) {
        return new InDocument(font);
    }

    /** One document's font: which characters its cut has is read off its cmap once each. */
    final class InDocument {
        private final PDType0Font font;
        private final BitSet asked = new BitSet();
        private final BitSet present = new BitSet();

        private InDocument(PDType0Font font) {
            this.font = font;
        }

        /** The width of a character of this font, or NaN when the cut lacks it (or it is beyond the BMP). */
        float of(int codePoint) {
            if (codePoint >= widths.length) {
                return Float.NaN;
            }
            if (!asked.get(codePoint)) {
                asked.set(codePoint);
                if (font.getCmapLookup().getGlyphId(codePoint) != 0) {
                    present.set(codePoint);
                }
            }
            if (!present.get(codePoint)) {
                return Float.NaN;
            }
            float width = widths[codePoint];
            if (Float.isNaN(width)) {
                try {
                    width = font.getStringWidth(Character.toString(codePoint));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                widths[codePoint] = width;
            }
            return width;
        }
    }
}
