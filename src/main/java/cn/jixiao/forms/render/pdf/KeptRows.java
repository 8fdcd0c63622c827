package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.XhtmlTables;
import cn.jixiao.forms.render.css.Cascade;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code page-break-before: avoid} on a table row, which the PDF engine ignores for rows: when such a row
 * starts a new page, the row before it is moved to that page too, so that a closing row (需要说明的情况 and
 * the signatures) never stands alone under a repeated header. The DOCX gets the same rule as keep-with-next.
 */
public final class KeptRows {
    private KeptRows() {
    }

    /** Rows whose CSS asks to stay on the page of the row before them. */
    public static List<Element> rows(Document xhtml, Cascade cascade) {
        List<Element> rows = new ArrayList<>();
        NodeList all = xhtml.getElementsByTagName("tr");
        for (int i = 0; i < all.getLength(); i++) {
            Element row = (Element) all.item(i);
            if ("avoid".equals(cascade.cascaded(row).get("page-break-before")) && XhtmlTables.previousRow(row) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Moves the row before each kept row to the next page where the two were parted; the rows moved. */
    public static List<Element> pullAlong(List<Element> kept, ToIntFunction<Element> pageOf) {
        List<Element> moved = new ArrayList<>();
        for (Element row : kept) {
            Element before = XhtmlTables.previousRow(row);
            Element beforeThat = XhtmlTables.previousRow(before);
            boolean parted = pageOf.applyAsInt(row) > pageOf.applyAsInt(before);
            boolean alreadyFirst = beforeThat == null || pageOf.applyAsInt(before) > pageOf.applyAsInt(beforeThat);
            if (parted && !alreadyFirst) {
                breakBefore(before);
                moved.add(before);
            }
        }
        return moved;
    }

    /** A forced page break before a row (which the PDF engine honours for rows, unlike {@code avoid}). */
    static void breakBefore(Element row) {
        String style = row.getAttribute("style");
        row.setAttribute("style", (style.isBlank() ? "" : style + ";") + "page-break-before: always");
    }

    /** The rows whose pages decide: the kept rows and the two before each. */
    public static List<Element> rowsToWatch(List<Element> kept) {
        List<Element> rows = new ArrayList<>();
        for (Element row : kept) {
            rows.add(row);
            Element before = XhtmlTables.previousRow(row);
            rows.add(before);
            if (XhtmlTables.previousRow(before) != null) {
                rows.add(XhtmlTables.previousRow(before));
            }
        }
        return rows;
    }
}
