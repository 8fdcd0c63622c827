package cn.jixiao.forms.render.css;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the parser keeps of a stylesheet: rules with their declarations expanded, and the @page rule. */
class CssParserTest {

    @Test
    void borderShorthandSetsWidthStyleAndColourOfEverySide() {
        Map<String, String> d = CssParser.declarations("border: 0.5pt solid #123456");
        for (String side : List.of("top", "right", "bottom", "left")) {
            assertEquals("0.5pt", d.get("border-" + side + "-width"), side);
            assertEquals("solid", d.get("border-" + side + "-style"), side);
            assertEquals("#123456", d.get("border-" + side + "-color"), side);
        }
        assertEquals(12, d.size());
    }

    @Test
    void borderOfOneSideDefaultsToMediumNoneBlack() {
        Map<String, String> d = CssParser.declarations("border-bottom: dotted");
        assertEquals(Map.of("border-bottom-width", "medium", "border-bottom-style", "dotted", "border-bottom-color", "#000000"), d);
    }

    @Test
    void borderStyleWidthAndColourGoToEverySide() {
        Map<String, String> d = CssParser.declarations("border-style: dashed; border-width: thick; border-color: #ff0000");
        assertEquals("dashed", d.get("border-left-style"));
        assertEquals("thick", d.get("border-top-width"));
        assertEquals("#ff0000", d.get("border-right-color"));
    }

    @Test
    void paddingAndMarginExpandLikeCss() {
        assertEquals(Map.of("padding-top", "1mm", "padding-right", "1mm", "padding-bottom", "1mm", "padding-left", "1mm"),
                CssParser.declarations("padding: 1mm"));
        assertEquals(Map.of("padding-top", "1mm", "padding-right", "2mm", "padding-bottom", "1mm", "padding-left", "2mm"),
                CssParser.declarations("padding: 1mm 2mm"));
        assertEquals(Map.of("margin-top", "1mm", "margin-right", "2mm", "margin-bottom", "3mm", "margin-left", "2mm"),
                CssParser.declarations("margin: 1mm 2mm 3mm"));
        assertEquals(Map.of("margin-top", "1mm", "margin-right", "2mm", "margin-bottom", "3mm", "margin-left", "4mm"),
                CssParser.declarations("margin: 1mm 2mm 3mm 4mm"));
    }

    @Test
    void laterDeclarationsWinAndImportantIsDropped() {
        Map<String, String> d = CssParser.declarations("Font-Size: 9pt; padding: 1mm; padding-left: 3mm; text-align: right !important");
        assertEquals("9pt", d.get("font-size"));
        assertEquals("3mm", d.get("padding-left"));
        assertEquals("1mm", d.get("padding-right"));
        assertEquals("right", d.get("text-align"));
    }

    @Test
    void semicolonsInsideQuotesBelongToTheValue() {
        assertEquals("\"a;b\" counter(page)", CssParser.declarations("content: \"a;b\" counter(page); font-size: 8pt").get("content"));
    }

    @Test
    void pageRuleKeepsItsDeclarationsAndMarginBoxes() {
        Stylesheet css = CssParser.parse("""
                @page {
                  size: A4 landscape;
                  margin: 14mm 12mm 16mm;
                  @bottom-center {
                    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
                    font-size: 9pt;
                  }
                }
                p { margin: 0 }
                """);
        Map<String, String> page = css.page().declarations();
        assertEquals("A4 landscape", page.get("size"));
        assertEquals("14mm", page.get("margin-top"));
        assertEquals("12mm", page.get("margin-left"));
        assertEquals("16mm", page.get("margin-bottom"));
        Map<String, String> footer = css.page().marginBoxes().get("bottom-center");
        assertEquals("\"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"", footer.get("content"));
        assertEquals("9pt", footer.get("font-size"));
        assertEquals(1, css.rules().size());
    }

    @Test
    void commentsAreDropped() {
        Stylesheet css = CssParser.parse("/* p { font-size: 30pt } with { braces */ p { font-size: 9pt; /* color: red; */ }");
        assertEquals(1, css.rules().size());
        assertEquals(Map.of("font-size", "9pt"), css.rules().get(0).declarations());
    }

    @Test
    void otherAtRulesAreSkippedWhole() {
        Stylesheet css = CssParser.parse("@media print { p { font-size: 30pt } } @font-face { font-family: x } td { padding: 0 }");
        assertEquals(1, css.rules().size());
        assertEquals("td", css.rules().get(0).selector().compounds().get(0).tag());
    }

    @Test
    void eachSelectorOfACommaListIsARuleAndRulesAreOrderedBySpecificityThenSource() {
        Stylesheet css = CssParser.parse("td.label, th { text-align: center } td { text-align: left } p:hover, p { margin: 0 }");
        assertEquals(List.of(1, 1, 1, 11), css.rules().stream().map(r -> r.selector().specificity()).toList());
        assertEquals(List.of(1, 2, 3, 0), css.rules().stream().map(Stylesheet.Rule::order).toList());
    }

    @Test
    void unbalancedBracesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CssParser.parse("p { margin: 0"));
    }
}
