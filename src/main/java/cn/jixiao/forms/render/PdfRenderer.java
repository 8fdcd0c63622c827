package cn.jixiao.forms.render;

import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Cascades;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.layout.Layer;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XHTML to PDF with openhtmltopdf. Fonts come only from the {@link FontLibrary}, parsed once and
 * embedded per document as subsets; no URI is ever resolved, so user text cannot make it fetch anything.
 * The same document gives the same bytes: fixed dates and an identifier derived from the content.
 */
public final class PdfRenderer implements Renderer {
    private static final Calendar EPOCH = fixedDate();

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
     * repeatable cell, is the XHTML adjusted and laid out again. Every pass shares the document and its
     * fonts, so that fonts are loaded once per render.
     */
    @Override
    public byte[] render(Document xhtml) {
        Cascade cascade = cascades.of(xhtml);
        budget.checkEstimate(xhtml, cascade.page());
        try (PDDocument document = new PDDocument()) {
            List<LazyFont> faces = faces(document, needs(xhtml));
            PdfBoxRenderer renderer = laidOut(xhtml, document, faces);
            List<Element> kept = KeptRows.rows(xhtml, cascade);
            Set<Element> watched = RepeatedCells.rowsToWatch(xhtml);
            watched.addAll(KeptRows.rowsToWatch(kept));
            if (!watched.isEmpty()) {
                Map<Element, Integer> pages = pagesOfRows(renderer, watched);
                if (KeptRows.pullAlong(kept, row -> pages.getOrDefault(row, 0))) {
                    renderer = laidOut(xhtml, document, faces);
                    pages.clear();
                    pages.putAll(pagesOfRows(renderer, watched));
                }
                if (RepeatedCells.split(xhtml, row -> pages.getOrDefault(row, 0))) {
                    // A fresh renderer: laying the same one out again keeps pages of the first pass.
                    renderer = laidOut(xhtml, document, faces);
                }
            }
            renderer.createPDFWithoutClosing();
            Interrupts.check();
            fixMetadata(document, xhtml);
            BoundedOutput out = budget.output(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On which page each watched row starts. */
    private static Map<Element, Integer> pagesOfRows(PdfBoxRenderer renderer, Set<Element> rows) {
        Map<Element, Integer> pages = new IdentityHashMap<>();
        collect(renderer.getRootBox(), rows, renderer.getRootBox().getLayer(), pages);
        return pages;
    }

    private static void collect(Box box, Set<Element> rows, Layer layer, Map<Element, Integer> pages) {
        Element element = box.getElement();
        if (element != null && rows.contains(element)) {
            pages.merge(element, layer.getPageIndex(box.getAbsY()), Math::min);
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            collect(box.getChild(i), rows, layer, pages);
        }
    }

    /** Which fonts a document needs: the cut-down faces, and the fallbacks, or not. */
    private record Needs(boolean commonFacesSuffice, boolean fallbacks) {
    }

    private Needs needs(Document xhtml) {
        String text = xhtml.getDocumentElement().getTextContent();
        boolean common = true;
        boolean fallbacks = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= ' ') {
                continue;
            }
            for (FontLibrary.Family family : fonts.families()) {
                FontLibrary.Face face = family.faces().get(0);
                common &= face.commonHas(cp);
                fallbacks |= !face.has(cp);
            }
        }
        return new Needs(common, fallbacks);
    }

    /**
     * The faces this document may use, each loaded into it only when the layout asks. Fallbacks are
     * offered only to a document with a character the families lack: the layout measures every font a
     * font-family list offers, and a large fallback costs as much to set up as all the rest.
     */
    private List<LazyFont> faces(PDDocument document, Needs needs) {
        List<LazyFont> faces = new ArrayList<>();
        for (FontLibrary.Family family : fonts.families()) {
            for (FontLibrary.Face face : family.faces()) {
                faces.add(new LazyFont(document, face, needs.commonFacesSuffice() && face.common() != null ? face.common() : null));
            }
        }
        if (needs.fallbacks()) {
            for (FontLibrary.Face face : fonts.fallbacks()) {
                faces.add(new LazyFont(document, face, null));
            }
        }
        return faces;
    }

    /** A renderer with the document's XHTML laid out. */
    private PdfBoxRenderer laidOut(Document xhtml, PDDocument document, List<LazyFont> faces) {
        Interrupts.check();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useUnicodeLineBreaker(Interrupts.lineBreaker());
        builder.usePDDocument(document);
        builder.useFastMode();
        builder.withW3cDocument(xhtml, "about:blank");
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useUriResolver((base, uri) -> null);
        builder.withProducer("jixiao-forms");
        for (LazyFont face : faces) {
            builder.useFont(face, face.face.family(), face.face.weight(),
                    face.face.italic() ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        PdfBoxRenderer renderer = builder.buildPdfRenderer();
        renderer.layout();
        budget.checkPages(renderer.getRootBox().getLayer().getPages().size());
        return renderer;
    }

    /** Loads a face into this document only when the layout first asks for it: unused faces cost nothing. */
    private static final class LazyFont extends PDFontSupplier {
        private final PDDocument document;
        private final FontLibrary.Face face;
        /** The cut-down face to embed, or null for the whole font. */
        private final TrueTypeFont file;
        private PDFont font;

        LazyFont(PDDocument document, FontLibrary.Face face, TrueTypeFont file) {
            super(null);
            this.document = document;
            this.face = face;
            this.file = file;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(document, file == null ? face.font() : file, true);
                    if (file != null) {
                        // The cut-down face lost the cap and x heights of its OS/2 table; text extraction
                        // and selection in viewers size glyphs by them.
                        font.getFontDescriptor().setCapHeight(face.capHeight());
                        font.getFontDescriptor().setXHeight(face.xHeight());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    private static void fixMetadata(PDDocument document, Document xhtml) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreationDate(EPOCH);
        info.setModificationDate(EPOCH);
        info.setProducer("jixiao-forms");
        info.setCreator("jixiao-forms");
        byte[] id = digest(xhtml);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        document.setDocumentId(0L);
    }

    private static byte[] digest(Document xhtml) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(xhtml.getDocumentElement().getTextContent().getBytes(StandardCharsets.UTF_8));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calendar fixedDate() {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.set(2000, Calendar.JANUARY, 1, 0, 0, 0);
        return calendar;
    }
}
