package cn.jixiao.forms.render.pdf.direct;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text lines of each page, from the glyphs PDFTextStripper reads: glyphs on one baseline, left to right, a
 * line ending where a gap wider than {@link #GAP} parts them (cells lie at least their padding apart). Grouped here
 * rather than by the stripper's own sort, whose order depends on the order the glyphs were drawn in.
 */
final class PageLines {
    record Glyph(String text, float x, float y) {
    }

    record TextLine(String text, List<Glyph> glyphs) {
    }

    /** Wider than a space of 9 pt text, narrower than the padding between two cells. */
    static final float GAP = 5;

    private PageLines() {
    }

    static List<List<TextLine>> of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<List<TextLine>> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                List<TextPosition> glyphs = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        glyphs.add(text);
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.writeText(document, new StringWriter());
                pages.add(lines(glyphs));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TextLine> lines(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble((TextPosition t) -> Math.round(t.getYDirAdj() * 10))
                .thenComparingDouble(TextPosition::getXDirAdj));
        List<TextLine> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Glyph> line = new ArrayList<>();
        TextPosition before = null;
        for (TextPosition t : sorted) {
            boolean apart = before != null && (Math.round(t.getYDirAdj() * 10) != Math.round(before.getYDirAdj() * 10)
                    || t.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj()) > GAP);
            if (apart) {
                lines.add(new TextLine(text.toString().strip(), List.copyOf(line)));
                text.setLength(0);
                line.clear();
            }
            text.append(t.getUnicode());
            if (!t.getUnicode().isBlank()) {
                line.add(new Glyph(t.getUnicode(), t.getXDirAdj(), t.getYDirAdj()));
            }
            before = t;
        }
        if (before != null) {
            lines.add(new TextLine(text.toString().strip(), List.copyOf(line)));
        }
        return lines;
    }
}
