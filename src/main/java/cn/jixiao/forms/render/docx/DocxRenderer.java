package cn.jixiao.forms.render.docx;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Cascades;
import java.util.Map;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.SectPr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XHTML to WordprocessingML, built as docx4j objects: the small vocabulary the form templates use
 * (paragraphs, tables with column widths, spans and header rows, line breaks, bold, alignment) and the
 * part of their CSS that {@link ComputedStyles} reads. Page size, orientation, margins and the
 * page-number footer come from the stylesheet's {@code @page} rule. Fonts are named, not embedded, with
 * the family in the East Asian slot, so that Word, WPS and LibreOffice use the machine's own 宋体 / 黑体.
 */
public final class DocxRenderer implements Renderer {
    /** The one factory of WordprocessingML objects. */
    static final ObjectFactory WML = new ObjectFactory();

    private final FontLibrary fonts;
    private final RenderBudget budget;
    /** Each form's stylesheet, parsed once, with the computed styles of its elements. */
    private final Cascades cascades = new Cascades();

    public DocxRenderer(FontLibrary fonts, RenderBudget budget) {
        this.fonts = fonts;
        this.budget = budget;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.DOCX;
    }

    @Override
    public Rendered render(Document xhtml, RenderOptions options) {
        Cascade cascade = cascades.of(xhtml);
        budget.checkEstimate(xhtml, cascade.page());
        ComputedStyles styles = new ComputedStyles(cascade, fonts);
        Paragraphs paragraphs = new Paragraphs(styles);
        BodyBuilder body = new BodyBuilder(styles, paragraphs, new TableBuilder(styles, paragraphs));
        Element bodyElement = (Element) xhtml.getElementsByTagName("body").item(0);
        Map<String, String> bodyStyle = cascade.compute(bodyElement, Map.of());
        body.blocks(bodyElement, bodyStyle);
        SectPr section = PageSetup.section(cascade.page());
        Ftr footer = PageSetup.footer(cascade.page(), bodyStyle, styles);
        // Word lays the pages out when it opens the file: their number is not known here.
        return new Rendered(DocxPackage.write(body.content(), section, footer, styles.run(bodyStyle), fonts, budget), 0);
    }
}
