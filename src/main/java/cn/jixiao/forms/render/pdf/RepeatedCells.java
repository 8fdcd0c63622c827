package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.XhtmlTables;
import cn.jixiao.forms.render.Xhtml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
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
    /**
     * Layouts after the one that shows the first split, at most, each only when the one before moved a split; the
     * last is taken as it is (mending seldom needs two).
     */
    private static final int MENDING_PASSES = 3;

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

    /**
     * Splits repeatable cells where the layout breaks them, lays the document out again, and mends what that
     * layout moved: a split can change where the engine breaks (a row that ran over the foot of a page may go to
     * the next one whole), leaving two pieces of one cell on the same page. Those are joined again, split at the
     * row that now starts the page ({@link #rejoin}), and the document laid out once more — at most
     * {@value #MENDING_PASSES} more times, each only when the one before moved a split.
     *
     * @return the last layout, or {@code first} when nothing needed splitting
     */
    public static <L> L settle(Document xhtml, L first, Function<L, ToIntFunction<Element>> pagesOf, Supplier<L> layOut) {
        List<Element> cells = repeatableCells(xhtml);
        Map<Element, Element> pieces = new LinkedHashMap<>();
        if (cells.isEmpty() || !split(cells, pagesOf.apply(first), pieces)) {
            return first;
        }
        L layout = layOut.get();
        for (int pass = 0; pass < MENDING_PASSES; pass++) {
            ToIntFunction<Element> pageOfRow = pagesOf.apply(layout);
            boolean mended = rejoin(pieces, pageOfRow);
            if (!split(cells, pageOfRow, pieces) && !mended) {
                break;
            }
            layout = layOut.get();
        }
        return layout;
    }

    /** Splits the document's repeatable cells as {@link #split(List, ToIntFunction, Map)}. */
    static boolean split(Document xhtml, ToIntFunction<Element> pageOfRow, Map<Element, Element> pieces) {
        return split(repeatableCells(xhtml), pageOfRow, pieces);
    }

    /**
     * Splits repeatable cells at every row that starts a page, noting each new piece against the one it continues
     * and adding it to {@code cells}; a piece joined again (out of the document) is passed over. True when anything
     * was split.
     */
    private static boolean split(List<Element> cells, ToIntFunction<Element> pageOfRow, Map<Element, Element> pieces) {
        boolean changed = false;
        List<Element> pending = new ArrayList<>(cells);
        while (!pending.isEmpty()) {
            Element cell = pending.remove(0);
            if (cell.getParentNode() == null) {
                continue;
            }
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
                    // a piece that continued this cell now continues its copy
                    pieces.replaceAll((later, earlier) -> earlier == cell ? copy : earlier);
                    pieces.put(copy, cell);
                    cells.add(copy);
                    pending.add(0, copy);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    /**
     * Where a piece now starts on the page its predecessor ends on, the two become one again, split instead at
     * the predecessor's first row on that page (or not at all when the whole predecessor moved there). A row that
     * now begins a page gets a forced break, to stay there once joined; a joined cell whose first row shares its
     * page with the row above gets none, nor does a table's first body row (a break there would leave the table's
     * header behind). True when anything was joined.
     */
    static boolean rejoin(Map<Element, Element> pieces, ToIntFunction<Element> pageOfRow) {
        boolean changed = false;
        for (Element piece : new ArrayList<>(pieces.keySet())) {
            Element before = pieces.get(piece);
            if (before == null || piece.getParentNode() == null) {
                continue;
            }
            List<Element> rows = XhtmlTables.rows((Element) before.getParentNode().getParentNode());
            int first = rows.indexOf((Element) before.getParentNode());
            int span = XhtmlTables.rowspan(before);
            int next = rows.indexOf((Element) piece.getParentNode());
            int page = pageOfRow.applyAsInt(rows.get(next));
            if (next != first + span || pageOfRow.applyAsInt(rows.get(next - 1)) < page) {
                continue;
            }
            int moved = 0;
            while (pageOfRow.applyAsInt(rows.get(first + moved)) < page) {
                moved++;
            }
            int total = span + XhtmlTables.rowspan(piece);
            int column = columnOf(before, XhtmlTables.slots(rows).get(first));
            piece.getParentNode().removeChild(piece);
            if (moved == 0) {
                before.setAttribute("rowspan", Integer.toString(total));
                pieces.remove(piece);
                pieces.replaceAll((later, earlier) -> earlier == piece ? before : earlier);
            } else {
                before.setAttribute("rowspan", Integer.toString(moved));
                piece.setAttribute("rowspan", Integer.toString(total - moved));
                insertAt(rows.get(first + moved), piece, column, XhtmlTables.slots(rows).get(first + moved));
            }
            Element starts = rows.get(first + moved);
            Element above = XhtmlTables.previousRow(starts);
            if (above != null && pageOfRow.applyAsInt(above) < pageOfRow.applyAsInt(starts)) {
                KeptRows.breakBefore(starts);
            }
            changed = true;
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
