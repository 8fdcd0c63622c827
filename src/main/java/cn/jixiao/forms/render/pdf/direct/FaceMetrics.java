package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TrueTypeFont;

/** A face's advance widths, ascent and descent in 1/1000 em, read from the whole font once and kept. */
final class FaceMetrics {
    private static final Map<FontLibrary.Face, FaceMetrics> KNOWN = new ConcurrentHashMap<>();

    private final FontLibrary.Face face;
    private final float scale;
    final float ascent;
    final float descent;
    /** Widths of the Basic Multilingual Plane, NaN until first asked. */
    private final float[] widths = new float[0x10000];
    /** Glyph numbers of the Basic Multilingual Plane in the whole font, -1 until first asked. */
    private final int[] glyphs = new int[0x10000];

    private FaceMetrics(FontLibrary.Face face) {
        this.face = face;
        Arrays.fill(widths, Float.NaN);
        Arrays.fill(glyphs, -1);
        TrueTypeFont font = face.font();
        synchronized (font) {
            try {
                scale = 1000f / font.getUnitsPerEm();
                ascent = font.getHorizontalHeader().getAscender() * scale;
                descent = -font.getHorizontalHeader().getDescender() * scale;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static FaceMetrics of(FontLibrary.Face face) {
        return KNOWN.computeIfAbsent(face, FaceMetrics::new);
    }

    /** The advance of a character in 1/1000 em. */
    float width(int codePoint) {
        if (codePoint < widths.length) {
            float known = widths[codePoint];
            if (!Float.isNaN(known)) {
                return known;
            }
        }
        float width = read(codePoint);
        if (codePoint < widths.length) {
            widths[codePoint] = width;
        }
        return width;
    }

    /** The character's glyph in the whole font, 0 (.notdef) for one it lacks. */
    int glyph(int codePoint) {
        if (codePoint < glyphs.length) {
            int known = glyphs[codePoint];
            if (known >= 0) {
                return known;
            }
        }
        int glyph;
        TrueTypeFont font = face.font();
        synchronized (font) {
            try {
                glyph = font.getUnicodeCmapLookup().getGlyphId(codePoint);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (codePoint < glyphs.length) {
            glyphs[codePoint] = glyph;
        }
        return glyph;
    }

    private float read(int codePoint) {
        TrueTypeFont font = face.font();
        // The whole font is parsed lazily by FontBox: one reader at a time.
        synchronized (font) {
            try {
                return font.getAdvanceWidth(glyph(codePoint)) * scale;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
