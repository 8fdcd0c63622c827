package cn.jixiao.forms.render;

import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How an XHTML table is put together, as every writer of a table reads it: its columns and rows across row
 * groups, the cells of a row, their spans, the row before across row groups, and the column each cell takes
 * once rowspans from rows above have taken theirs.
 */
public final class XhtmlTables {
    /** A column without a width of its own. */
    private static final String DEFAULT_COLUMN_WIDTH = "20mm";
    /** Lengths of columns are not font-relative by intent: em resolves against this. */
    private static final double NOMINAL_FONT_SIZE = 12;

    private XhtmlTables() {
    }

    /** A row of a table, whatever its group, with its computed declarations; {@code header}: of the {@code thead}, repeated atop every page. */
    public record Row(Element element, boolean header, Map<String, String> computed) {
    }

    /** The widths in points of a table's {@code <col>}s, in order; {@code computed} is the table's computed style. */
    public static List<Double> columnWidths(Element table, Map<String, String> computed, Cascade cascade) {
        List<Double> widths = new ArrayList<>();
        for (Element group : Xhtml.children(table, "colgroup")) {
            Map<String, String> groupStyle = cascade.compute(group, computed);
            Xhtml.children(group, "col").forEach(col -> widths.add(columnWidth(cascade.compute(col, groupStyle))));
        }
        return widths;
    }

    /** The rows of a table in order, across its row groups and rows outside any, each with its computed style. */
    public static List<Row> rows(Element table, Map<String, String> computed, Cascade cascade) {
        List<Row> rows = new ArrayList<>();
        for (Node child = table.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element section) {
                String tag = Xhtml.tag(section);
                switch (tag) {
                    case "thead", "tbody", "tfoot" -> {
                        Map<String, String> groupStyle = cascade.compute(section, computed);
                        rows(section).forEach(row -> rows.add(new Row(row, tag.equals("thead"), cascade.compute(row, groupStyle))));
                    }
                    case "tr" -> rows.add(new Row(section, false, cascade.compute(section, computed)));
                    default -> {
                    }
                }
            }
        }
        return rows;
    }

    /** The {@code width} of a column's computed style in points; 20 mm when it has none. */
    private static double columnWidth(Map<String, String> computed) {
        return Lengths.points(computed.getOrDefault("width", DEFAULT_COLUMN_WIDTH), NOMINAL_FONT_SIZE);
    }

    /**
     * One place in a row: a cell that starts there, or the continuation of a cell from a row above
     * ({@code continuation}), at its first column.
     */
    public record Slot(Element cell, int column, boolean continuation) {
    }

    /** The rows of a row group ({@code thead}, {@code tbody}, {@code tfoot}, or a table without groups). */
    public static List<Element> rows(Element section) {
        return Xhtml.children(section, "tr");
    }

    /** The {@code td} and {@code th} cells of a row. */
    public static List<Element> cells(Element row) {
        List<Element> result = new ArrayList<>();
        for (Node child = row.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (Xhtml.tag(element).equals("td") || Xhtml.tag(element).equals("th"))) {
                result.add(element);
            }
        }
        return result;
    }

    public static int rowspan(Element cell) {
        return span(cell, "rowspan");
    }

    public static int colspan(Element cell) {
        return span(cell, "colspan");
    }

    private static int span(Element cell, String attribute) {
        String value = cell.getAttribute(attribute).trim();
        return value.isEmpty() ? 1 : Math.max(1, Integer.parseInt(value));
    }

    /** The row before this one in its table, across {@code tbody} and {@code tfoot} groups; null for the first. */
    public static Element previousRow(Element row) {
        Element before = previousElement(row.getPreviousSibling(), "tr");
        if (before != null) {
            return before;
        }
        for (Node group = row.getParentNode().getPreviousSibling(); group != null; group = group.getPreviousSibling()) {
            if (group instanceof Element section && (Xhtml.tag(section).equals("tbody") || Xhtml.tag(section).equals("tfoot"))) {
                Element last = previousElement(section.getLastChild(), "tr");
                if (last != null) {
                    return last;
                }
            }
        }
        return null;
    }

    private static Element previousElement(Node from, String tag) {
        for (Node node = from; node != null; node = node.getPreviousSibling()) {
            if (node instanceof Element element && Xhtml.tag(element).equals(tag)) {
                return element;
            }
        }
        return null;
    }

    /**
     * The slots of each row in column order. A cell continued by a rowspan is listed in the rows below it
     * where the columns before it are filled; a continuation past a row's last cell is listed only when
     * it follows on without a gap.
     */
    public static List<List<Slot>> slots(List<Element> rows) {
        List<List<Slot>> result = new ArrayList<>(rows.size());
        Map<Integer, Map<Integer, Element>> continued = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<Integer, Element> fromAbove = continued.getOrDefault(r, Map.of());
            List<Slot> slots = new ArrayList<>();
            int column = 0;
            for (Element cell : cells(rows.get(r))) {
                column = continuations(fromAbove, column, slots);
                slots.add(new Slot(cell, column, false));
                for (int k = 1; k < rowspan(cell); k++) {
                    continued.computeIfAbsent(r + k, x -> new HashMap<>()).put(column, cell);
                }
                column += colspan(cell);
            }
            continuations(fromAbove, column, slots);
            result.add(slots);
        }
        return result;
    }

    private static int continuations(Map<Integer, Element> fromAbove, int column, List<Slot> slots) {
        int next = column;
        while (fromAbove.containsKey(next)) {
            Element origin = fromAbove.get(next);
            slots.add(new Slot(origin, next, true));
            next += colspan(origin);
        }
        return next;
    }
}
