package cn.jixiao.forms.render.docx;

import static cn.jixiao.forms.render.docx.DocxRenderer.WML;

import cn.jixiao.forms.render.css.PageGeometry;
import cn.jixiao.forms.render.css.Stylesheet;
import cn.jixiao.forms.render.docx.ComputedStyles.ParagraphStyle;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docx4j.wml.FldChar;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.STFldCharType;
import org.docx4j.wml.STPageOrientation;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Text;

/**
 * The page, from the stylesheet's {@code @page} rule: size (A3, A4, A5) and orientation, margins, and
 * the page-number line of its {@code @bottom-center} box as a footer.
 */
final class PageSetup {
    private static final Pattern CONTENT_TOKEN = Pattern.compile("\"([^\"]*)\"|'([^']*)'|counter\\(\\s*(pages?)\\s*\\)");

    private PageSetup() {
    }

    static SectPr section(Stylesheet.Page page) {
        PageGeometry geometry = PageGeometry.of(page);
        SectPr section = WML.createSectPr();
        SectPr.PgSz pgSz = WML.createSectPrPgSz();
        pgSz.setW(Twips.of(geometry.width()));
        pgSz.setH(Twips.of(geometry.height()));
        if (geometry.landscape()) {
            pgSz.setOrient(STPageOrientation.LANDSCAPE);
        }
        section.setPgSz(pgSz);
        SectPr.PgMar pgMar = WML.createSectPrPgMar();
        pgMar.setTop(Twips.of(geometry.top()));
        pgMar.setBottom(Twips.of(geometry.bottom()));
        pgMar.setLeft(Twips.of(geometry.left()));
        pgMar.setRight(Twips.of(geometry.right()));
        pgMar.setHeader(Twips.of(geometry.top() / 2));
        pgMar.setFooter(Twips.of(geometry.bottom() * 0.4));
        pgMar.setGutter(BigInteger.ZERO);
        section.setPgMar(pgMar);
        return section;
    }

    /**
     * The page-number line, {@code content: "第 " counter(page) " 页 共 " counter(pages) " 页"}, in the body's
     * style overridden by the box's, centred unless it says otherwise; null when the page has no such box.
     */
    static Ftr footer(Stylesheet.Page page, Map<String, String> body, ComputedStyles styles) {
        Map<String, String> box = page.marginBoxes().get("bottom-center");
        if (box == null || !box.containsKey("content")) {
            return null;
        }
        Map<String, String> computed = new HashMap<>(body);
        computed.putAll(box);
        computed.putIfAbsent("text-align", "center");
        ParagraphStyle style = styles.paragraph(computed);
        P paragraph = RunFormat.paragraph(style);
        Matcher token = CONTENT_TOKEN.matcher(box.get("content"));
        while (token.find()) {
            if (token.group(3) != null) {
                field(paragraph, token.group(3).equals("page") ? "PAGE" : "NUMPAGES", style);
            } else {
                paragraph.getContent().add(RunFormat.text(token.group(1) != null ? token.group(1) : token.group(2), style.run()));
            }
        }
        Ftr footer = WML.createFtr();
        footer.getContent().add(paragraph);
        return footer;
    }

    /**
     * A complex field with a cached result ("1"): Word asks to repair a field without one; Word and
     * LibreOffice put the real number in when they lay out the pages.
     */
    private static void field(P paragraph, String instruction, ParagraphStyle style) {
        paragraph.getContent().add(fieldChar(STFldCharType.BEGIN, style));
        R instr = WML.createR();
        instr.setRPr(RunFormat.properties(style.run()));
        Text text = WML.createText();
        text.setValue(" " + instruction + " ");
        text.setSpace("preserve");
        instr.getContent().add(WML.createRInstrText(text));
        paragraph.getContent().add(instr);
        paragraph.getContent().add(fieldChar(STFldCharType.SEPARATE, style));
        paragraph.getContent().add(RunFormat.text("1", style.run()));
        paragraph.getContent().add(fieldChar(STFldCharType.END, style));
    }

    private static R fieldChar(STFldCharType type, ParagraphStyle style) {
        R run = WML.createR();
        run.setRPr(RunFormat.properties(style.run()));
        FldChar fldChar = WML.createFldChar();
        fldChar.setFldCharType(type);
        run.getContent().add(WML.createRFldChar(fldChar));
        return run;
    }
}
