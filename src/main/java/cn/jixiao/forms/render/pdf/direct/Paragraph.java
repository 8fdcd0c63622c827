package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's inline content as one string: {@code '\n'} a forced break, {@code U+FFFC} an inline box of its own
 * width; each character with its style, and once measured its face and advance in points.
 */
final class Paragraph {
    static final char BOX = '\uFFFC';

    final TextStyle block;
    final StringBuilder text = new StringBuilder();
    final List<TextStyle> styles = new ArrayList<>();
    final List<Float> boxWidths = new ArrayList<>();
    /** Each box's height, and whether its bottom sits at the text's bottom ({@code text-bottom}) or on the baseline. */
    final List<Float> boxHeights = new ArrayList<>();
    final List<Boolean> boxesOnTextBottom = new ArrayList<>();
    FontLibrary.Face[] faces;
    float[] advances;

    Paragraph(TextStyle block) {
        this.block = block;
    }

    void append(char c, TextStyle style) {
        text.append(c);
        styles.add(style);
    }

    void box(float width, float height, boolean onTextBottom, TextStyle style) {
        append(BOX, style);
        boxWidths.add(width);
        boxHeights.add(height);
        boxesOnTextBottom.add(onTextBottom);
    }

    boolean collapsibleSpaceAtEnd() {
        int last = text.length() - 1;
        return last >= 0 && text.charAt(last) == ' ' && !styles.get(last).preWrap();
    }

    /** Picks a face for each character and measures it. */
    void measure(TextFaces faces) {
        int n = text.length();
        this.faces = new FontLibrary.Face[n];
        this.advances = new float[n];
        int box = 0;
        // a paragraph's characters come in runs of one style and one face: each looked up once a run
        TextStyle runStyle = null;
        List<FontLibrary.Face> candidates = List.of();
        FontLibrary.Face runFace = null;
        FaceMetrics metrics = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            TextStyle style = styles.get(i);
            if (c == BOX) {
                advances[i] = boxWidths.get(box++);
            } else if (c != '\n') {
                int cp = Character.isHighSurrogate(c) && i + 1 < n ? text.codePointAt(i) : c;
                if (style != runStyle) {
                    runStyle = style;
                    candidates = faces.candidates(style);
                }
                FontLibrary.Face face = faces.face(candidates, cp);
                if (face != runFace) {
                    runFace = face;
                    metrics = FaceMetrics.of(face);
                }
                this.faces[i] = face;
                advances[i] = metrics.width(cp) * style.size() / 1000f;
                if (Character.charCount(cp) == 2) {
                    this.faces[++i] = face;
                }
            }
        }
    }
}
