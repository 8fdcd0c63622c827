package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.Interrupts;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import cn.jixiao.forms.render.css.PageGeometry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Blocks poured onto pages from the top: divisions, paragraphs line by line, and tables ({@link TablePlacement});
 * a page begins where the CSS asks ({@code page-break-before: always}) or the next line would cross the bottom margin.
 */
final class PageFlow {
    final PageGeometry geometry;
    final TextFaces faces;
    final Cascade cascade;
    /** The cells' lines, kept from an earlier pass of the same render. */
    final CellContents contents;
    final List<PageContent> pages = new ArrayList<>();
    /** Where each page's content starts, below any header rows repeated on it. */
    final List<Float> contentTops = new ArrayList<>();
    /** The page on which each table row first starts. */
    final Map<Element, Integer> rowPages = new IdentityHashMap<>();
    /** The page and height of each element with an {@code id}, for the outline. */
    final Map<String, float[]> anchors = new HashMap<>();
    int page = -1;
    float y;
    /** Draws the header rows of the table being placed atop a new page; null outside a paginated table. */
    Runnable header;

    PageFlow(PageGeometry geometry, TextFaces faces, Cascade cascade, CellContents contents) {
        this.geometry = geometry;
        this.faces = faces;
        this.cascade = cascade;
        this.contents = contents;
    }

    float left() {
        return (float) geometry.left();
    }

    float width() {
        return (float) (geometry.width() - geometry.left() - geometry.right());
    }

    float bottom() {
        return (float) (geometry.height() - geometry.bottom());
    }

    boolean atTop() {
        return y <= contentTops.get(page) + 0.001f;
    }

    PageContent content() {
        return pages.get(page);
    }

    void newPage() {
        Interrupts.check();
        pages.add(new PageContent());
        page = pages.size() - 1;
        y = (float) geometry.top();
        if (header != null) {
            header.run();
        }
        contentTops.add(y);
    }

    /** Makes pages up to {@code index}, each with its header rows. */
    void ensure(int index) {
        while (pages.size() <= index) {
            newPage();
        }
    }

    void body(Element body, Map<String, String> computed) {
        newPage();
        blocks(body, computed);
    }

    private void blocks(Element parent, Map<String, String> computed) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            Map<String, String> own = cascade.compute(element, computed);
            if ("always".equals(own.get("page-break-before")) && !atTop()) {
                newPage();
            }
            float size = TextStyle.of(own).size();
            y += (float) Lengths.points(own.getOrDefault("margin-top", "0"), size);
            if (!element.getAttribute("id").isEmpty()) {
                anchors.put(element.getAttribute("id"), new float[] {page, y});
            }
            switch (Xhtml.tag(element)) {
                case "table" -> new TablePlacement(this, new TableGrid(element, own, cascade, left(), faces, contents)).place();
                case "p" -> paragraphs(element, own);
                default -> blocks(element, own);
            }
            y += (float) Lengths.points(own.getOrDefault("margin-bottom", "0"), size);
        }
    }

    private void paragraphs(Element element, Map<String, String> computed) {
        for (Paragraph paragraph : Inlines.of(element, computed, cascade)) {
            for (Line line : LineBreaking.lines(paragraph, width(), faces)) {
                if (y + line.height() > bottom() && !atTop()) {
                    newPage();
                }
                content().line(line, left() + offset(line, width()), y, faces);
                y += line.height();
            }
        }
    }

    /** Where a line starts within the width it has, by its block's {@code text-align}. */
    static float offset(Line line, float available) {
        return switch (line.paragraph().block.align()) {
            case "center" -> (available - line.width()) / 2;
            case "right" -> available - line.width();
            default -> 0;
        };
    }
}
