package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.css.PageGeometry;
import java.util.List;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Where the pages of a printed layout's sheet end, set as page breaks: rows are as tall as written and columns
 * fitted to the page's width, so the pages are known here, and end before rows the PDF keeps together (总分 and
 * the signature lines) rather than amid them. A program whose fonts make the columns wider prints smaller to fit
 * the width, and so leaves room at the foot of a page, but never parts what is kept together.
 */
final class SheetPages {
    /** The part of a page counted as room: the rest is left for the rounding of the program that prints. */
    private static final double SLACK = 0.99;

    private SheetPages() {
    }

    /**
     * Sets the breaks of a sheet of rows {@code heights} (points) and columns {@code width} (points) wide, keeping each
     * range of {@code kept} on one page where it fits one, {@code repeated} rows atop every page after them.
     */
    static void set(Sheet sheet, double[] heights, double width, List<int[]> kept, int[] repeated, PageGeometry page) {
        double printable = page.width() - page.left() - page.right();
        double scale = Math.min(1, Math.floor(100 * printable / width) / 100);
        double room = (page.height() - page.top() - page.bottom()) * SLACK / scale;
        TreeMap<Integer, Integer> groups = groups(kept);
        double header = 0;
        if (repeated != null) {
            for (int r = repeated[0]; r <= repeated[1]; r++) {
                header += heights[r];
            }
        }
        boolean headerShown = false;
        double used = 0;
        int r = 0;
        while (r < heights.length) {
            int last = groups.getOrDefault(r, r);
            double height = 0;
            for (int s = r; s <= last; s++) {
                height += heights[s];
            }
            double top = headerShown ? header : 0;
            if (used > top && used + height > room) {
                sheet.setRowBreak(r - 1);
                used = top;
            }
            used += height;
            while (used > room) {
                used -= room - top;
            }
            headerShown = headerShown || repeated != null && last >= repeated[1];
            r = last + 1;
        }
    }

    /** The ranges kept together, those that overlap joined: first row → last row. */
    private static TreeMap<Integer, Integer> groups(List<int[]> kept) {
        TreeMap<Integer, Integer> groups = new TreeMap<>();
        kept.stream().sorted((a, b) -> Integer.compare(a[0], b[0])).forEach(range -> {
            var before = groups.floorEntry(range[0]);
            if (before != null && before.getValue() >= range[0]) {
                groups.put(before.getKey(), Math.max(before.getValue(), range[1]));
            } else {
                groups.put(range[0], range[1]);
            }
        });
        return groups;
    }
}
