package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.FontLibrary;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;

/**
 * The faces one PDF may use, each loaded into it only when the layout first asks for it. The cut-down faces
 * serve a document made only of everyday characters; fallbacks are offered only to a document with a character
 * the families lack: the layout measures every font a font-family list offers, and a large fallback costs as
 * much to set up as all the rest.
 */
final class DocumentFonts {
    private final List<LazyFont> faces = new ArrayList<>();

    DocumentFonts(FontLibrary fonts, PDDocument document, Document xhtml) {
        boolean common = true;
        boolean fallbacks = false;
        String text = xhtml.getDocumentElement().getTextContent();
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
        for (FontLibrary.Family family : fonts.families()) {
            for (FontLibrary.Face face : family.faces()) {
                faces.add(new LazyFont(document, face, common && face.common() != null ? face.common() : null));
            }
        }
        if (fallbacks) {
            for (FontLibrary.Face face : fonts.fallbacks()) {
                faces.add(new LazyFont(document, face, null));
            }
        }
    }

    void offerTo(PdfRendererBuilder builder) {
        for (LazyFont face : faces) {
            builder.useFont(face, face.face.family(), face.face.weight(),
                    face.face.italic() ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL, true);
        }
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
}
