package cn.jixiao.forms.render.docx;

import static cn.jixiao.forms.render.docx.DocxRenderer.WML;

import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.docx.ComputedStyles.Spacing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docx4j.wml.P;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.Tbl;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks the XHTML body into the document's body content, in order: a table for each table, a paragraph
 * for each block without blocks inside, and the blocks of each container, its margins on the first and
 * last paragraph. {@code page-break-before: always} starts the next paragraph or table on a new page.
 */
final class BodyBuilder {
    private static final Set<String> SKIPPED = Set.of("style", "head", "title", "colgroup");
    /** The style of the paragraphs that carry a page break or keep two tables apart: as small as Word allows. */
    private static final Map<String, String> HAIRLINE = Map.of("font-size", "1pt");

    private final ComputedStyles styles;
    private final Paragraphs paragraphs;
    private final TableBuilder tables;
    private final List<Object> content = new ArrayList<>();
    private boolean pageBreakPending;

    BodyBuilder(ComputedStyles styles, Paragraphs paragraphs, TableBuilder tables) {
        this.styles = styles;
        this.paragraphs = paragraphs;
        this.tables = tables;
    }

    List<Object> content() {
        return content;
    }

    void blocks(Element container, Map<String, String> computed) {
        for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                String tag = Xhtml.tag(element);
                if (SKIPPED.contains(tag)) {
                    continue;
                }
                Map<String, String> childStyle = styles.compute(element, computed);
                if (ComputedStyles.pageBreaks(childStyle).before() && !content.isEmpty()) {
                    pageBreakPending = true;
                }
                if (tag.equals("table")) {
                    if (pageBreakPending) {
                        P breaker = paragraphs.paragraph(HAIRLINE);
                        breaker.getPPr().setPageBreakBefore(WML.createBooleanDefaultTrue());
                        content.add(breaker);
                        pageBreakPending = false;
                    } else if (!content.isEmpty() && content.get(content.size() - 1) instanceof Tbl) {
                        content.add(separator());
                    }
                    content.add(tables.table(element, childStyle));
                } else if (hasBlockChildren(element)) {
                    int first = content.size();
                    blocks(element, childStyle);
                    marginsOfContainer(first, childStyle);
                } else {
                    P paragraph = paragraphs.block(element, childStyle);
                    paragraphs.trimEdges(paragraph);
                    if (pageBreakPending) {
                        paragraph.getPPr().setPageBreakBefore(WML.createBooleanDefaultTrue());
                        pageBreakPending = false;
                    }
                    content.add(paragraph);
                }
            } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                P paragraph = paragraphs.paragraph(computed);
                paragraphs.text(paragraph, child.getNodeValue(), computed);
                content.add(paragraph);
            }
        }
    }

    private static boolean hasBlockChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && Paragraphs.isBlock(e)) {
                return true;
            }
        }
        return false;
    }

    /** A container's vertical margins go to the first and last paragraph it produced. */
    private void marginsOfContainer(int first, Map<String, String> computed) {
        if (first >= content.size()) {
            return;
        }
        Spacing margins = ComputedStyles.containerMargins(computed);
        if (margins.before() > 0 && content.get(first) instanceof P paragraph) {
            Paragraphs.addBefore(paragraph, margins.before());
        }
        if (margins.after() > 0 && content.get(content.size() - 1) instanceof P paragraph) {
            Paragraphs.addAfter(paragraph, margins.after());
        }
    }

    /** Word joins tables that touch; a hairline paragraph keeps them two, each with its own header. */
    private P separator() {
        P paragraph = paragraphs.paragraph(HAIRLINE);
        PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(20));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        paragraph.getPPr().setSpacing(spacing);
        return paragraph;
    }
}
