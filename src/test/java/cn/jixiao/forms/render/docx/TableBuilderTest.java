package cn.jixiao.forms.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.CssParser;
import jakarta.xml.bind.JAXBElement;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTHeight;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The mapping of an XHTML table to a WordprocessingML one, from small tables written here. */
class TableBuilderTest {
    private static final FontLibrary FONTS = FontLibrary.bundled();
    /** 20 mm in twips: 20 / 25.4 * 72 * 20 = 1133.86. */
    private static final long MM20 = 1134;
    private static final String THREE_COLUMNS = "<colgroup><col style=\"width: 20mm\"/><col style=\"width: 20mm\"/>"
            + "<col style=\"width: 20mm\"/></colgroup>";

    private static Tbl table(String css, String table) {
        Document xhtml = Xhtml.parse("<html><body>" + table + "</body></html>", "test");
        Cascade cascade = new Cascade(CssParser.parse(css));
        ComputedStyles styles = new ComputedStyles(cascade, FONTS);
        Element body = (Element) xhtml.getElementsByTagName("body").item(0);
        Element element = (Element) xhtml.getElementsByTagName("table").item(0);
        return new TableBuilder(styles, new Paragraphs(styles)).table(element, cascade.compute(element, cascade.compute(body, Map.of())));
    }

    private static Tr row(Tbl tbl, int index) {
        return (Tr) tbl.getContent().get(index);
    }

    private static Tc cell(Tbl tbl, int row, int cell) {
        return (Tc) row(tbl, row).getContent().get(cell);
    }

    private static String text(Tc tc) {
        return tc.getContent().stream().map(p -> ((P) p).getContent().stream().map(r -> RunFormat.textOf((R) r))
                .filter(Objects::nonNull).map(Text::getValue).collect(Collectors.joining())).collect(Collectors.joining("|"));
    }

    /** The names of a row's properties: cantSplit, trHeight, tblHeader. */
    private static Set<String> rowProperties(Tr tr) {
        return tr.getTrPr().getCnfStyleOrDivIdOrGridBefore().stream()
                .map(o -> ((JAXBElement<?>) o).getName().getLocalPart()).collect(Collectors.toSet());
    }

    /** A row's minimum height in twips, or null. */
    private static BigInteger height(Tr tr) {
        return tr.getTrPr().getCnfStyleOrDivIdOrGridBefore().stream().map(o -> ((JAXBElement<?>) o).getValue())
                .filter(v -> v instanceof CTHeight).map(v -> ((CTHeight) v).getVal()).findFirst().orElse(null);
    }

    private static boolean keepsWithNext(Tc tc) {
        return tc.getContent().stream().allMatch(o -> ((P) o).getPPr().getKeepNext() != null);
    }

    @Test
    void aRowspanCellStartsAVerticalMergeThatTheRowsBelowContinue() {
        Tbl tbl = table("", "<table>" + THREE_COLUMNS + "<tbody>"
                + "<tr><td rowspan=\"3\">a</td><td>b</td><td>c</td></tr>"
                + "<tr><td>d</td><td>e</td></tr>"
                + "<tr><td>f</td><td>g</td></tr></tbody></table>");
        assertEquals("restart", cell(tbl, 0, 0).getTcPr().getVMerge().getVal());
        for (int r = 1; r <= 2; r++) {
            Tc continuation = cell(tbl, r, 0);
            assertNotNull(continuation.getTcPr().getVMerge(), "row " + r);
            assertNull(continuation.getTcPr().getVMerge().getVal(), "row " + r);
            assertEquals(BigInteger.valueOf(MM20), continuation.getTcPr().getTcW().getW());
            assertEquals("", text(continuation));
            assertEquals(3, row(tbl, r).getContent().size());
        }
        assertEquals("d", text(cell(tbl, 1, 1)));
        assertNull(cell(tbl, 1, 1).getTcPr().getVMerge());
    }

    @Test
    void aContinuationTakesItsColumnBetweenTheCellsOfItsRow() {
        Tbl tbl = table("", "<table>" + THREE_COLUMNS + "<tbody>"
                + "<tr><td>a</td><td rowspan=\"2\" colspan=\"2\">b</td></tr>"
                + "<tr><td>d</td></tr></tbody></table>");
        Tr second = row(tbl, 1);
        assertEquals(2, second.getContent().size());
        assertEquals("d", text(cell(tbl, 1, 0)));
        TcPr continued = cell(tbl, 1, 1).getTcPr();
        assertNotNull(continued.getVMerge());
        assertEquals(BigInteger.TWO, continued.getGridSpan().getVal());
        assertEquals(BigInteger.valueOf(2 * MM20), continued.getTcW().getW());
    }

    @Test
    void colspanIsAGridSpanAsWideAsItsColumns() {
        Tbl tbl = table("", "<table><colgroup><col style=\"width: 17mm\"/><col style=\"width: 27mm\"/><col style=\"width: 20mm\"/>"
                + "</colgroup><tbody><tr><td colspan=\"2\">a</td><td>b</td></tr></tbody></table>");
        TcPr wide = cell(tbl, 0, 0).getTcPr();
        assertEquals(BigInteger.TWO, wide.getGridSpan().getVal());
        assertEquals(BigInteger.valueOf(964 + 1531), wide.getTcW().getW());
        assertNull(cell(tbl, 0, 1).getTcPr().getGridSpan());
        assertEquals(BigInteger.valueOf(MM20), cell(tbl, 0, 1).getTcPr().getTcW().getW());
    }

    @Test
    void columnWidthsAreTwipsInTheGridTheCellsAndTheTable() {
        Tbl tbl = table("col.wide { width: 1in }", "<table><colgroup><col style=\"width: 17mm\"/><col class=\"wide\"/><col/></colgroup>"
                + "<tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>");
        List<BigInteger> grid = tbl.getTblGrid().getGridCol().stream().map(c -> c.getW()).toList();
        assertEquals(List.of(BigInteger.valueOf(964), BigInteger.valueOf(1440), BigInteger.valueOf(MM20)), grid);
        for (int c = 0; c < 3; c++) {
            assertEquals(grid.get(c), cell(tbl, 0, c).getTcPr().getTcW().getW(), "cell " + c);
            assertEquals("dxa", cell(tbl, 0, c).getTcPr().getTcW().getType());
        }
        assertEquals(BigInteger.valueOf(964 + 1440 + MM20), tbl.getTblPr().getTblW().getW());
    }

    @Test
    void aTableWithoutColumnWidthsIsRefused() {
        assertThrows(IllegalStateException.class, () -> table("", "<table><tbody><tr><td>a</td></tr></tbody></table>"));
    }

    @Test
    void headerRowsRepeatOnEveryPageAndNeverSplit() {
        Tbl tbl = table("", "<table>" + THREE_COLUMNS + "<thead><tr><th colspan=\"3\">head</th></tr></thead>"
                + "<tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>");
        assertEquals(Set.of("tblHeader", "cantSplit"), rowProperties(row(tbl, 0)));
        assertEquals(Set.of(), rowProperties(row(tbl, 1)));
    }

    @Test
    void onlyRowsThatAskStayWhole() {
        String longText = "长".repeat(3000);
        Tbl tbl = table("tr.short { page-break-inside: avoid } tbody.closing { page-break-inside: avoid }",
                "<table>" + THREE_COLUMNS + "<tbody>"
                        + "<tr><td colspan=\"3\">" + longText + "</td></tr>"
                        + "<tr class=\"short\"><td>a</td><td>b</td><td>c</td></tr>"
                        + "<tr style=\"page-break-inside: avoid\"><td>d</td><td>e</td><td>f</td></tr></tbody>"
                        + "<tbody class=\"closing\"><tr><td colspan=\"3\">g</td></tr></tbody></table>");
        assertEquals(Set.of(), rowProperties(row(tbl, 0)));
        assertEquals(Set.of("cantSplit"), rowProperties(row(tbl, 1)));
        assertEquals(Set.of("cantSplit"), rowProperties(row(tbl, 2)));
        assertEquals(Set.of(), rowProperties(row(tbl, 3)), "page-break-inside is not inherited from the row group");
    }

    @Test
    void theRowBeforeARowThatAvoidsABreakBeforeItKeepsWithIt() {
        Tbl tbl = table("tr.remarks { page-break-before: avoid } tr.signatures { page-break-after: avoid }",
                "<table>" + THREE_COLUMNS + "<tbody>"
                        + "<tr><td>a</td><td>b</td><td>c</td></tr>"
                        + "<tr><td rowspan=\"2\">d</td><td>e</td><td>f</td></tr>"
                        + "<tr class=\"remarks\"><td>g</td><td>h</td></tr>"
                        + "<tr class=\"signatures\"><td colspan=\"3\"><p>i</p><p>j</p></td></tr>"
                        + "<tr><td colspan=\"3\">k</td></tr></tbody></table>");
        assertTrue(List.of(0, 1, 2).stream().noneMatch(c -> keepsWithNext(cell(tbl, 0, c))), "first row");
        assertTrue(List.of(0, 1, 2).stream().allMatch(c -> keepsWithNext(cell(tbl, 1, c))), "the row before remarks");
        assertTrue(List.of(1, 2).stream().noneMatch(c -> keepsWithNext(cell(tbl, 2, c))), "remarks itself");
        assertTrue(keepsWithNext(cell(tbl, 3, 0)), "a row with page-break-after: avoid");
        assertEquals(2, cell(tbl, 3, 0).getContent().size());
        assertFalse(keepsWithNext(cell(tbl, 4, 0)), "last row");
    }

    @Test
    void bordersPaddingAndVerticalAlignmentOfCells() {
        Tbl tbl = table("td { border: 0.5pt solid #1f2e3d; padding: 1.2mm 2mm } td.open { border: none; vertical-align: top }"
                        + " td.thick { border-bottom: thick double }",
                "<table>" + THREE_COLUMNS + "<tbody><tr><td>a</td><td class=\"open\">b</td><td class=\"thick\">c</td></tr></tbody></table>");
        TcPr a = cell(tbl, 0, 0).getTcPr();
        CTBorder top = a.getTcBorders().getTop();
        assertEquals(STBorder.SINGLE, top.getVal());
        assertEquals(BigInteger.valueOf(4), top.getSz());
        assertEquals("1F2E3D", top.getColor());
        assertEquals(BigInteger.valueOf(68), a.getTcMar().getTop().getW());
        assertEquals(BigInteger.valueOf(113), a.getTcMar().getLeft().getW());
        assertEquals(STVerticalJc.CENTER, a.getVAlign().getVal());
        TcPr b = cell(tbl, 0, 1).getTcPr();
        assertEquals(STBorder.NIL, b.getTcBorders().getLeft().getVal());
        assertNull(b.getTcBorders().getLeft().getSz());
        assertEquals(STVerticalJc.TOP, b.getVAlign().getVal());
        CTBorder bottom = cell(tbl, 0, 2).getTcPr().getTcBorders().getBottom();
        assertEquals(STBorder.DOUBLE, bottom.getVal());
        assertEquals(BigInteger.valueOf(16), bottom.getSz());
        assertEquals("000000", bottom.getColor());
    }

    @Test
    void theTallestSingleRowCellSetsTheRowsMinimumHeight() {
        Tbl tbl = table("tr { height: 5mm }", "<table>" + THREE_COLUMNS + "<tbody>"
                + "<tr><td style=\"height: 10mm\">a</td><td rowspan=\"2\" style=\"height: 40mm\">b</td><td>c</td></tr>"
                + "<tr><td>d</td><td>e</td></tr></tbody></table>");
        assertEquals(BigInteger.valueOf(567), height(row(tbl, 0)), "10 mm: the rowspan's 40 mm does not count");
        assertEquals(BigInteger.valueOf(283), height(row(tbl, 1)), "the row's own 5 mm");
    }
}
