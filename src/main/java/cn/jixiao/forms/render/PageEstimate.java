package cn.jixiao.forms.render;

import cn.jixiao.forms.render.css.PageGeometry;
import cn.jixiao.forms.render.css.Stylesheet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The fewest pages a document can take, from its XHTML alone, before anything is laid out: every line break a
 * user typed and every table row starts a line, the lines of a row are those of its tallest cell, and no line
 * is shorter than {@link #MIN_LINE_HEIGHT}. A document far beyond the page budget is so refused in
 * milliseconds, not after minutes of layout.
 */
public final class PageEstimate {
    /** Below any text the forms print (9 pt × 1.35), so that the estimate stays a lower bound. */
    static final double MIN_LINE_HEIGHT = 8;

    private PageEstimate() {
    }

    public static long atLeast(Document xhtml, Stylesheet.Page page) {
        long lines = 0;
        NodeList rows = xhtml.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            long tallest = 1;
            for (Element cell : XhtmlTables.cells((Element) rows.item(i))) {
                tallest = Math.max(tallest, lines(cell));
            }
            lines += tallest;
            if (i % 64 == 0) {
                Interrupts.check();
            }
        }
        double linesPerPage = Math.max(1, Math.floor(PageGeometry.of(page).contentHeight() / MIN_LINE_HEIGHT));
        return (long) Math.ceil(lines / linesPerPage);
    }

    /** The lines a cell needs at least: one, and one more for each break typed in its text or written as {@code <br/>}. */
    private static long lines(Node node) {
        long lines = 1;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                lines += child.getNodeValue().chars().filter(c -> c == '\n').count();
            } else if (child instanceof Element element) {
                lines += element.getTagName().equalsIgnoreCase("br") ? 1 : lines(element) - 1;
            }
        }
        return lines;
    }
}
