package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.BoundedOutput;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.Interrupts;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Cascades;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.newtable.TableCellBox;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XHTML to PDF with openhtmltopdf. Fonts come only from the {@link FontLibrary}, parsed once and
 * embedded per document as subsets; no URI is ever resolved, so user text cannot make it fetch anything.
 * The same document gives the same bytes ({@link PdfMetadata}); on request the file is PDF/A-2b or 3b and has
 * empty signature fields where the template marks a place to sign ({@link SignatureFields}).
 */
public final class PdfRenderer implements Renderer {
    private static final String DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

    static {
        XRLog.setLoggingEnabled(false);
        XRLog.setLevel(XRLog.GENERAL, Level.OFF);
        // PDFBox compresses streams at zlib level 6 unless told otherwise; level 1 renders the tracking example
        // 16 % faster for 11 % more bytes (41 KB a page). An operator's own setting wins.
        if (System.getProperty(DEFLATE_LEVEL) == null) {
            System.setProperty(DEFLATE_LEVEL, "1");
        }
    }

    private final FontLibrary fonts;
    private final RenderBudget budget;
    /** Each form's stylesheet, parsed once, for the rules openhtmltopdf does not apply to rows ({@link KeptRows}). */
    private final Cascades cascades = new Cascades();

    public PdfRenderer(FontLibrary fonts, RenderBudget budget) {
        this.fonts = fonts;
        this.budget = budget;
        FontMappers.set(new BundledFontMapper(fonts));
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.PDF;
    }

    /**
     * Lays the document out once; only when a page break parts rows that must stay together, or cuts a
     * repeatable cell, is the XHTML adjusted and laid out again — once for both, as a forced break moves nothing
     * before it, unless a repeatable cell runs on after a moved row; and again when a split moved a break
     * ({@link RepeatedCells#settle}). Every pass shares the document and its
     * fonts, so that fonts are loaded once per render.
     */
    @Override
    public Rendered render(Document xhtml, RenderOptions options) {
        Cascade cascade = cascades.of(xhtml);
        budget.checkEstimate(xhtml, cascade.page());
        try (PDDocument document = new PDDocument()) {
            String text = Xhtml.text(xhtml.getDocumentElement());
            DocumentFonts faces = new DocumentFonts(fonts, document, text);
            PdfBoxRenderer renderer = laidOut(xhtml, document, faces, options);
            List<Element> kept = KeptRows.rows(xhtml, cascade);
            Set<Element> watched = RepeatedCells.rowsToWatch(xhtml);
            watched.addAll(KeptRows.rowsToWatch(kept));
            if (!watched.isEmpty()) {
                List<Element> moved = KeptRows.pullAlong(kept, pageOfRow(renderer, watched));
                boolean stale = !moved.isEmpty();
                if (stale && !allBefore(RepeatedCells.rowsSpanned(xhtml), moved)) {
                    // Rows of a repeatable cell after a moved row may change pages: ask a pass where they fall now.
                    renderer = laidOut(xhtml, document, faces, options);
                    stale = false;
                }
                PdfBoxRenderer decided = renderer;
                // A fresh renderer each pass: laying the same one out again keeps pages of the first pass.
                renderer = RepeatedCells.settle(xhtml, decided, pass -> pageOfRow(pass, watched),
                        () -> laidOut(xhtml, document, faces, options));
                if (renderer == decided && stale) {
                    renderer = laidOut(xhtml, document, faces, options);
                }
            }
            renderer.createPDFWithoutClosing();
            Interrupts.check();
            if (options.signatureFields()) {
                SignatureFields.add(document, renderer);
            }
            PdfMetadata.apply(document, options, PdfMetadata.utf8(text));
            BoundedOutput out = budget.output(64 * 1024);
            document.save(out);
            return new Rendered(out.toByteArray(), document.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every row comes before the first of the rows moved to a new page. */
    private static boolean allBefore(Set<Element> rows, List<Element> moved) {
        for (Element row : rows) {
            for (Element pushed : moved) {
                if (row == pushed || (row.compareDocumentPosition(pushed) & Node.DOCUMENT_POSITION_FOLLOWING) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * On which page each watched row starts (0 for a row not laid out): where its first line of text stands. The
     * engine moves a row that cannot start on a page down inside a row box that still begins on the page before;
     * only the row's own cells count, as a merged cell's text stands wherever its rows place it.
     */
    private static ToIntFunction<Element> pageOfRow(PdfBoxRenderer renderer, Set<Element> rows) {
        Map<Element, Integer> pages = new IdentityHashMap<>();
        collect(renderer.getRootBox(), rows, renderer.getRootBox().getLayer(), pages);
        return row -> pages.getOrDefault(row, 0);
    }

    private static void collect(Box box, Set<Element> rows, Layer layer, Map<Element, Integer> pages) {
        Element element = box.getElement();
        if (element != null && rows.contains(element)) {
            pages.merge(element, layer.getPageIndex(firstLineY(box)), Math::min);
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            collect(box.getChild(i), rows, layer, pages);
        }
    }

    /** The top of a row's first line of text in a cell of its own (an empty cell's line stays where the row
     * began), or of the row where it has none. */
    private static int firstLineY(Box row) {
        int top = Integer.MAX_VALUE;
        for (int i = 0; i < row.getChildCount(); i++) {
            if (row.getChild(i) instanceof TableCellBox cell && cell.getStyle().getRowSpan() == 1) {
                top = Math.min(top, firstLine(cell));
            }
        }
        return top == Integer.MAX_VALUE ? row.getAbsY() : top;
    }

    /** The top of the first line of text under a box (lines are laid out downwards), or MAX_VALUE. */
    private static int firstLine(Box box) {
        if (box instanceof LineBox line) {
            return line.isContainsContent() ? line.getAbsY() : Integer.MAX_VALUE;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            int top = firstLine(box.getChild(i));
            if (top != Integer.MAX_VALUE) {
                return top;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** A renderer with the document's XHTML laid out. */
    private PdfBoxRenderer laidOut(Document xhtml, PDDocument document, DocumentFonts faces, RenderOptions options) {
        Interrupts.check();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useUnicodeLineBreaker(new InterruptibleLineBreaker());
        builder.usePDDocument(document);
        builder.useFastMode();
        builder.withW3cDocument(xhtml, "about:blank");
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useUriResolver((base, uri) -> null);
        builder.withProducer(PdfMetadata.PRODUCER);
        if (options.archive() != RenderOptions.Archive.NONE) {
            builder.usePdfAConformance(options.archive() == RenderOptions.Archive.PDFA_3B
                    ? PdfRendererBuilder.PdfAConformance.PDFA_3_B : PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.useColorProfile(PdfMetadata.SRGB);
        }
        faces.offerTo(builder);
        PdfBoxRenderer renderer = builder.buildPdfRenderer();
        renderer.getSharedContext().setTextRenderer(new MeasuringTextRenderer(faces::widths));
        renderer.layout();
        budget.checkPages(renderer.getRootBox().getLayer().getPages().size());
        return renderer;
    }
}
