package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The header row of a target table, wherever it stands: the first row that names the project's name and its
 * indicators (composed in one column, or 一级指标 for one row an indicator), or the row under it when the
 * header takes two rows (资金 over 财政拨款 | 其他资金) and that row names more. Each column is read as the
 * field its header names, by title or another accepted name; an amount column may say its unit, 财政拨款（万元）.
 */
final class TargetTableHeader {
    private static final Pattern UNIT = Pattern.compile("[(\\[【]\\s*(?:金额)?(?:单位[:：])?\\s*(万元|元)\\s*[)\\]】]");
    final SheetGrid grid;
    /** The row read as the header; {@code first} the row it starts on when it takes two. */
    final int row;
    final int first;
    final Map<Field, Integer> columns;

    private TargetTableHeader(SheetGrid grid, int first, int row, Map<Field, Integer> columns) {
        this.grid = grid;
        this.first = first;
        this.row = row;
        this.columns = columns;
    }

    /** The header of the first sheet that has one; {@link cn.jixiao.forms.form.FormError} when none has. */
    static TargetTableHeader find(Workbook workbook, TargetTableLayout layout, WorkbookReading reading) {
        for (Sheet sheet : workbook) {
            SheetGrid grid = new SheetGrid(sheet, reading.contents());
            int[] rows = grid.rows(0, grid.lastRow());
            for (int i = 0; i < rows.length; i++) {
                Map<Field, Integer> columns = TableHeader.columns(grid, rows[i], layout.known());
                if (!names(layout, columns)) {
                    continue;
                }
                if (i + 1 < rows.length && rows[i + 1] == rows[i] + 1) {
                    Map<Field, Integer> below = TableHeader.columns(grid, rows[i + 1], layout.known());
                    if (names(layout, below) && below.size() > columns.size()) {
                        return new TargetTableHeader(grid, rows[i], rows[i + 1], below);
                    }
                }
                return new TargetTableHeader(grid, rows[i], rows[i], columns);
            }
        }
        throw WorkbookReading.unrecognised("", workbook.getSheetName(0), "找不到目标表的表头行：应有 "
                + String.join("、", layout.projectColumns.stream().map(layout::header).toList()) + "，以及 "
                + layout.composed.title() + "（或 " + TableHeader.expected(layout.indicators.fields()) + "）");
    }

    private static boolean names(TargetTableLayout layout, Map<Field, Integer> columns) {
        return columns.containsKey(layout.projectColumns.get(0))
                && (columns.containsKey(layout.composed) || columns.containsKey(layout.level1()));
    }

    boolean has(Field field) {
        return columns.containsKey(field);
    }

    /** The header's texts, in column order, for a message. */
    List<String> found() {
        List<String> found = new ArrayList<>();
        for (int c : grid.columns(row)) {
            String text = grid.text(row, c);
            if (!text.isEmpty() && !inside(grid.region(row, c), c)) {
                found.add(text);
            }
        }
        return found;
    }

    /** Whether a column lies in a merged region that starts left of it: the region's own column speaks for it. */
    static boolean inside(CellRangeAddress region, int column) {
        return region != null && region.getFirstColumn() != column;
    }

    /** The header row as a range, Sheet1!A4:G4. */
    String range() {
        int[] cs = grid.columns(row);
        return cs.length == 0 ? grid.name(row, 0) : grid.name(row, cs[0]) + ":"
                + grid.name(row, cs[cs.length - 1]).substring(grid.name(row, cs[cs.length - 1]).lastIndexOf('!') + 1);
    }

    /** The unit each amount column's header states, 财政拨款（万元）: column → unit. */
    Map<Integer, String> units(List<Field> amounts) {
        Map<Integer, String> units = new LinkedHashMap<>();
        for (Field field : amounts) {
            Integer column = columns.get(field);
            if (column != null) {
                Matcher unit = UNIT.matcher(Normalizer.normalize(grid.text(row, column), Normalizer.Form.NFKC).replaceAll("\\s+", ""));
                if (unit.find()) {
                    units.put(column, unit.group(1));
                }
            }
        }
        return units;
    }
}
