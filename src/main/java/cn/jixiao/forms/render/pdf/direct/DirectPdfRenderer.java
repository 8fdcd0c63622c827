package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.BoundedOutput;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.Interrupts;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Cascades;
import cn.jixiao.forms.render.css.PageGeometry;
import cn.jixiao.forms.render.pdf.KeptRows;
import cn.jixiao.forms.render.pdf.PdfMetadata;
import cn.jixiao.forms.render.pdf.RepeatedCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XHTML to PDF by our own layout ({@link PageFlow}) written through PDFBox, with the faces, metadata and page rules
 * of the openhtmltopdf renderer, each face cut once to the glyphs drawn ({@link EmbeddedFonts}); a document beyond its reach ({@link LayoutReach}), or a PDF/A or signed
 * file, goes to {@code fallback}. Like that renderer it lays out again only when a page break parts kept rows or
 * cuts a repeatable cell.
 */
public final class DirectPdfRenderer implements Renderer {
    private final RenderBudget budget;
    private final Renderer fallback;
    private final TextFaces faces;
    private final Cascades cascades = new Cascades();

    public DirectPdfRenderer(FontLibrary fonts, RenderBudget budget, Renderer fallback) {
        this.budget = budget;
        this.fallback = fallback;
        this.faces = new TextFaces(fonts);
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.PDF;
    }

    @Override
    public Rendered render(Document xhtml, RenderOptions options) {
        Cascade cascade = cascades.of(xhtml);
        if (!LayoutReach.within(xhtml, cascade.page(), options)) {
            return fallback.render(xhtml, options);
        }
        budget.checkEstimate(xhtml, cascade.page());
        CellContents contents = new CellContents();
        PageFlow flow = layout(xhtml, cascade, contents);
        List<Element> kept = KeptRows.rows(xhtml, cascade);
        if (!KeptRows.pullAlong(kept, row -> flow.rowPages.getOrDefault(row, 0)).isEmpty()) {
            PageFlow again = layout(xhtml, cascade, contents);
            return written(xhtml, cascade, splitCells(xhtml, cascade, again), options);
        }
        return written(xhtml, cascade, splitCells(xhtml, cascade, flow), options);
    }

    private PageFlow splitCells(Document xhtml, Cascade cascade, PageFlow flow) {
        return RepeatedCells.settle(xhtml, flow, pass -> row -> pass.rowPages.getOrDefault(row, 0),
                () -> layout(xhtml, cascade, flow.contents));
    }

    /** One layout pass; the cells' lines of earlier passes of the same render are taken from {@code contents}. */
    private PageFlow layout(Document xhtml, Cascade cascade, CellContents contents) {
        Interrupts.check();
        // the document changes only between passes
        Cascade walk = cascade.forOneWalk();
        PageFlow flow = new PageFlow(PageGeometry.of(walk.page()), faces, walk, contents);
        Element html = xhtml.getDocumentElement();
        Map<String, String> root = walk.compute(html, Map.of());
        Element body = (Element) xhtml.getElementsByTagName("body").item(0);
        flow.body(body, walk.compute(body, root));
        budget.checkPages(flow.pages.size());
        return flow;
    }

    private Rendered written(Document xhtml, Cascade cascade, PageFlow flow, RenderOptions options) {
        PageFooter.add(flow, cascade.page());
        try (PDDocument document = new PDDocument()) {
            String text = Xhtml.text(xhtml.getDocumentElement());
            float width = (float) flow.geometry.width();
            float height = (float) flow.geometry.height();
            PageWriter.write(document, new EmbeddedFonts(flow.pages), flow.pages, width, height);
            Outline.add(document, xhtml, flow.anchors, height);
            Interrupts.check();
            PdfMetadata.apply(document, options, PdfMetadata.utf8(text));
            BoundedOutput out = budget.output(64 * 1024);
            document.save(out);
            return new Rendered(out.toByteArray(), document.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
