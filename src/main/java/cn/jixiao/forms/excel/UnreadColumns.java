package cn.jixiao.forms.excel;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns of a table that no field reads: each header nothing was read as, and each column that holds
 * something in the rows read while its header names no field (or it has none). Every one is listed; one
 * that holds something is a warning too, so that nothing a workbook carries is dropped without a word.
 */
final class UnreadColumns {
    private UnreadColumns() {
    }

    /** A column's header, and the cells below it that hold something. */
    private static final class Found {
        String header = "";
        int headerRow = -1;
        int filled;
        int firstRow = -1;
        int lastRow = -1;
    }

    /**
     * Lists in {@code reading} the columns of rows {@code headerFirst}..{@code header} and of {@code rows} that
     * none of {@code read} is; {@code path} is where their warnings stand, {@code what} names the table.
     */
    static void report(SheetGrid grid, int headerFirst, int header, Collection<Integer> read, int[] rows, String path,
                       String what, WorkbookReading reading) {
        Map<Integer, Found> columns = new TreeMap<>();
        for (int r : grid.rows(headerFirst, header)) {
            for (int c : grid.columns(r)) {
                String text = grid.text(r, c);
                if (!read.contains(c) && !text.isEmpty() && !TargetTableHeader.inside(grid.region(r, c), c)) {
                    Found found = columns.computeIfAbsent(c, x -> new Found());
                    found.header = found.header.isEmpty() || found.header.equals(text) ? text : found.header + " · " + text;
                    found.headerRow = r;
                }
            }
        }
        for (int r : rows) {
            for (int c : grid.columns(r)) {
                if (!read.contains(c) && !grid.text(r, c).isEmpty() && !TargetTableHeader.inside(grid.region(r, c), c)) {
                    Found found = columns.computeIfAbsent(c, x -> new Found());
                    found.filled++;
                    found.firstRow = found.firstRow < 0 ? r : found.firstRow;
                    found.lastRow = r;
                }
            }
        }
        columns.forEach((column, found) -> {
            String cell = grid.name(found.headerRow < 0 ? header : found.headerRow, column);
            String cells = found.filled == 0 ? "" : grid.range(found.firstRow, found.lastRow, column);
            String named = found.header.isEmpty() ? cell + " 一栏没有表头" : "「" + found.header + "」一栏（" + cell + "）";
            reading.unread(new ImportedWorkbook.Unread(cell, found.header, found.filled, cells), path,
                    named + "未导入：" + what + "没有这一栏，其下 " + found.filled + " 格有内容（" + cells + "）；"
                            + "如是本表某一栏换了名称，请把表头改回该栏的名称");
        });
    }
}
