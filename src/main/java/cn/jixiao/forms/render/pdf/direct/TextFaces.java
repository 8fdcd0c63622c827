package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import java.util.List;

/** Which face sets a character: the first family of the style that has it at the nearest weight, else a fallback. */
final class TextFaces {
    private final FontLibrary library;

    TextFaces(FontLibrary library) {
        this.library = library;
    }

    FontLibrary.Face face(TextStyle style, int codePoint) {
        FontLibrary.Face first = null;
        for (String name : style.families()) {
            var family = library.family(name);
            if (family.isEmpty()) {
                continue;
            }
            FontLibrary.Face face = nearest(family.get().faces(), style.bold() ? 700 : 400);
            if (first == null) {
                first = face;
            }
            if (face.has(codePoint)) {
                return face;
            }
        }
        for (FontLibrary.Face fallback : library.fallbacks()) {
            if (fallback.has(codePoint)) {
                return fallback;
            }
        }
        return first != null ? first : library.families().get(0).faces().get(0);
    }

    /** The face that sets the style's lines: its ascent and descent place the baseline. */
    FontLibrary.Face primary(TextStyle style) {
        return face(style, '中');
    }

    private static FontLibrary.Face nearest(List<FontLibrary.Face> faces, int weight) {
        FontLibrary.Face best = faces.get(0);
        for (FontLibrary.Face face : faces) {
            if (!face.italic() && Math.abs(face.weight() - weight) < Math.abs(best.weight() - weight)) {
                best = face;
            }
        }
        return best;
    }
}
