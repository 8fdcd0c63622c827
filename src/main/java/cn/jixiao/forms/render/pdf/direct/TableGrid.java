package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.XhtmlTables;
import cn.jixiao.forms.render.css.Border;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A table of fixed layout with collapsed borders, measured: the columns from its {@code <col>}s, each cell's
 * lines, and the height of each row before pagination (a cell spanning rows lengthens the last of them).
 */
final class TableGrid {
    record Cell(Element element, int row, int rowspan, float x, float width, float[] padding, Border[] borders,
                List<Line> lines, float contentHeight, float minHeight, boolean middle) {
        /** The height the cell asks of its rows: its content and padding, or its {@code height} with padding, and half of each border. */
        float height() {
            return (float) (contentTop() + Math.max(contentHeight, minHeight - padding[0] - padding[2]) + padding[2] + borders[2].width() / 2);
        }

        /** Below a line, the room the cell keeps above the bottom of a page: its padding and bottom border. */
        float roomBelow() {
            return (float) (padding[2] + borders[2].width());
        }

        /** Above a line carried to a new page, the room the cell keeps below the repeated header: padding and top border. */
        float roomAbove() {
            return (float) (padding[0] + borders[0].width());
        }

        float contentTop() {
            return (float) (borders[0].width() / 2 + padding[0]);
        }
    }

    record Row(Element element, boolean header, boolean avoidInside, boolean breakBefore, Element group, boolean groupAvoid) {
    }

    private static final String[] SIDES = {"top", "right", "bottom", "left"};
    private static final String[] PADDINGS = {"padding-top", "padding-right", "padding-bottom", "padding-left"};

    final List<Row> rows = new ArrayList<>();
    final List<List<Cell>> starting = new ArrayList<>();
    final List<List<Cell>> ending = new ArrayList<>();
    final float[] heights;
    final boolean paginate;

    TableGrid(Element table, Map<String, String> computed, Cascade cascade, float left, TextFaces faces, CellContents contents) {
        paginate = computed.getOrDefault("-fs-table-paginate", "").equals("paginate");
        List<Double> widths = XhtmlTables.columnWidths(table, computed, cascade);
        float[] columnX = new float[widths.size() + 1];
        columnX[0] = left;
        for (int i = 0; i < widths.size(); i++) {
            columnX[i + 1] = columnX[i] + widths.get(i).floatValue();
        }
        List<XhtmlTables.Row> tableRows = XhtmlTables.rows(table, computed, cascade);
        List<Element> elements = new ArrayList<>();
        for (XhtmlTables.Row row : tableRows) {
            Element group = (Element) row.element().getParentNode();
            Map<String, String> groupStyle = group == table ? Map.of() : cascade.cascaded(group);
            Map<String, String> own = cascade.cascaded(row.element());
            rows.add(new Row(row.element(), row.header(), avoids(row.computed()), "always".equals(own.get("page-break-before")),
                    group, avoids(groupStyle)));
            elements.add(row.element());
            starting.add(new ArrayList<>());
            ending.add(new ArrayList<>());
        }
        heights = new float[rows.size()];
        List<List<XhtmlTables.Slot>> slots = XhtmlTables.slots(elements);
        for (int r = 0; r < rows.size(); r++) {
            for (XhtmlTables.Slot slot : slots.get(r)) {
                if (slot.continuation()) {
                    continue;
                }
                Cell cell = cell(slot, r, tableRows.get(r).computed(), cascade, columnX, faces, contents);
                starting.get(r).add(cell);
                int last = Math.min(rows.size(), r + cell.rowspan()) - 1;
                if (cell.rowspan() == 1) {
                    heights[r] = Math.max(heights[r], cell.height());
                } else {
                    ending.get(last).add(cell);
                }
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            for (Cell cell : ending.get(r)) {
                float spanned = 0;
                for (int k = cell.row(); k <= r; k++) {
                    spanned += heights[k];
                }
                heights[r] += Math.max(0, cell.height() - spanned);
            }
        }
    }

    /**
     * A length as openhtmltopdf holds it: a whole number of its dots, 20 to a CSS pixel (3/80 pt), rounded — a
     * padding of 1.2 mm is 91 dots, a border of 0.5 pt 13; unrounded, every row of a long table is 1/4 dot short.
     */
    static float onDots(double points) {
        return (float) (Math.round(points * 80 / 3) * 3 / 80.0);
    }

    private static boolean avoids(Map<String, String> style) {
        return "avoid".equals(style.get("page-break-inside"));
    }

    private static Cell cell(XhtmlTables.Slot slot, int row, Map<String, String> rowStyle, Cascade cascade, float[] columnX,
                             TextFaces faces, CellContents contents) {
        Element element = slot.cell();
        Map<String, String> computed = cascade.compute(element, rowStyle);
        float size = (float) Lengths.points(computed.getOrDefault("font-size", "12pt"), 12);
        float[] padding = new float[4];
        Border[] borders = new Border[4];
        for (int i = 0; i < 4; i++) {
            padding[i] = onDots(Lengths.points(computed.getOrDefault(PADDINGS[i], "0"), size));
            Border border = Border.of(computed, SIDES[i]);
            borders[i] = new Border(border.style(), onDots(border.width()), border.color());
        }
        int last = Math.min(columnX.length - 1, slot.column() + XhtmlTables.colspan(element));
        float x = columnX[slot.column()];
        float width = columnX[last] - x;
        float available = (float) (width - padding[1] - padding[3] - borders[1].width() / 2 - borders[3].width() / 2);
        CellContents.Lines content = contents.of(element, computed, available, cascade, faces);
        float minHeight = (float) Lengths.points(computed.getOrDefault("height", "0"), size);
        return new Cell(element, row, XhtmlTables.rowspan(element), x, width, padding, borders, content.lines(), content.height(), minHeight,
                computed.getOrDefault("vertical-align", "baseline").equals("middle"));
    }
}
