package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.css.Lengths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a sheet that holds several tables: the union of their column edges, so that each table's
 * cells land on merged spans of one grid. Edges of different tables closer than {@link #SNAP} are one edge,
 * so that tables drawn alike do not leave slivers of columns between them.
 */
final class SheetColumns {
    private static final double SNAP = Lengths.mm(2.5);
    /** Each sheet column's width in points. */
    private final double[] widths;
    /** For each table, for each of its column edges, the sheet column that edge starts (its count for the right edge). */
    private final int[][] starts;

    private SheetColumns(double[] widths, int[][] starts) {
        this.widths = widths;
        this.starts = starts;
    }

    /** The grid of tables of these column widths (points); a sheet without tables is one column {@code width} wide. */
    static SheetColumns of(List<List<Double>> tables, double width) {
        record Edge(double at, int table, int index) {
        }
        List<Edge> edges = new ArrayList<>();
        int[][] starts = new int[tables.size()][];
        for (int t = 0; t < tables.size(); t++) {
            List<Double> columns = tables.get(t);
            starts[t] = new int[columns.size() + 1];
            double at = 0;
            edges.add(new Edge(0, t, 0));
            for (int c = 0; c < columns.size(); c++) {
                at += columns.get(c);
                edges.add(new Edge(at, t, c + 1));
            }
        }
        edges.sort(Comparator.comparingDouble(Edge::at));
        List<Double> sums = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        Set<Integer> tablesInCluster = new HashSet<>();
        double first = Double.NEGATIVE_INFINITY;
        for (Edge edge : edges) {
            if (edge.at() - first >= SNAP || tablesInCluster.contains(edge.table())) {
                first = edge.at();
                sums.add(0.0);
                counts.add(0);
                tablesInCluster.clear();
            }
            int cluster = sums.size() - 1;
            tablesInCluster.add(edge.table());
            sums.set(cluster, sums.get(cluster) + edge.at());
            counts.set(cluster, counts.get(cluster) + 1);
            starts[edge.table()][edge.index()] = cluster;
        }
        if (sums.size() < 2) {
            return new SheetColumns(new double[] {width}, new int[][] {{0, 1}});
        }
        double[] widths = new double[sums.size() - 1];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = sums.get(i + 1) / counts.get(i + 1) - sums.get(i) / counts.get(i);
        }
        return new SheetColumns(widths, starts);
    }

    int count() {
        return widths.length;
    }

    /** A column's width in points. */
    double width(int column) {
        return widths[column];
    }

    /** The width of columns {@code first} to {@code last}, in points. */
    double width(int first, int last) {
        double width = 0;
        for (int c = first; c <= last; c++) {
            width += widths[c];
        }
        return width;
    }

    /** The first sheet column of a table's column {@code column} (its count of columns: the sheet's right edge). */
    int start(int table, int column) {
        int[] edges = starts[table];
        return edges[Math.min(column, edges.length - 1)];
    }
}
