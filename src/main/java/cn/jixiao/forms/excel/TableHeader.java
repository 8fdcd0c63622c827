package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.FormShape.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A table of a sheet found by its header row, wherever it stands and in whatever order its columns are. */
final class TableHeader {
    private TableHeader() {
    }

    /** The first row at or after {@code from} that names at least half (and two) of the fields; -1 when none does. */
    static int find(SheetGrid grid, List<Field> fields, int from) {
        int needed = Math.max(2, (fields.size() + 1) / 2);
        for (int row : grid.rows(from, grid.lastRow())) {
            if (columns(grid, row, fields).size() >= needed) {
                return row;
            }
        }
        return -1;
    }

    /**
     * The column of each field the header row names: by its title, else by another name budget systems give
     * it ({@link HeaderNames}) in a column no title took. A column may so serve two fields: 指标值 for both periods.
     */
    static Map<Field, Integer> columns(SheetGrid grid, int header, List<Field> fields) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int c : grid.columns(header)) {
            found.putIfAbsent(SheetGrid.label(grid.text(header, c)), c);
        }
        Map<Field, Integer> columns = new LinkedHashMap<>();
        for (Field field : fields) {
            Integer column = found.get(SheetGrid.titleLabel(field.title()));
            if (column != null) {
                columns.put(field, column);
            }
        }
        Set<Integer> byTitle = Set.copyOf(columns.values());
        for (Field field : fields) {
            if (!columns.containsKey(field)) {
                field.headers().stream().map(name -> found.get(SheetGrid.titleLabel(name)))
                        .filter(c -> c != null && !byTitle.contains(c)).findFirst().ifPresent(c -> columns.put(field, c));
            }
        }
        return columns;
    }

    static String expected(List<Field> fields) {
        return String.join("、", fields.stream().map(Field::title).toList());
    }

    /** The rows between the header and {@code end} (exclusive) as the table's items; blank rows left out. */
    static void read(SheetGrid grid, Table table, int header, int end, ObjectNode item, String base, WorkbookReading reading) {
        String path = base + table.pointer();
        if (header < 0) {
            reading.error(path, grid.sheetName(), "找不到「" + table.title() + "」的表头行：应有 " + expected(table.fields()));
            return;
        }
        reading.place(path, grid.name(header, 0));
        ArrayNode rows = item.putArray(table.pointer().substring(table.pointer().lastIndexOf('/') + 1));
        Map<Field, Integer> columns = columns(grid, header, table.fields());
        String pattern = base.replaceAll("/[0-9]+", "/*") + table.pointer() + "/*";
        columns.forEach((field, column) -> reading.column(grid.name(header, column), grid.text(header, column), field.title(),
                pattern + field.pointer()));
        for (int row : grid.rows(header + 1, end - 1)) {
            int r = row;
            if (columns.values().stream().allMatch(c -> grid.text(r, c).isEmpty())) {
                continue;
            }
            ObjectNode entry = rows.addObject();
            String at = path + "/" + (rows.size() - 1);
            reading.place(at, grid.name(row, 0));
            columns.forEach((field, column) -> reading.read(entry, at + field.pointer(), grid, r, column, field));
        }
        UnreadColumns.report(grid, header, header, columns.values(), grid.rows(header + 1, end - 1), path,
                "「" + table.title() + "」", reading);
    }
}
