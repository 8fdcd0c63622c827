package cn.jixiao.forms.render;

import cn.jixiao.forms.render.css.Stylesheet;
import org.w3c.dom.Document;

/**
 * How much one rendered file may be: pages and bytes. A document beyond either is refused — early, from an
 * estimate of its pages before anything is laid out, or as soon as the layout or the output shows it — never
 * half-rendered, and never at the cost of the memory every other request needs.
 */
public record RenderBudget(int maxPages, int maxBytes) {

    /** Refuses a document whose XHTML alone shows it needs more pages than allowed. */
    public void checkEstimate(Document xhtml, Stylesheet.Page page) {
        long pages = PageEstimate.atLeast(xhtml, page);
        if (pages > maxPages) {
            throw new BudgetExceeded(BudgetExceeded.Measure.PAGES, pages, maxPages, true);
        }
    }

    /** Refuses a laid-out document of more pages than allowed, before a page is drawn. */
    public void checkPages(int pages) {
        if (pages > maxPages) {
            throw new BudgetExceeded(BudgetExceeded.Measure.PAGES, pages, maxPages, false);
        }
    }

    /** A buffer for the file, refused the moment it passes {@link #maxBytes}. */
    public BoundedOutput output(int initialSize) {
        return new BoundedOutput(initialSize, maxBytes);
    }
}
