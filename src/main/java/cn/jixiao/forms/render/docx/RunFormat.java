package cn.jixiao.forms.render.docx;

import static cn.jixiao.forms.render.docx.DocxRenderer.WML;

import cn.jixiao.forms.render.docx.ComputedStyles.ParagraphStyle;
import cn.jixiao.forms.render.docx.ComputedStyles.RunStyle;
import jakarta.xml.bind.JAXBElement;
import java.math.BigInteger;
import org.docx4j.wml.Br;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.ParaRPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STHint;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.Text;

/**
 * Paragraph and run properties from typed styles: the family in the East Asian slot (Word, WPS and
 * LibreOffice then use the machine's own 宋体), its Latin companion in the others, size, bold, alignment,
 * exact line height; and the runs themselves: text, tabs, line breaks.
 */
final class RunFormat {

    private RunFormat() {
    }

    static RPr properties(RunStyle style) {
        RPr rPr = WML.createRPr();
        rPr.setRFonts(fonts(style));
        if (style.bold()) {
            rPr.setB(WML.createBooleanDefaultTrue());
            rPr.setBCs(WML.createBooleanDefaultTrue());
        }
        HpsMeasure size = halfPoints(style.size());
        rPr.setSz(size);
        rPr.setSzCs(size);
        return rPr;
    }

    static RFonts fonts(RunStyle style) {
        RFonts rFonts = WML.createRFonts();
        rFonts.setEastAsia(style.font());
        rFonts.setAscii(style.latinFont());
        rFonts.setHAnsi(style.latinFont());
        rFonts.setCs(style.latinFont());
        rFonts.setHint(STHint.EAST_ASIA);
        return rFonts;
    }

    static HpsMeasure halfPoints(double points) {
        HpsMeasure measure = WML.createHpsMeasure();
        measure.setVal(BigInteger.valueOf(Math.round(points * 2)));
        return measure;
    }

    /** An empty paragraph with its properties; the paragraph mark takes the fonts and size of its runs. */
    static P paragraph(ParagraphStyle style) {
        P paragraph = WML.createP();
        PPr pPr = WML.createPPr();
        Jc jc = WML.createJc();
        jc.setVal(switch (style.align()) {
            case CENTER -> JcEnumeration.CENTER;
            case RIGHT -> JcEnumeration.RIGHT;
            case JUSTIFY -> JcEnumeration.BOTH;
            case LEFT -> JcEnumeration.LEFT;
        });
        pPr.setJc(jc);
        if (style.lineHeight().isPresent()) {
            // Exact, as in CSS, not a multiple of the font's own line gap, which differs from one machine's 宋体 to the next.
            PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
            spacing.setLine(Twips.of(style.lineHeight().getAsDouble()));
            spacing.setLineRule(STLineSpacingRule.EXACT);
            pPr.setSpacing(spacing);
        }
        ParaRPr mark = WML.createParaRPr();
        RPr runProperties = properties(style.run());
        mark.setRFonts(runProperties.getRFonts());
        mark.setSz(runProperties.getSz());
        mark.setSzCs(runProperties.getSzCs());
        pPr.setRPr(mark);
        if (style.keepWithNext()) {
            pPr.setKeepNext(WML.createBooleanDefaultTrue());
        }
        paragraph.setPPr(pPr);
        return paragraph;
    }

    /** The paragraph's spacing, made when it has none. */
    static PPrBase.Spacing spacingOf(P paragraph) {
        PPrBase.Spacing spacing = paragraph.getPPr().getSpacing();
        if (spacing == null) {
            spacing = WML.createPPrBaseSpacing();
            paragraph.getPPr().setSpacing(spacing);
        }
        return spacing;
    }

    static R text(String value, RunStyle style) {
        R run = WML.createR();
        run.setRPr(properties(style));
        Text text = WML.createText();
        text.setValue(value);
        text.setSpace("preserve");
        run.getContent().add(WML.createRT(text));
        return run;
    }

    static R lineBreak(RunStyle style) {
        R run = WML.createR();
        run.setRPr(properties(style));
        run.getContent().add(new Br());
        return run;
    }

    static R tab(RunStyle style) {
        R run = WML.createR();
        run.setRPr(properties(style));
        run.getContent().add(WML.createRTab(WML.createRTab()));
        return run;
    }

    /** The text of a run made by {@link #text}; null for a tab or a break. */
    static Text textOf(R run) {
        for (Object o : run.getContent()) {
            if (o instanceof JAXBElement<?> element && element.getValue() instanceof Text text
                    && element.getName().getLocalPart().equals("t")) {
                return text;
            }
        }
        return null;
    }
}
