package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * The faces a directly laid-out PDF draws with, each cut once, after the layout, to the characters its pages show
 * and embedded as a CID font whose CIDs are the glyph numbers of that cut (CIDToGIDMap Identity). PDFBox, given a
 * font to subset, cuts it again on save and writes its widths and ToUnicode map through boxed maps; here the glyphs
 * drawn are known before the pages are written, so one cut serves and the tables are written from arrays.
 */
final class EmbeddedFonts {
    /** The tables a PDF viewer reads from an embedded TrueType font: PDFBox embeds the same. */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String TAG_LETTERS = "BCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Map<FontLibrary.Face, Embedded> faces = new LinkedHashMap<>();

    /** One face of the document: its name in the pages' resources and the CID of each character it draws. */
    private static final class Embedded {
        final COSName resource;
        final BitSet drawn = new BitSet();
        /** The characters drawn, ascending, and the CID of each (0 for one the face lacks). */
        int[] codePoints;
        int[] cids;

        Embedded(COSName resource) {
            this.resource = resource;
        }

        int cid(int codePoint) {
            int at = Arrays.binarySearch(codePoints, codePoint);
            return at < 0 ? 0 : cids[at];
        }
    }

    /** The faces and characters of the pages, before anything is written. */
    EmbeddedFonts(Iterable<PageContent> pages) {
        for (PageContent page : pages) {
            for (PageContent.Run run : page.runs) {
                Embedded face = faces.computeIfAbsent(run.face(), any -> new Embedded(COSName.getPDFName("F" + (faces.size() + 1))));
                run.text().codePoints().forEach(face.drawn::set);
            }
        }
    }

    /** The name the pages' resources give the face. */
    COSName resource(FontLibrary.Face face) {
        return faces.get(face).resource;
    }

    /** The text as the CIDs of the face's cut, two bytes each (Identity-H). */
    byte[] codes(FontLibrary.Face face, String text) {
        Embedded embedded = faces.get(face);
        byte[] codes = new byte[text.codePointCount(0, text.length()) * 2];
        int at = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int cid = embedded.cid(cp);
            codes[at++] = (byte) (cid >> 8);
            codes[at++] = (byte) cid;
        }
        return codes;
    }

    /** Cuts each face to its characters and adds it to the document: the fonts of every page's resources. */
    COSDictionary embed(PDDocument document) throws IOException {
        COSDictionary fonts = new COSDictionary();
        for (Map.Entry<FontLibrary.Face, Embedded> entry : faces.entrySet()) {
            fonts.setItem(entry.getValue().resource, type0(document, entry.getKey(), entry.getValue()));
        }
        return fonts;
    }

    /**
     * The face cut to the glyphs drawn. Cuts of one face run at once on every render thread, as the openhtmltopdf
     * path's do: FontBox parsed every table when the font was read (FontLibrary), and what a cut reads besides —
     * glyph outlines, a table's bytes — FontBox reads under its own lock, or from a stream of its own.
     */
    private static COSDictionary type0(PDDocument document, FontLibrary.Face face, Embedded embedded) throws IOException {
        TrueTypeFont font = face.font();
        TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
        embedded.codePoints = embedded.drawn.stream().toArray();
        FaceMetrics metrics = FaceMetrics.of(face);
        int[] glyphOf = new int[embedded.codePoints.length];
        Set<Integer> glyphs = new HashSet<>();
        for (int i = 0; i < glyphOf.length; i++) {
            glyphOf[i] = metrics.glyph(embedded.codePoints[i]);
            glyphs.add(glyphOf[i]);
        }
        subsetter.addGlyphIds(glyphs);
        // new glyph number → glyph of the whole font, in the order of the whole font's glyphs, .notdef first
        Map<Integer, Integer> newToOld = subsetter.getGIDMap();
        int[] oldGlyphs = new int[newToOld.size()];
        newToOld.forEach((newGlyph, oldGlyph) -> oldGlyphs[newGlyph] = oldGlyph);
        int[] unicodeOf = new int[oldGlyphs.length];
        embedded.cids = new int[embedded.codePoints.length];
        for (int i = 0; i < embedded.codePoints.length; i++) {
            int cid = Arrays.binarySearch(oldGlyphs, glyphOf[i]);
            if (cid > 0) {
                embedded.cids[i] = cid;
                if (unicodeOf[cid] == 0) {
                    unicodeOf[cid] = embedded.codePoints[i];
                }
            }
        }
        ByteArrayOutputStream cut = new ByteArrayOutputStream(64 * 1024);
        subsetter.writeToStream(cut);
        String name = tag(oldGlyphs) + "+" + font.getName();

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, name);
        COSDictionary info = new COSDictionary();
        info.setString(COSName.REGISTRY, "Adobe");
        info.setString(COSName.ORDERING, "Identity");
        info.setInt(COSName.SUPPLEMENT, 0);
        cidFont.setItem(COSName.CIDSYSTEMINFO, info);
        cidFont.setItem(COSName.FONT_DESC, descriptor(document, face, font, name, cut.toByteArray()));
        cidFont.setItem(COSName.W, widths(font, oldGlyphs));
        cidFont.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, name);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, stream(document, toUnicode(unicodeOf)));
        return type0;
    }

    /** The descriptor PDFBox writes for an embedded TrueType face, its cap and x heights from the whole font. */
    private static COSDictionary descriptor(PDDocument document, FontLibrary.Face face, TrueTypeFont font, String name,
                                            byte[] cut) throws IOException {
        HeaderTable head = font.getHeader();
        HorizontalHeaderTable hhea = font.getHorizontalHeader();
        OS2WindowsMetricsTable os2 = font.getOS2Windows();
        float scale = 1000f / head.getUnitsPerEm();
        COSDictionary entries = new COSDictionary();
        entries.setItem(COSName.TYPE, COSName.FONT_DESC);
        PDFontDescriptor descriptor = new PDFontDescriptor(entries);
        descriptor.setFontName(name);
        descriptor.setFixedPitch(font.getPostScript() != null && font.getPostScript().getIsFixedPitch() > 0
                || hhea.getNumberOfHMetrics() == 1);
        descriptor.setItalic(face.italic());
        descriptor.setSerif(serif(os2));
        descriptor.setFontWeight(os2 == null ? face.weight() : os2.getWeightClass());
        descriptor.setSymbolic(true);
        descriptor.setNonSymbolic(false);
        descriptor.setItalicAngle(font.getPostScript() == null ? 0 : font.getPostScript().getItalicAngle());
        descriptor.setFontBoundingBox(new PDRectangle(head.getXMin() * scale, head.getYMin() * scale,
                (head.getXMax() - head.getXMin()) * scale, (head.getYMax() - head.getYMin()) * scale));
        descriptor.setAscent(hhea.getAscender() * scale);
        descriptor.setDescent(hhea.getDescender() * scale);
        descriptor.setCapHeight(face.capHeight());
        descriptor.setXHeight(face.xHeight());
        descriptor.setStemV(descriptor.getFontBoundingBox().getWidth() * .13f);
        COSStream file = stream(document, cut);
        file.setInt(COSName.LENGTH1, cut.length);
        descriptor.getCOSObject().setItem(COSName.FONT_FILE2, file);
        return descriptor.getCOSObject();
    }

    private static boolean serif(OS2WindowsMetricsTable os2) {
        if (os2 == null) {
            return false;
        }
        int family = os2.getFamilyClass();
        return family == OS2WindowsMetricsTable.FAMILY_CLASS_CLAREDON_SERIFS
                || family == OS2WindowsMetricsTable.FAMILY_CLASS_FREEFORM_SERIFS
                || family == OS2WindowsMetricsTable.FAMILY_CLASS_MODERN_SERIFS
                || family == OS2WindowsMetricsTable.FAMILY_CLASS_OLDSTYLE_SERIFS
                || family == OS2WindowsMetricsTable.FAMILY_CLASS_SLAB_SERIFS;
    }

    /** The advance of each CID in 1/1000 em, rounded as PDFBox rounds it; the default 1000 left out. */
    private static COSArray widths(TrueTypeFont font, int[] oldGlyphs) throws IOException {
        float scale = 1000f / font.getHeader().getUnitsPerEm();
        COSArray widths = new COSArray();
        COSArray run = null;
        int previous = Integer.MIN_VALUE;
        for (int cid = 0; cid < oldGlyphs.length; cid++) {
            long width = Math.round(font.getHorizontalMetrics().getAdvanceWidth(oldGlyphs[cid]) * scale);
            if (width == 1000) {
                continue;
            }
            if (previous != cid - 1) {
                run = new COSArray();
                widths.add(COSInteger.get(cid));
                widths.add(run);
            }
            run.add(COSInteger.get(width));
            previous = cid;
        }
        return widths;
    }

    /** CID → Unicode for text extraction, copying and search: one bfchar entry a glyph, a hundred to a block. */
    private static byte[] toUnicode(int[] unicodeOf) {
        List<String> entries = new ArrayList<>();
        for (int cid = 1; cid < unicodeOf.length; cid++) {
            if (unicodeOf[cid] != 0) {
                entries.add("<" + hex4(cid) + "> <" + utf16(unicodeOf[cid]) + ">");
            }
        }
        StringBuilder cmap = new StringBuilder(64 + entries.size() * 16);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int start = 0; start < entries.size(); start += 100) {
            List<String> block = entries.subList(start, Math.min(entries.size(), start + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            block.forEach(entry -> cmap.append(entry).append('\n'));
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String utf16(int codePoint) {
        StringBuilder hex = new StringBuilder(8);
        for (char c : Character.toChars(codePoint)) {
            hex.append(hex4(c));
        }
        return hex.toString();
    }

    private static String hex4(int value) {
        char[] hex = new char[4];
        for (int i = 3; i >= 0; i--, value >>= 4) {
            hex[i] = HEX[value & 0xF];
        }
        return new String(hex);
    }

    /** Six capitals naming the cut, the same for the same glyphs (PDF's subset tag). */
    private static String tag(int[] glyphs) {
        long hash = Math.abs((long) Arrays.hashCode(glyphs));
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append(TAG_LETTERS.charAt((int) (hash % TAG_LETTERS.length())));
            hash /= TAG_LETTERS.length();
        }
        return tag.toString();
    }

    static COSStream stream(PDDocument document, byte[] bytes) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(bytes);
        }
        return stream;
    }
}
