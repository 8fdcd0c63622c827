package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.FontLibrary;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The faces one PDF may use, each cut down to the characters of the document (its text, and the strings of its
 * stylesheet such as 第 X 页) and loaded into it only when the layout first asks for it. Fallbacks are offered
 * only to a document with a character the families lack: the layout measures every font a font-family list
 * offers.
 */
public final class DocumentFonts {
    /** Printable ASCII, always in a subset: what a layout may add of its own (digits of page numbers, hyphens). */
    private static final BitSet ASCII = new BitSet();

    static {
        ASCII.set(0x20, 0x7F);
    }

    /** Each face's text widths, kept for the life of the process: any cut of a face measures a character alike. */
    private static final Map<FontLibrary.Face, GlyphWidths> WIDTHS = new ConcurrentHashMap<>();

    private final List<LazyFont> faces = new ArrayList<>();
    /** The widths of each face loaded into this document, by the font the layout is given. */
    private final Map<PDFont, GlyphWidths.InDocument> loaded = new IdentityHashMap<>();

    /** @param text all the text of the XHTML, its stylesheet's included */
    public DocumentFonts(FontLibrary fonts, PDDocument document, String text) {
        List<FontLibrary.Family> families = fonts.families();
        BitSet used = (BitSet) ASCII.clone();
        boolean fallbacks = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= ' ' || used.get(cp)) {
                continue;
            }
            used.set(cp);
            for (FontLibrary.Family family : families) {
                fallbacks |= !family.faces().get(0).has(cp);
            }
        }
        for (FontLibrary.Family family : families) {
            for (FontLibrary.Face face : family.faces()) {
                faces.add(new LazyFont(document, face, used));
            }
        }
        if (fallbacks) {
            for (FontLibrary.Face face : fonts.fallbacks()) {
                faces.add(new LazyFont(document, face, used));
            }
        }
    }

    /** The face as loaded into this document, cut to its characters; loaded at the first call. */
    public PDFont font(FontLibrary.Face face) {
        for (LazyFont lazy : faces) {
            if (lazy.face == face) {
                return lazy.supply();
            }
        }
        throw new IllegalArgumentException("not a face of this document: " + face.file());
    }

    void offerTo(PdfRendererBuilder builder) {
        for (LazyFont face : faces) {
            builder.useFont(face, face.face.family(), face.face.weight(),
                    face.face.italic() ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
        }
    }

    /** The cached widths of a font of this document, or null for a font that is not one of its faces. */
    GlyphWidths.InDocument widths(PDFont font) {
        return loaded.get(font);
    }

    /** Loads a face into this document only when the layout first asks for it: unused faces cost nothing. */
    private final class LazyFont extends PDFontSupplier {
        private final PDDocument document;
        private final FontLibrary.Face face;
        private final BitSet codePoints;
        private PDFont font;

        LazyFont(PDDocument document, FontLibrary.Face face, BitSet codePoints) {
            super(null);
            this.document = document;
            this.face = face;
            this.codePoints = codePoints;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    PDType0Font type0 = PDType0Font.load(document, face.subset(codePoints), true);
                    loaded.put(type0, WIDTHS.computeIfAbsent(face, any -> new GlyphWidths()).in(type0));
                    font = type0;
                    // A subset loses the cap and x heights of its OS/2 table; text extraction and selection in
                    // viewers size glyphs by them.
                    font.getFontDescriptor().setCapHeight(face.capHeight());
                    font.getFontDescriptor().setXHeight(face.xHeight());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }
}
