package cn.jixiao.forms.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.Xhtml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Which rows decide where a repeatable cell splits (those it spans, not the rest of its section), where it splits,
 * and how a split the next layout moved is mended.
 */
class RepeatedCellsTest {
    private static final String TABLE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><table><tbody>"
            + "<tr id=\"a\"><td class=\"repeat\" rowspan=\"2\">产出指标</td><td>数量</td></tr>"
            + "<tr id=\"b\"><td>质量</td></tr>"
            + "<tr id=\"c\"><td>效益指标</td><td>社会</td></tr>"
            + "<tr id=\"d\"><td colspan=\"2\">需要说明的情况</td></tr>"
            + "</tbody></table></body></html>";

    @Test
    void onlyTheRowsACellSpansDecide() {
        Document xhtml = Xhtml.parse(TABLE, "test");
        Set<Element> spanned = RepeatedCells.rowsSpanned(xhtml);
        assertEquals(List.of("a", "b"), spanned.stream().map(row -> row.getAttribute("id")).sorted().collect(Collectors.toList()));
        assertEquals(4, RepeatedCells.rowsToWatch(xhtml).size(), "the whole section is watched");
    }

    private static final String GROUP = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><table><tbody>"
            + "<tr id=\"r0\"><td>前</td><td>一</td></tr>"
            + "<tr id=\"r1\"><td class=\"repeat\" rowspan=\"4\">效益指标</td><td>甲</td></tr>"
            + "<tr id=\"r2\"><td>乙</td></tr>"
            + "<tr id=\"r3\"><td>丙</td></tr>"
            + "<tr id=\"r4\"><td>丁</td></tr>"
            + "</tbody></table></body></html>";

    @Test
    void aCellSplitsWhereARowStartsAPageAndNotesThePiece() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        Map<Element, Element> pieces = new LinkedHashMap<>();
        assertTrue(RepeatedCells.split(xhtml, pages(xhtml, 0, 0, 0, 1, 1), pieces));
        assertEquals("r1:效益指标/2 r3:效益指标/2", layout(xhtml));
        assertEquals(1, pieces.size());
        assertFalse(RepeatedCells.split(xhtml, pages(xhtml, 0, 0, 0, 1, 1), pieces), "split once");
    }

    @Test
    void aPieceWhosePredecessorMovedWithItIsJoinedAndTheBreakForced() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        Map<Element, Element> pieces = splitAtTheThirdRow(xhtml);
        // the next layout moved the group's first two rows to page 1 as well
        assertTrue(RepeatedCells.rejoin(pieces, pages(xhtml, 0, 1, 1, 1, 1)));
        assertEquals("r1:效益指标/4", layout(xhtml));
        assertTrue(row(xhtml, "r1").getAttribute("style").contains("page-break-before: always"));
        assertTrue(pieces.isEmpty());
        assertFalse(RepeatedCells.rejoin(pieces, pages(xhtml, 0, 1, 1, 1, 1)));
    }

    @Test
    void aPieceWhosePredecessorsLastRowMovedStartsThere() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        Map<Element, Element> pieces = splitAtTheThirdRow(xhtml);
        assertTrue(RepeatedCells.rejoin(pieces, pages(xhtml, 0, 0, 1, 1, 1)));
        assertEquals("r1:效益指标/1 r2:效益指标/3", layout(xhtml));
        assertTrue(row(xhtml, "r2").getAttribute("style").contains("page-break-before: always"));
        assertFalse(row(xhtml, "r3").hasAttribute("style"));
        assertFalse(RepeatedCells.rejoin(pieces, pages(xhtml, 0, 0, 1, 1, 1)), "consistent now");
    }

    @Test
    void aPieceJoinedWhereTheRowAboveMovedTooGetsNoBreak() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        Map<Element, Element> pieces = splitAtTheThirdRow(xhtml);
        // everything moved down a page, the row above the group as well: nothing starts a page at the group
        assertTrue(RepeatedCells.rejoin(pieces, pages(xhtml, 1, 1, 1, 1, 1)));
        assertEquals("r1:效益指标/4", layout(xhtml));
        assertFalse(row(xhtml, "r1").hasAttribute("style"));
    }

    @Test
    void aTablesFirstRowIsNotPartedFromItsHeader() {
        Document xhtml = Xhtml.parse(GROUP.replace("<tr id=\"r0\"><td>前</td><td>一</td></tr>", ""), "test");
        Map<Element, Element> pieces = new LinkedHashMap<>();
        assertTrue(RepeatedCells.split(xhtml, pages(xhtml, 0, 0, 0, 1, 1), pieces));
        assertTrue(RepeatedCells.rejoin(pieces, pages(xhtml, 0, 1, 1, 1, 1)));
        assertEquals("r1:效益指标/4", layout(xhtml));
        assertFalse(row(xhtml, "r1").hasAttribute("style"), "a forced break would leave the table's header behind");
    }

    @Test
    void aCellSplitAgainHandsItsLaterPieceToTheNewOne() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        Map<Element, Element> pieces = splitAtTheThirdRow(xhtml);
        // the next layout starts a page at 乙: the first piece splits again, and 丙's piece now follows 乙's
        ToIntFunction<Element> next = pages(xhtml, 0, 0, 1, 1, 1);
        assertTrue(RepeatedCells.split(xhtml, next, pieces));
        assertEquals("r1:效益指标/1 r2:效益指标/1 r3:效益指标/2", layout(xhtml));
        assertTrue(RepeatedCells.rejoin(pieces, next));
        assertEquals("r1:效益指标/1 r2:效益指标/3", layout(xhtml), "one piece a page");
    }

    @Test
    void aSplitThatStillHoldsIsLeftAlone() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        Map<Element, Element> pieces = splitAtTheThirdRow(xhtml);
        assertFalse(RepeatedCells.rejoin(pieces, pages(xhtml, 0, 0, 0, 1, 2)));
        assertEquals("r1:效益指标/2 r3:效益指标/2", layout(xhtml));
    }

    @Test
    void settlingLaysOutAgainOnlyWhileSomethingMoves() {
        Document xhtml = Xhtml.parse(GROUP, "test");
        List<int[]> layouts = new ArrayList<>(List.of(new int[]{0, 0, 0, 1, 1}, new int[]{0, 1, 1, 1, 1}, new int[]{0, 1, 1, 1, 1}));
        int[] passes = {0};
        int[] last = RepeatedCells.settle(xhtml, layouts.remove(0), pageArray -> pages(xhtml, pageArray), () -> {
            passes[0]++;
            return layouts.remove(0);
        });
        assertEquals(2, passes[0], "one pass to see the split, one after mending it");
        assertEquals("r1:效益指标/4", layout(xhtml));
        assertEquals(1, last[1]);
    }

    /** The group split where a first layout put a page break: before 丙. */
    private static Map<Element, Element> splitAtTheThirdRow(Document xhtml) {
        Map<Element, Element> pieces = new LinkedHashMap<>();
        assertTrue(RepeatedCells.split(xhtml, pages(xhtml, 0, 0, 0, 1, 1), pieces));
        return pieces;
    }

    /** Page of each row r0, r1, … */
    private static ToIntFunction<Element> pages(Document xhtml, int... pages) {
        return row -> pages[Integer.parseInt(row.getAttribute("id").substring(1))];
    }

    private static Element row(Document xhtml, String id) {
        NodeList rows = xhtml.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            if (((Element) rows.item(i)).getAttribute("id").equals(id)) {
                return (Element) rows.item(i);
            }
        }
        throw new AssertionError(id);
    }

    /** Each repeatable cell as row:text/rowspan, in document order. */
    private static String layout(Document xhtml) {
        List<String> cells = new ArrayList<>();
        NodeList all = xhtml.getElementsByTagName("td");
        for (int i = 0; i < all.getLength(); i++) {
            Element cell = (Element) all.item(i);
            if (cell.getAttribute("class").equals("repeat")) {
                cells.add(((Element) cell.getParentNode()).getAttribute("id") + ":" + cell.getTextContent() + "/" + cell.getAttribute("rowspan"));
            }
        }
        return String.join(" ", cells);
    }
}
