package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.Interrupts;
import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks a paragraph into lines at the opportunities openhtmltopdf's own breaker gives (between any two CJK
 * characters, never before closing punctuation or after opening), first fit; a word wider than the line breaks
 * between any two characters ({@code overflow-wrap: break-word}).
 */
final class LineBreaking {
    private LineBreaking() {
    }

    static List<Line> lines(Paragraph paragraph, float available, TextFaces faces) {
        paragraph.measure(faces);
        String text = paragraph.text.toString();
        float height = lineHeight(paragraph, faces);
        List<Line> lines = new ArrayList<>();
        FSTextBreaker breaker = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
        breaker.setText(text);
        int lineStart = 0;
        float width = 0;
        int position = 0;
        for (int next = breaker.next(); next != BreakIterator.DONE && next > position; next = breaker.next()) {
            Interrupts.check();
            boolean forced = text.charAt(next - 1) == '\n';
            int end = forced ? next - 1 : next;
            float visible = visibleWidth(paragraph, position, end);
            if (width + visible > available && position > lineStart) {
                lines.add(line(paragraph, lineStart, position, height, faces));
                lineStart = position;
                width = 0;
            }
            if (visible > available) {
                // Wider than a line alone: broken between characters, the last piece carried on.
                float run = 0;
                for (int i = position; i < end; i++) {
                    if (run + paragraph.advances[i] > available && i > lineStart) {
                        lines.add(line(paragraph, lineStart, i, height, faces));
                        lineStart = i;
                        run = 0;
                    }
                    run += paragraph.advances[i];
                }
                width = run;
            } else {
                width += advance(paragraph, position, end);
            }
            if (forced) {
                lines.add(line(paragraph, lineStart, end, height, faces));
                lineStart = next;
                width = 0;
            }
            position = next;
        }
        if (lineStart < text.length() || lines.isEmpty()) {
            lines.add(line(paragraph, lineStart, text.length(), height, faces));
        }
        return lines;
    }

    private static Line line(Paragraph paragraph, int start, int end, float height, TextFaces faces) {
        float raise = raise(paragraph, start, end, height, faces);
        return new Line(paragraph, start, end, visibleWidth(paragraph, start, end), height + raise, raise);
    }

    /**
     * How far the line's top rises above its text's for an inline box taller than the text leaves room for: a box
     * whose bottom sits on the baseline, or on the text's bottom ({@code vertical-align: text-bottom}), reaches
     * above the line's half-leading and ascent by the rest of its height (as openhtmltopdf sizes such a line box).
     */
    private static float raise(Paragraph paragraph, int start, int end, float height, TextFaces faces) {
        if (paragraph.boxHeights.isEmpty()) {
            return 0;
        }
        TextStyle style = paragraph.block;
        FaceMetrics metrics = FaceMetrics.of(faces.primary(style));
        float content = (metrics.ascent + metrics.descent) * style.size() / 1000f;
        float aboveBaseline = (height - content) / 2 + metrics.ascent * style.size() / 1000f;
        float descent = metrics.descent * style.size() / 1000f;
        float raise = 0;
        int box = 0;
        for (int i = 0; i < end; i++) {
            if (paragraph.text.charAt(i) != Paragraph.BOX) {
                continue;
            }
            if (i >= start) {
                float room = aboveBaseline + (paragraph.boxesOnTextBottom.get(box) ? descent : 0);
                raise = Math.max(raise, paragraph.boxHeights.get(box) - room);
            }
            box++;
        }
        return raise;
    }

    /** The width of characters without the spaces they end with, which hang past the line. */
    private static float visibleWidth(Paragraph paragraph, int start, int end) {
        int last = end;
        while (last > start && paragraph.text.charAt(last - 1) == ' ') {
            last--;
        }
        return advance(paragraph, start, last);
    }

    private static float advance(Paragraph paragraph, int start, int end) {
        float sum = 0;
        for (int i = start; i < end; i++) {
            sum += paragraph.advances[i];
        }
        return sum;
    }

    /** The block's line height; {@code normal} is its face's ascent and descent. */
    static float lineHeight(Paragraph paragraph, TextFaces faces) {
        TextStyle style = paragraph.block;
        if (style.lineHeight() > 0) {
            return style.lineHeight();
        }
        FaceMetrics metrics = FaceMetrics.of(faces.primary(style));
        return (metrics.ascent + metrics.descent) * style.size() / 1000f;
    }

    /** From the top of a line to its baseline: any room a tall inline box takes, half the leading, then the ascent. */
    static float baseline(Line line, TextFaces faces) {
        TextStyle style = line.paragraph().block;
        FaceMetrics metrics = FaceMetrics.of(faces.primary(style));
        float content = (metrics.ascent + metrics.descent) * style.size() / 1000f;
        return (line.height() - line.raise() - content) / 2 + metrics.ascent * style.size() / 1000f + line.raise();
    }
}
