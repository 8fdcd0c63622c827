package cn.jixiao.forms.render.pdf.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Cascades;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A cell is broken into lines once a render, and again only when its style or width changed between passes. */
class CellContentsTest {
    private static final String PAGE = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>td { font-size: 10pt; }</style></head>"
            + "<body><table><tbody><tr><td id=\"c\">项目建成后将有效提升医院信息化管理水平和运行效率，方便患者就医</td></tr></tbody></table></body></html>";
    private static final TextFaces FACES = new TextFaces(FontLibrary.bundled());

    @Test
    void theSameCellStyleAndWidthAreMeasuredOnce() {
        Document xhtml = Xhtml.parse(PAGE, "test");
        Cascade cascade = new Cascades().of(xhtml);
        Element cell = (Element) xhtml.getElementsByTagName("td").item(0);
        Map<String, String> style = cascade.compute(cell, Map.of());
        CellContents contents = new CellContents();
        CellContents.Lines narrow = contents.of(cell, style, 60, cascade, FACES);
        assertTrue(narrow.lines().size() > 1, "the text wraps in 60 pt");
        assertSame(narrow, contents.of(cell, new HashMap<>(style), 60, cascade, FACES), "an equal style at the same width");

        CellContents.Lines wide = contents.of(cell, style, 400, cascade, FACES);
        assertNotSame(narrow, wide);
        assertEquals(1, wide.lines().size(), "measured again at another width");
        Map<String, String> larger = new HashMap<>(style);
        larger.put("font-size", "20pt");
        assertTrue(contents.of(cell, larger, 400, cascade, FACES).height() > wide.height(), "measured again in another style");
        assertNotSame(wide, new CellContents().of(cell, style, 400, cascade, FACES), "kept for one render only");
    }
}
