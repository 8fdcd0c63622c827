package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.css.Cascade;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Each table cell's lines, kept through the layout passes of one render. What changes between passes (a merged cell
 * split at a page break, a forced break before a row) leaves most cells as they were: a cell laid out again with the
 * same computed style and the same width is not broken into lines again. A copy made by a split is a new cell.
 */
final class CellContents {
    /** A cell's lines and their height, for the style and width they were broken at. */
    record Lines(List<Line> lines, float height) {
    }

    private record Measured(Map<String, String> computed, float available, Lines lines) {
    }

    private final Map<Element, Measured> cells = new IdentityHashMap<>();

    Lines of(Element cell, Map<String, String> computed, float available, Cascade cascade, TextFaces faces) {
        Measured known = cells.get(cell);
        if (known != null && known.available() == available && known.computed().equals(computed)) {
            return known.lines();
        }
        List<Line> lines = new ArrayList<>();
        float height = 0;
        for (Paragraph paragraph : Inlines.of(cell, computed, cascade)) {
            for (Line line : LineBreaking.lines(paragraph, available, faces)) {
                lines.add(line);
                height += line.height();
            }
        }
        Lines measured = new Lines(lines, height);
        cells.put(cell, new Measured(computed, available, measured));
        return measured;
    }
}
