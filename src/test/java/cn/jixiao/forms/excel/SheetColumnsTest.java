package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.render.css.Lengths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns of a sheet of several tables: the union of their edges, edges of different tables closer than 2.5 mm one. */
class SheetColumnsTest {
    private static List<Double> mm(double... widths) {
        return Arrays.stream(widths).map(Lengths::mm).boxed().toList();
    }

    @Test
    void eachTablesCellsLandOnSpansOfOneGrid() {
        // the 跟踪表's two tables: edges at 17, 47, 66 … and at 17, 44, 64 …
        SheetColumns columns = SheetColumns.of(List.of(mm(17, 30, 19, 30), mm(17, 27, 20, 32)), 0);
        assertEquals(5, columns.count(), "edges 0 · 17 · 44 · 47 · 64~66 · 96");
        assertEquals(2, columns.start(0, 2) - columns.start(0, 1), "the first table's 30 mm column spans 44 and 47");
        assertEquals(1, columns.start(1, 2) - columns.start(1, 1));
        assertEquals(columns.start(0, 3), columns.start(1, 3), "66 and 64 mm are one edge");
        assertEquals(Lengths.mm(96), columns.width(0, columns.count() - 1), 1e-6);
    }

    @Test
    void aNarrowColumnOfOneTableKeepsItsOwnEdges() {
        SheetColumns columns = SheetColumns.of(List.of(mm(20, 1, 20)), 0);
        assertEquals(3, columns.count());
        assertEquals(Lengths.mm(1), columns.width(1), 1e-6);
    }

    @Test
    void aSheetWithoutTablesIsOneColumnAsWideAsThePage() {
        SheetColumns columns = SheetColumns.of(List.of(), 500);
        assertEquals(1, columns.count());
        assertEquals(500, columns.width(0));
    }
}
