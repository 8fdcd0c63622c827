package cn.jixiao.forms.excel;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet as a person reads it: a merged cell carries its value to every cell it covers, a cell's text is
 * what the program shows (a formula's cached result, 95% for 0.95), and every cell has a name, Sheet1!C9.
 */
final class SheetGrid {
    private final Sheet sheet;
    private final DataFormatter shown;
    private final Map<Long, CellRangeAddress> merged = new HashMap<>();

    SheetGrid(Sheet sheet, DataFormatter shown) {
        this.sheet = sheet;
        this.shown = shown;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int row = region.getFirstRow(); row <= region.getLastRow(); row++) {
                for (int column = region.getFirstColumn(); column <= region.getLastColumn(); column++) {
                    merged.put(key(row, column), region);
                }
            }
        }
    }

    /** A formatter that shows what Excel shows, formulas by their cached results. */
    static DataFormatter formatter() {
        DataFormatter formatter = new DataFormatter(java.util.Locale.SIMPLIFIED_CHINESE);
        formatter.setUseCachedValuesForFormulaCells(true);
        return formatter;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    String sheetName() {
        return sheet.getSheetName();
    }

    int lastRow() {
        return sheet.getLastRowNum();
    }

    int lastColumn(int row) {
        Row r = sheet.getRow(row);
        return r == null ? -1 : r.getLastCellNum() - 1;
    }

    /** The merged region a cell lies in, or null. */
    CellRangeAddress region(int row, int column) {
        return merged.get(key(row, column));
    }

    /** The cell holding the value shown at (row, column): the first cell of its merged region. */
    Cell cell(int row, int column) {
        CellRangeAddress region = region(row, column);
        int r = region == null ? row : region.getFirstRow();
        int c = region == null ? column : region.getFirstColumn();
        Row found = sheet.getRow(r);
        return found == null || c < 0 ? null : found.getCell(c);
    }

    /** What the cell shows, without surrounding white space; "" for a blank one. */
    String text(int row, int column) {
        Cell cell = cell(row, column);
        return cell == null ? "" : shown.formatCellValue(cell).replace("\r\n", "\n").strip();
    }

    String formatted(Cell cell) {
        return shown.formatCellValue(cell).replace("\r\n", "\n").strip();
    }

    /** Sheet1!C9. */
    String name(int row, int column) {
        return new CellReference(sheet.getSheetName(), row, column, false, false).formatAsString();
    }

    /** Sheet1!B12:B18. */
    String range(int firstRow, int lastRow, int column) {
        return firstRow == lastRow ? name(firstRow, column)
                : name(firstRow, column) + ":" + new CellReference(lastRow, column, false, false).formatAsString();
    }

    /**
     * A header or label as it is compared: full-width forms folded, white space, what stands in brackets,
     * 指标 and a closing colon left out — 项目名称（资金使用单位） is 项目名称, 三级指标 is 三级.
     */
    static String label(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return folded.replaceAll("\\([^)]*\\)|\\[[^]]*]|【[^】]*】", "").replace("指标", "").replaceAll("[:：]$", "");
    }
}
