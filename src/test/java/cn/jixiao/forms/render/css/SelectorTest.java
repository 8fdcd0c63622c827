package cn.jixiao.forms.render.css;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.Xhtml;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The selectors the DOCX understands, and those it leaves to the PDF. */
class SelectorTest {
    private static final Document DOC = Xhtml.parse("""
            <html><body><table class="grid target"><tbody><tr class="short">
            <td class="label text" id="c">x</td></tr></tbody></table><p class="title">t</p></body></html>
            """, "test");
    private static final Element CELL = (Element) DOC.getElementsByTagName("td").item(0);
    private static final Element TITLE = (Element) DOC.getElementsByTagName("p").item(0);

    private static boolean matches(String selector, Element element) {
        return Selector.parse(selector).orElseThrow().matches(element);
    }

    @Test
    void elementNamesAndClasses() {
        assertTrue(matches("td", CELL));
        assertTrue(matches("TD", CELL));
        assertTrue(matches(".label", CELL));
        assertTrue(matches("td.label.text", CELL));
        assertFalse(matches("th", CELL));
        assertFalse(matches("td.number", CELL));
        assertFalse(matches("td.label.number", CELL));
    }

    @Test
    void descendantCombinatorLooksAtEveryAncestor() {
        assertTrue(matches("table.grid td", CELL));
        assertTrue(matches("body table tr.short td.label", CELL));
        assertFalse(matches("table.basics td", CELL));
        assertFalse(matches("td p", TITLE));
    }

    @Test
    void childCombinatorLooksAtTheParentOnly() {
        assertTrue(matches("tr > td", CELL));
        assertTrue(matches("table.grid > tbody > tr > td", CELL));
        assertFalse(matches("table > td", CELL));
        assertTrue(matches("body>p.title", TITLE));
    }

    @Test
    void specificityCountsClassesTenAndElementsOne() {
        assertEquals(1, Selector.parse("td").orElseThrow().specificity());
        assertEquals(10, Selector.parse(".label").orElseThrow().specificity());
        assertEquals(22, Selector.parse("table.grid td.label").orElseThrow().specificity());
        assertEquals(33, Selector.parse("table.grid > tr td.label.text").orElseThrow().specificity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"td:first-child", "p::before", "a:hover", "td[colspan]", "#c", "td#c", "p + p", "p ~ p", "*", "td *", ""})
    void otherSelectorsAreLeftToThePdf(String selector) {
        assertEquals(Optional.empty(), Selector.parse(selector));
    }
}
