package cn.jixiao.forms.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XhtmlTablesTest {
    private static final Document DOC = Xhtml.parse("""
            <table><thead><tr><th>h</th></tr></thead>
            <tbody><tr><td id="a" rowspan="2">a</td><td colspan=" 2 ">b</td></tr><tr><TD>c</TD><td>d</td></tr></tbody>
            <tbody><tr><td id="e" colspan="3">e</td></tr></tbody></table>
            """, "test");

    private static Element row(int index) {
        return (Element) DOC.getElementsByTagName("tr").item(index);
    }

    @Test
    void aClassNamedTwiceIsOneClass() {
        Element cell = Xhtml.parse("<td class=\" v  label v \">x</td>", "test").getDocumentElement();
        assertEquals(Set.of("v", "label"), Xhtml.classes(cell));
    }

    @Test
    void theRowBeforeLooksBackAcrossBodiesButNotIntoTheHeader() {
        assertSame(row(2), XhtmlTables.previousRow(row(3)));
        assertSame(row(1), XhtmlTables.previousRow(row(2)));
        assertNull(XhtmlTables.previousRow(row(1)));
    }

    @Test
    void cellsOfAnyCaseAndSpans() {
        assertEquals(2, XhtmlTables.cells(row(2)).size());
        assertEquals(2, XhtmlTables.colspan(XhtmlTables.cells(row(1)).get(1)));
        assertEquals(1, XhtmlTables.rowspan(XhtmlTables.cells(row(1)).get(1)));
    }

    @Test
    void slotsPlaceContinuationsWhereRowspansHoldTheirColumns() {
        List<List<XhtmlTables.Slot>> slots = XhtmlTables.slots(List.of(row(1), row(2)));
        Element a = XhtmlTables.cells(row(1)).get(0);
        assertEquals(List.of(new XhtmlTables.Slot(a, 0, false), new XhtmlTables.Slot(XhtmlTables.cells(row(1)).get(1), 1, false)),
                slots.get(0));
        assertEquals(List.of(new XhtmlTables.Slot(a, 0, true), new XhtmlTables.Slot(XhtmlTables.cells(row(2)).get(0), 1, false),
                new XhtmlTables.Slot(XhtmlTables.cells(row(2)).get(1), 2, false)), slots.get(1));
    }
}
