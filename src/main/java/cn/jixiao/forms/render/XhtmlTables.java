package cn.jixiao.forms.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How an XHTML table is put together, as both renderers read it: the rows of a row group, the cells of a
 * row, their spans, the row before across row groups, and the column each cell takes once rowspans from
 * rows above have taken theirs.
 */
public final class XhtmlTables {
    private XhtmlTables() {
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
