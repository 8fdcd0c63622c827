package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.XhtmlTables;
import cn.jixiao.forms.render.Xhtml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A merged cell marked {@code class="repeat"} that a page break cuts in two is split there, its label
 * printed again at the top of the new page (a 一级目标 running over two pages names itself on both).
 * Works on the XHTML between two layout passes: the first tells on which page each row starts.
 */
public final class RepeatedCells {
    private RepeatedCells() {
    }

    /** The rows whose pages decide where repeatable cells split: those of sections holding one. */
    public static Set<Element> rowsToWatch(Document xhtml) {
        Set<Element> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element cell : repeatableCells(xhtml)) {
            rows.addAll(XhtmlTables.rows((Element) cell.getParentNode().getParentNode()));
        }
        return rows;
    }

    /** The rows that repeatable cells span: only their pages decide where the cells split. */
    static Set<Element> rowsSpanned(Document xhtml) {
        Set<Element> spanned = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element cell : repeatableCells(xhtml)) {
            List<Element> rows = XhtmlTables.rows((Element) cell.getParentNode().getParentNode());
            int first = rows.indexOf((Element) cell.getParentNode());
            spanned.addAll(rows.subList(first, Math.min(first + XhtmlTables.rowspan(cell), rows.size())));
        }
        return spanned;
    }

    /** Splits repeatable cells at every row that starts a page; true when anything was split. */
    public static boolean split(Document xhtml, ToIntFunction<Element> pageOfRow) {
        boolean changed = false;
        List<Element> pending = new ArrayList<>(repeatableCells(xhtml));
        while (!pending.isEmpty()) {
            Element cell = pending.remove(0);
            Element row = (Element) cell.getParentNode();
            List<Element> rows = XhtmlTables.rows((Element) row.getParentNode());
            int first = rows.indexOf(row);
            int span = Math.min(XhtmlTables.rowspan(cell), rows.size() - first);
            for (int k = 1; k < span; k++) {
                int before = pageOfRow.applyAsInt(rows.get(first + k - 1));
                int here = pageOfRow.applyAsInt(rows.get(first + k));
                if (here > before) {
                    List<List<XhtmlTables.Slot>> slots = XhtmlTables.slots(rows);
                    int column = columnOf(cell, slots.get(first));
                    cell.setAttribute("rowspan", Integer.toString(k));
                    Element copy = (Element) cell.cloneNode(true);
                    copy.setAttribute("rowspan", Integer.toString(span - k));
                    insertAt(rows.get(first + k), copy, column, slots.get(first + k));
                    pending.add(0, copy);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    private static List<Element> repeatableCells(Document xhtml) {
        List<Element> cells = new ArrayList<>();
        for (String tag : new String[]{"td", "th"}) {
            NodeList nodes = xhtml.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element cell = (Element) nodes.item(i);
                if (Xhtml.classes(cell).contains("repeat") && XhtmlTables.rowspan(cell) > 1) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    private static int columnOf(Element cell, List<XhtmlTables.Slot> slotsOfRow) {
        for (XhtmlTables.Slot slot : slotsOfRow) {
            if (!slot.continuation() && slot.cell() == cell) {
                return slot.column();
            }
        }
        throw new IllegalStateException("a cell not in its own row");
    }

    /** Before the first cell of the row that starts right of {@code column}, or at the end. */
    private static void insertAt(Element row, Element cell, int column, List<XhtmlTables.Slot> slotsOfRow) {
        for (XhtmlTables.Slot slot : slotsOfRow) {
            if (!slot.continuation() && slot.column() > column) {
                row.insertBefore(cell, slot.cell());
                return;
            }
        }
        row.appendChild(cell);
    }
}
