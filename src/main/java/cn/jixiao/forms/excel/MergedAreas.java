package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.Interrupts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The merged regions of a sheet, looked up by position and never expanded: sorted by their first row, with the
 * farthest last row of every stretch of that order kept in a tree, so that the regions over a row are found
 * without visiting the others. Memory grows with the number of regions, whatever their area.
 */
final class MergedAreas {
    /** Rows whose regions are kept at hand: readers go along a row, or between a row and the one they compare it with. */
    private static final int ROWS_AT_HAND = 4;
    private final CellRangeAddress[] regions;
    /** A segment tree over {@link #regions}: the largest last row of each node's stretch. */
    private final int[] reach;
    private final int leaves;
    private final Map<Integer, List<CellRangeAddress>> atHand = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<CellRangeAddress>> eldest) {
            return size() > ROWS_AT_HAND;
        }
    };

    MergedAreas(List<CellRangeAddress> merged) {
        regions = merged.stream().filter(r -> r.getFirstRow() <= r.getLastRow() && r.getFirstColumn() <= r.getLastColumn())
                .sorted(Comparator.comparingInt(CellRangeAddress::getFirstRow)).toArray(CellRangeAddress[]::new);
        int size = 1;
        while (size < regions.length) {
            size <<= 1;
        }
        leaves = size;
        reach = new int[2 * size];
        Arrays.fill(reach, -1);
        for (int i = 0; i < regions.length; i++) {
            reach[size + i] = regions[i].getLastRow();
        }
        for (int node = size - 1; node >= 1; node--) {
            reach[node] = Math.max(reach[2 * node], reach[2 * node + 1]);
        }
    }

    /** The region a cell lies in, or null. */
    CellRangeAddress at(int row, int column) {
        List<CellRangeAddress> over = over(row);
        int low = 0;
        int high = over.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            CellRangeAddress region = over.get(middle);
            if (column < region.getFirstColumn()) {
                high = middle - 1;
            } else if (column > region.getLastColumn()) {
                low = middle + 1;
            } else {
                return region;
            }
        }
        return null;
    }

    /** The regions over a row, by first column; of regions that overlap (a damaged file), the first. */
    List<CellRangeAddress> over(int row) {
        List<CellRangeAddress> known = atHand.get(row);
        if (known != null) {
            return known;
        }
        Interrupts.check();
        int started = startedBy(row);
        List<CellRangeAddress> found = new ArrayList<>();
        collect(1, 0, leaves, started, row, found);
        found.sort(Comparator.comparingInt(CellRangeAddress::getFirstColumn));
        List<CellRangeAddress> apart = new ArrayList<>(found.size());
        for (CellRangeAddress region : found) {
            if (apart.isEmpty() || region.getFirstColumn() > apart.get(apart.size() - 1).getLastColumn()) {
                apart.add(region);
            }
        }
        atHand.put(row, apart);
        return apart;
    }

    /** How many regions start at or above {@code row}: a prefix of {@link #regions}. */
    private int startedBy(int row) {
        int low = 0;
        int high = regions.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (regions[middle].getFirstRow() <= row) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Adds the regions of the node's stretch [from, to) among the first {@code started} that reach down to {@code row}. */
    private void collect(int node, int from, int to, int started, int row, List<CellRangeAddress> found) {
        if (from >= started || reach[node] < row) {
            return;
        }
        if (to - from == 1) {
            found.add(regions[from]);
            return;
        }
        int middle = (from + to) >>> 1;
        collect(2 * node, from, middle, started, row, found);
        collect(2 * node + 1, middle, to, started, row, found);
    }
}
