package cn.jixiao.forms.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.CssParser;
import cn.jixiao.forms.render.css.Stylesheet;
import jakarta.xml.bind.JAXBElement;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.docx4j.wml.FldChar;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.STPageOrientation;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Text;
import org.junit.jupiter.api.Test;

/** The section and footer made of a stylesheet's @page rule. */
class PageSetupTest {

    private static Stylesheet.Page page(String css) {
        return CssParser.parse(css).page();
    }

    @Test
    void landscapeSwapsTheSidesAndMarginsAreTwips() {
        SectPr section = PageSetup.section(page("@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }"));
        assertEquals(BigInteger.valueOf(16838), section.getPgSz().getW());
        assertEquals(BigInteger.valueOf(11906), section.getPgSz().getH());
        assertEquals(STPageOrientation.LANDSCAPE, section.getPgSz().getOrient());
        assertEquals(BigInteger.valueOf(794), section.getPgMar().getTop());
        assertEquals(BigInteger.valueOf(680), section.getPgMar().getLeft());
        assertEquals(BigInteger.valueOf(907), section.getPgMar().getBottom());
        assertEquals(BigInteger.valueOf(397), section.getPgMar().getHeader(), "half the top margin");
        assertEquals(BigInteger.valueOf(363), section.getPgMar().getFooter(), "0.4 of the bottom margin");
    }

    @Test
    void withoutAPageRuleA4PortraitWithTwentyMillimetres() {
        SectPr section = PageSetup.section(page("p { margin: 0 }"));
        assertEquals(BigInteger.valueOf(11906), section.getPgSz().getW());
        assertEquals(BigInteger.valueOf(16838), section.getPgSz().getH());
        assertNull(section.getPgSz().getOrient());
        assertEquals(BigInteger.valueOf(1134), section.getPgMar().getRight());
    }

    @Test
    void a3AndA5() {
        assertEquals(BigInteger.valueOf(16838), PageSetup.section(page("@page { size: a3 }")).getPgSz().getW());
        assertEquals(BigInteger.valueOf(8391), PageSetup.section(page("@page { size: A5 portrait }")).getPgSz().getW());
    }

    @Test
    void theBottomCentreBoxIsAFooterWithPageFieldsThatCarryAValue() {
        Stylesheet.Page page = page("@page { @bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"; font-size: 9pt; } }");
        ComputedStyles styles = new ComputedStyles(new Cascade(CssParser.parse("")), FontLibrary.bundled());
        Ftr footer = PageSetup.footer(page, Map.of("font-size", "12pt", "text-align", "left"), styles);
        P paragraph = (P) footer.getContent().get(0);
        assertEquals(JcEnumeration.LEFT, paragraph.getPPr().getJc().getVal(), "the body's alignment, as the box names none");
        List<String> parts = new ArrayList<>();
        for (Object o : paragraph.getContent()) {
            R run = (R) o;
            assertEquals(BigInteger.valueOf(18), run.getRPr().getSz().getVal(), "the box's 9 pt");
            Object content = ((JAXBElement<?>) run.getContent().get(0)).getValue();
            parts.add(content instanceof FldChar f ? f.getFldCharType().value() : ((Text) content).getValue());
        }
        assertEquals(List.of("第 ", "begin", " PAGE ", "separate", "1", "end", " 页 共 ", "begin", " NUMPAGES ", "separate", "1", "end", " 页"),
                parts);
    }

    @Test
    void aFooterIsCentredUnlessTheStylesheetSaysOtherwise() {
        Stylesheet.Page page = page("@page { @bottom-center { content: counter(page) } }");
        ComputedStyles styles = new ComputedStyles(new Cascade(CssParser.parse("")), FontLibrary.bundled());
        assertEquals(JcEnumeration.CENTER, ((P) PageSetup.footer(page, Map.of(), styles).getContent().get(0)).getPPr().getJc().getVal());
    }

    @Test
    void noBottomCentreBoxNoFooter() {
        ComputedStyles styles = new ComputedStyles(new Cascade(CssParser.parse("")), FontLibrary.bundled());
        assertNull(PageSetup.footer(page("@page { size: A4; @top-center { content: 'x' } }"), Map.of(), styles));
    }
}
