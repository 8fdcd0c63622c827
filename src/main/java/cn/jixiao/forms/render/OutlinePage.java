package cn.jixiao.forms.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * An entry of a PDF's outline (bookmarks): its title, the page it leads to (from 0) and the entries below it.
 * Read in order, the entries stand for the items of the document the file was made of.
 */
public record OutlinePage(String title, int page, List<OutlinePage> children) {

    /** The entries of a file's outline, nested as they are; none when it has no outline. */
    public static List<OutlinePage> of(PDDocument file) throws IOException {
        PDOutlineNode outline = file.getDocumentCatalog().getDocumentOutline();
        return outline == null ? List.of() : entries(outline, file);
    }

    private static List<OutlinePage> entries(PDOutlineNode node, PDDocument file) throws IOException {
        List<OutlinePage> entries = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            entries.add(new OutlinePage(item.getTitle(), pageOf(item, file), entries(item, file)));
        }
        return entries;
    }

    /** The index of the page an entry leads to, by its destination or its go-to action; 0 when it leads nowhere. */
    private static int pageOf(PDOutlineItem item, PDDocument file) throws IOException {
        PDPageDestination destination = item.getDestination() instanceof PDPageDestination page ? page
                : item.getAction() instanceof PDActionGoTo goTo && goTo.getDestination() instanceof PDPageDestination page ? page : null;
        return destination == null || destination.getPage() == null ? 0 : Math.max(0, file.getPages().indexOf(destination.getPage()));
    }

    /** The same entry and those below it, their pages moved by {@code offset}: a file bound after others. */
    public OutlinePage after(int offset) {
        return new OutlinePage(title, page + offset, children.stream().map(child -> child.after(offset)).toList());
    }
}
