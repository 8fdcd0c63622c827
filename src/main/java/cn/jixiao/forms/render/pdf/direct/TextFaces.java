package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which face sets a character: the first family of the style that has it at the nearest weight, else a fallback. */
final class TextFaces {
    private static final int MOST_KNOWN = 256;
    private final FontLibrary library;
    /** The candidates of each {@code font-family} as written, regular and bold: a character asks only whether each has it. */
    private final Map<String, List<FontLibrary.Face>> regular = new ConcurrentHashMap<>();
    private final Map<String, List<FontLibrary.Face>> bold = new ConcurrentHashMap<>();

    TextFaces(FontLibrary library) {
        this.library = library;
    }

    FontLibrary.Face face(TextStyle style, int codePoint) {
        return face(candidates(style), codePoint);
    }

    /** The face of the first candidate that has the character, else the first fallback that has it. */
    FontLibrary.Face face(List<FontLibrary.Face> candidates, int codePoint) {
        for (FontLibrary.Face face : candidates) {
            if (face.has(codePoint)) {
                return face;
            }
        }
        for (FontLibrary.Face fallback : library.fallbacks()) {
            if (fallback.has(codePoint)) {
                return fallback;
            }
        }
        return candidates.isEmpty() ? library.families().get(0).faces().get(0) : candidates.get(0);
    }

    /** The face of each family of the style that the library has, at the nearest weight, in the style's order. */
    List<FontLibrary.Face> candidates(TextStyle style) {
        Map<String, List<FontLibrary.Face>> known = style.bold() ? bold : regular;
        List<FontLibrary.Face> candidates = known.get(style.family());
        if (candidates == null) {
            List<FontLibrary.Face> faces = new ArrayList<>();
            for (String name : style.families()) {
                library.family(name).ifPresent(family -> faces.add(nearest(family.faces(), style.bold() ? 700 : 400)));
            }
            candidates = List.copyOf(faces);
            if (known.size() < MOST_KNOWN) {
                known.put(style.family(), candidates);
            }
        }
        return candidates;
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
