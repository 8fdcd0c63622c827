package cn.jixiao.forms.render.pdf.direct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where two PDFs' text differs: pages, lines per page, and glyphs of the same line farther apart than a tolerance. */
record LayoutDifferences(List<String> pages, List<String> lines, List<String> glyphs, double largest) {

    static LayoutDifferences of(byte[] expected, byte[] actual, double tolerance) {
        List<List<PageLines.TextLine>> want = PageLines.of(expected);
        List<List<PageLines.TextLine>> got = PageLines.of(actual);
        List<String> pages = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> glyphs = new ArrayList<>();
        double largest = 0;
        if (want.size() != got.size()) {
            pages.add(want.size() + " pages, direct " + got.size());
        }
        for (int p = 0; p < Math.min(want.size(), got.size()); p++) {
            List<String> wantText = want.get(p).stream().map(PageLines.TextLine::text).toList();
            List<String> gotText = got.get(p).stream().map(PageLines.TextLine::text).toList();
            if (!wantText.equals(gotText)) {
                List<String> missing = new ArrayList<>(wantText);
                missing.removeAll(gotText);
                List<String> extra = new ArrayList<>(gotText);
                extra.removeAll(wantText);
                lines.add("page " + (p + 1) + ": only openhtmltopdf " + missing + "; only direct " + extra);
            }
            List<PageLines.TextLine> others = new ArrayList<>(got.get(p));
            for (PageLines.TextLine line : want.get(p)) {
                PageLines.TextLine match = others.stream().filter(o -> o.text().equals(line.text())).findFirst().orElse(null);
                if (match == null) {
                    continue;
                }
                others.remove(match);
                for (int g = 0; g < Math.min(line.glyphs().size(), match.glyphs().size()); g++) {
                    PageLines.Glyph a = line.glyphs().get(g);
                    PageLines.Glyph b = match.glyphs().get(g);
                    double off = Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y()));
                    largest = Math.max(largest, off);
                    if (off > tolerance) {
                        glyphs.add(String.format(Locale.ROOT, "page %d '%s' glyph %d '%s': (%.2f, %.2f) direct (%.2f, %.2f)",
                                p + 1, line.text(), g, a.text(), a.x(), a.y(), b.x(), b.y()));
                        break;
                    }
                }
            }
        }
        return new LayoutDifferences(pages, lines, glyphs, largest);
    }

    boolean none() {
        return pages.isEmpty() && lines.isEmpty() && glyphs.isEmpty();
    }
}
