package cn.jixiao.forms.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.render.Xhtml;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Which rows decide where a repeatable cell splits: those it spans, not the rest of its section. */
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
}
