package cn.jixiao.forms.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A merged cell marked {@code class="repeat"} that a page break cuts in two is split there, its label
 * printed again at the top of the new page (a 一级目标 running over two pages names itself on both).
 * Works on the XHTML between two layout passes: the first tells on which page each row starts.
 */
final class RepeatedCells {
    private RepeatedCells() {
    }

    /** The rows whose pages decide where repeatable cells split: those of sections holding one. */
    static Set<Element> rowsToWatch(Document xhtml) {
        Set<Element> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element cell : repeatableCells(xhtml)) {
            rows.addAll(rows((Element) cell.getParentNode().getParentNode()));
        }
        return rows;
    }

    /** Splits repeatable cells at every row that starts a page; true when anything was split. */
    static boolean split(Document xhtml, ToIntFunction<Element> pageOfRow) {
        boolean changed = false;
        List<Element> pending = new ArrayList<>(repeatableCells(xhtml));
        while (!pending.isEmpty()) {
            Element cell = pending.remove(0);
            Element row = (Element) cell.getParentNode();
            List<Element> rows = rows((Element) row.getParentNode());
            int first = rows.indexOf(row);
            int span = Math.min(span(cell), rows.size() - first);
            for (int k = 1; k < span; k++) {
                int before = pageOfRow.applyAsInt(rows.get(first + k - 1));
                int here = pageOfRow.applyAsInt(rows.get(first + k));
                if (here > before) {
                    List<Map<Element, Integer>> columns = columns(rows);
                    int column = columns.get(first).get(cell);
                    cell.setAttribute("rowspan", Integer.toString(k));
                    Element copy = (Element) cell.cloneNode(true);
                    copy.setAttribute("rowspan", Integer.toString(span - k));
                    insertAt(rows.get(first + k), copy, column, columns.get(first + k));
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
                if (Stylesheet.classesOf(cell).contains("repeat") && span(cell) > 1) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    private static void insertAt(Element row, Element cell, int column, Map<Element, Integer> columnsOfRow) {
        for (Node child = row.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element existing && columnsOfRow.containsKey(existing) && columnsOfRow.get(existing) > column) {
                row.insertBefore(cell, existing);
                return;
            }
        }
        row.appendChild(cell);
    }

    /** The logical column of every cell, row by row, taking earlier rowspans into account. */
    private static List<Map<Element, Integer>> columns(List<Element> rows) {
        List<Map<Element, Integer>> result = new ArrayList<>();
        Map<Integer, Map<Integer, Integer>> occupied = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<Element, Integer> columns = new HashMap<>();
            Map<Integer, Integer> taken = occupied.getOrDefault(r, Map.of());
            int column = 0;
            for (Node child = rows.get(r).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (!(child instanceof Element cell) || !(cell.getTagName().equals("td") || cell.getTagName().equals("th"))) {
                    continue;
                }
                while (taken.containsKey(column)) {
                    column += taken.get(column);
                }
                columns.put(cell, column);
                int colspan = attribute(cell, "colspan");
                for (int k = 1; k < span(cell); k++) {
                    occupied.computeIfAbsent(r + k, x -> new HashMap<>()).put(column, colspan);
                }
                column += colspan;
            }
            result.add(columns);
        }
        return result;
    }

    private static List<Element> rows(Element section) {
        List<Element> rows = new ArrayList<>();
        for (Node child = section.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element row && row.getTagName().equals("tr")) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static int span(Element cell) {
        return attribute(cell, "rowspan");
    }

    private static int attribute(Element cell, String name) {
        String value = cell.getAttribute(name).trim();
        return value.isEmpty() ? 1 : Math.max(1, Integer.parseInt(value));
    }
}
