package cn.jixiao.forms.render.css;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jixiao.forms.render.Xhtml;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Which declaration an element ends up with. */
class CascadeTest {
    private static final String MARKUP = """
            <html><body>
            <table class="grid"><tbody><tr class="short">
              <td class="label">a</td><td class="label" style="text-align: right; padding: 2mm">b</td><td>c</td>
            </tr></tbody></table>
            <p class="big">x<span>y</span><span class="half">z</span></p>
            </body></html>
            """;
    private static final String CSS = """
            body { font-family: "宋体", "HanaMinB"; font-size: 9pt; line-height: 1.35; white-space: pre-wrap }
            table.grid td.label { text-align: center }
            td.label { text-align: left; vertical-align: top }
            td { text-align: justify; vertical-align: middle; border: 0.5pt solid #000000; padding: 1.2mm }
            td { vertical-align: bottom }
            table { border: 2pt solid; page-break-inside: avoid; height: 10mm; margin-top: 5mm }
            tr.short { page-break-inside: avoid; font-weight: bold }
            p.big { font-size: 2em }
            span.half { font-size: 50% }
            p:first-child, p[class], #x { font-size: 30pt }
            """;

    private final Document doc = Xhtml.parse(MARKUP, "test");
    private final Cascade cascade = new Cascade(CssParser.parse(CSS));

    private Element element(String tag, int index) {
        return (Element) doc.getElementsByTagName(tag).item(index);
    }

    /** The computed declarations of an element, its ancestors computed first, as the renderers walk. */
    private Map<String, String> computed(Element element) {
        Map<String, String> parent = element.getParentNode() instanceof Element p ? computed(p) : Map.of();
        return cascade.compute(element, parent);
    }

    @Test
    void moreSpecificRulesWinWhateverTheirPlace() {
        assertEquals("center", computed(element("td", 0)).get("text-align"));
    }

    @Test
    void amongEquallySpecificRulesTheLaterWins() {
        assertEquals("top", computed(element("td", 0)).get("vertical-align"));
        assertEquals("bottom", computed(element("td", 2)).get("vertical-align"));
    }

    @Test
    void theStyleAttributeWinsOverEveryRule() {
        Map<String, String> b = computed(element("td", 1));
        assertEquals("right", b.get("text-align"));
        assertEquals("2mm", b.get("padding-left"));
        assertEquals("0.5pt", b.get("border-top-width"));
    }

    @Test
    void textPropertiesAreInherited() {
        Map<String, String> cell = computed(element("td", 2));
        assertEquals("\"宋体\", \"HanaMinB\"", cell.get("font-family"));
        assertEquals("9pt", cell.get("font-size"));
        assertEquals("1.35", cell.get("line-height"));
        assertEquals("pre-wrap", cell.get("white-space"));
        assertEquals("bold", cell.get("font-weight"));
    }

    @Test
    void boxAndPageBreakPropertiesAreNotInherited() {
        Map<String, String> cell = computed(element("td", 2));
        assertEquals("0.5pt", cell.get("border-top-width"));
        assertEquals("solid", cell.get("border-top-style"));
        assertFalse(cell.containsKey("page-break-inside"));
        assertFalse(cell.containsKey("height"));
        assertFalse(cell.containsKey("margin-top"));
        assertEquals("avoid", computed(element("tr", 0)).get("page-break-inside"));
    }

    @Test
    void emAndPercentFontSizesResolveAgainstTheParent() {
        assertEquals(18, Lengths.points(computed(element("p", 0)).get("font-size"), 0), 1e-9);
        assertEquals("18.0pt", computed(element("p", 0)).get("font-size"));
        assertEquals("18.0pt", computed(element("span", 0)).get("font-size"));
        assertEquals("9.0pt", computed(element("span", 1)).get("font-size"));
    }

    @Test
    void aRootEmResolvesAgainstTwelvePoints() {
        Cascade root = new Cascade(CssParser.parse("html { font-size: 150% }"));
        assertEquals("18.0pt", root.compute(doc.getDocumentElement(), Map.of()).get("font-size"));
    }

    @Test
    void rulesWithSelectorsLeftToThePdfDoNotApply() {
        assertEquals("18.0pt", computed(element("p", 0)).get("font-size"));
    }

    @Test
    void cascadedLeavesOutWhatIsInherited() {
        Map<String, String> own = cascade.cascaded(element("td", 2));
        assertNull(own.get("font-size"));
        assertNull(own.get("font-weight"));
        assertEquals("bottom", own.get("vertical-align"));
        Document twoCells = Xhtml.parse("<html><body><table><tbody><tr><td>a</td><td>b</td></tr></tbody></table></body></html>", "test");
        Map<String, String> firstCell = cascade.cascaded((Element) twoCells.getElementsByTagName("td").item(0));
        assertSame(firstCell, cascade.cascaded((Element) twoCells.getElementsByTagName("td").item(1)), "kept by the element's path");
        assertEquals(own, firstCell);
        Map<String, String> styled = cascade.cascaded(element("td", 1));
        assertEquals("right", styled.get("text-align"), "its own style attribute");
        assertEquals("top", styled.get("vertical-align"));
        assertNotEquals(own, styled);
    }

    @Test
    void elementsOnTheSamePathShareTheirComputedDeclarations() {
        Map<String, String> first = computed(element("td", 0));
        assertSame(first, computed(element("td", 0)));
        assertEquals(first, computed(element("td", 0)));
    }

    /** A walk keeps each element's path: the same styles as the whole cascade, and the very maps it keeps. */
    @Test
    void aWalkGivesEachElementTheStyleTheCascadeKeepsForItsPath() {
        Cascade walk = cascade.forOneWalk();
        String[] tags = {"td", "td", "td", "span", "span", "p", "tr", "table"};
        int[] indexes = {0, 1, 2, 0, 1, 0, 0, 0};
        for (int i = 0; i < tags.length; i++) {
            Element element = element(tags[i], indexes[i]);
            Map<String, String> parent = computed(element.getParentNode() instanceof Element p ? p : element);
            assertSame(computed(element), walk.compute(element, parent), tags[i] + " " + indexes[i]);
        }
        Element first = element("td", 0);
        Element second = element("td", 1);
        Map<String, String> row = computed(element("tr", 0));
        assertFalse(walk.compute(first, row).equals(walk.compute(second, row)), "an inline style is part of the path");
    }

    @Test
    void aComputedStyleIsAMapLikeAnyOtherThatCannotChange() {
        Map<String, String> style = computed(element("td", 1));
        Map<String, String> copy = new HashMap<>(style);
        assertEquals(copy, style);
        assertEquals(style, copy);
        assertEquals(copy.hashCode(), style.hashCode());
        assertEquals("right", style.get("text-align"));
        assertEquals("none", style.getOrDefault("float", "none"));
        copy.put("text-align", "left");
        assertNotEquals(copy, style);
        assertNotEquals(style, copy);
        assertNotEquals(style, computed(element("td", 0)));
        assertThrows(UnsupportedOperationException.class, () -> style.put("text-align", "left"));
        assertThrows(UnsupportedOperationException.class, () -> style.entrySet().clear());
    }
}
