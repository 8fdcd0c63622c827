package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.Xhtml;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code <bookmarks>} of the head as the PDF's outline, each entry leading to the page and height of its anchor. */
final class Outline {
    private Outline() {
    }

    static void add(PDDocument document, Document xhtml, Map<String, float[]> anchors, float pageHeight) {
        NodeList lists = xhtml.getElementsByTagName("bookmarks");
        if (lists.getLength() == 0) {
            return;
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        entries((Element) lists.item(0), outline, document, anchors, pageHeight);
        document.getDocumentCatalog().setDocumentOutline(outline);
    }

    private static void entries(Element parent, PDOutlineNode node, PDDocument document, Map<String, float[]> anchors, float pageHeight) {
        for (Element mark : Xhtml.children(parent, "bookmark")) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(mark.getAttribute("name"));
            float[] at = anchors.get(mark.getAttribute("href").replaceFirst("^#", ""));
            if (at != null) {
                PDPageXYZDestination destination = new PDPageXYZDestination();
                destination.setPage(document.getPage((int) at[0]));
                destination.setTop(Math.round(pageHeight - at[1]));
                item.setDestination(destination);
            }
            node.addLast(item);
            entries(mark, item, document, anchors, pageHeight);
        }
    }
}
