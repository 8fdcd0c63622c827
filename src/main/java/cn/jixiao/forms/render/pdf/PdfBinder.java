package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.Interrupts;
import cn.jixiao.forms.render.OutlinePage;
import cn.jixiao.forms.render.RenderOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Files rendered one by one bound into one PDF: their pages in order, each file an entry of the outline with its
 * own entries (its projects) below. Each file keeps its page numbers (第 X 页 共 Y 页), as forms are filed
 * separately. The pages wait in a temporary file, not in memory, however many files there are.
 */
public final class PdfBinder implements AutoCloseable {
    private final PDDocument bound = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final List<OutlinePage> entries = new ArrayList<>();
    private final PDFMergerUtility merger = new PDFMergerUtility();
    private final List<byte[]> digests = new ArrayList<>();

    /** Appends a rendered PDF under an outline entry of this title; returns its number of pages. */
    public int add(String title, byte[] pdf) {
        Interrupts.check();
        try (PDDocument file = Loader.loadPDF(pdf)) {
            int offset = bound.getNumberOfPages();
            entries.add(new OutlinePage(title, offset, OutlinePage.of(file).stream().map(entry -> entry.after(offset)).toList()));
            file.getDocumentCatalog().setDocumentOutline(null);
            merger.appendDocument(bound, file);
            digests.add(PdfMetadata.md5(pdf));
            return file.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bound file; for PDF/A with one output intent and XMP of its own, for PDF/A-3 with the batch as source. */
    public void write(RenderOptions options, OutputStream out) {
        try {
            PDDocumentOutline outline = new PDDocumentOutline();
            attach(outline, entries);
            outline.openNode();
            bound.getDocumentCatalog().setDocumentOutline(outline);
            List<PDOutputIntent> intents = bound.getDocumentCatalog().getOutputIntents();
            if (intents.size() > 1) {
                // PDF/A: one output intent; every file brought the same sRGB one
                PDOutputIntent first = intents.get(0);
                bound.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
                bound.getDocumentCatalog().addOutputIntent(first);
            }
            StringBuilder content = new StringBuilder();
            digests.forEach(digest -> content.append(HexFormat.of().formatHex(digest)));
            PdfMetadata.apply(bound, options, PdfMetadata.utf8(content.toString()));
            bound.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void attach(PDOutlineNode parent, List<OutlinePage> children) {
        for (OutlinePage entry : children) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(entry.title());
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(bound.getPage(Math.min(entry.page(), bound.getNumberOfPages() - 1)));
            item.setDestination(destination);
            parent.addLast(item);
            attach(item, entry.children());
        }
    }

    @Override
    public void close() {
        try {
            bound.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
