package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.css.Border;
import java.util.ArrayList;
import java.util.List;

/** What one page shows, in points from its top left: runs of text on a baseline and ruled lines. */
final class PageContent {
    record Run(FontLibrary.Face face, float size, float x, float baseline, String text) {
    }

    record Rule(float x1, float y1, float x2, float y2, Border border) {
    }

    final List<Run> runs = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();

    /** A line of a paragraph, its left edge at {@code x} and its top at {@code top}, in runs of one face. */
    void line(Line line, float x, float top, TextFaces faces) {
        Paragraph p = line.paragraph();
        float baseline = top + LineBreaking.baseline(line, faces);
        float at = x;
        int i = line.start();
        while (i < line.end()) {
            char c = p.text.charAt(i);
            if (c == Paragraph.BOX || c == '\n') {
                at += p.advances[i++];
                continue;
            }
            FontLibrary.Face face = p.faces[i];
            TextStyle style = p.styles.get(i);
            int start = i;
            float runStart = at;
            while (i < line.end() && p.faces[i] == face && p.styles.get(i).size() == style.size()
                    && p.text.charAt(i) != Paragraph.BOX && p.text.charAt(i) != '\n') {
                at += p.advances[i++];
            }
            runs.add(new Run(face, style.size(), runStart, baseline, p.text.substring(start, i)));
        }
    }

    void rule(float x1, float y1, float x2, float y2, Border border) {
        if (border.style() != Border.Style.NONE && border.width() > 0) {
            rules.add(new Rule(x1, y1, x2, y2, border));
        }
    }
}
