package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.Interrupts;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet as a person reads it: a merged cell carries its value to every cell it covers, a cell's text is
 * what the program shows (a formula's cached result, 95% for 0.95), and every cell has a name, Sheet1!C9.
 * Readers walk the rows and cells that are there — a row whose one cell stands at XFD costs one cell — and
 * each look at a cell checks whether the import has been given up on.
 */
final class SheetGrid {
    /** No header or label is longer: a longer text is compared as it is, without folding it first. */
    private static final int LONGEST_LABEL = 100;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|【[^】]*】");
    private static final Pattern CLOSING_COLON = Pattern.compile("[:：]$");
    private static final Pattern AMONG_THEM = Pattern.compile("^其中[:：]?");
    private static final Map<String, String> TITLE_LABELS = new ConcurrentHashMap<>();
    private final Sheet sheet;
    private final CellContents contents;
    private final MergedAreas merged;
    private final int[] rows;

    SheetGrid(Sheet sheet, CellContents contents) {
        this.sheet = sheet;
        this.contents = contents;
        this.merged = new MergedAreas(sheet.getMergedRegions());
        IntStream.Builder numbers = IntStream.builder();
        for (Row row : sheet) {
            Interrupts.check();
            numbers.add(row.getRowNum());
        }
        this.rows = numbers.build().filter(r -> r >= 0).sorted().distinct().toArray();
    }

    String sheetName() {
        return sheet.getSheetName();
    }

    int lastRow() {
        return sheet.getLastRowNum();
    }

    /** The rows there are, from {@code first} to {@code last} (inclusive), in order. */
    int[] rows(int first, int last) {
        int from = Arrays.binarySearch(rows, first);
        int to = Arrays.binarySearch(rows, last);
        from = from < 0 ? -from - 1 : from;
        to = to < 0 ? -to - 1 : to + 1;
        return from >= to ? new int[0] : Arrays.copyOfRange(rows, from, to);
    }

    /** The columns of a row that show something: its cells, and the first column of each merged region over it. */
    int[] columns(int row) {
        IntStream.Builder columns = IntStream.builder();
        Row found = sheet.getRow(row);
        if (found != null) {
            for (Cell cell : found) {
                Interrupts.check();
                columns.add(cell.getColumnIndex());
            }
        }
        merged.over(row).forEach(region -> columns.add(region.getFirstColumn()));
        return columns.build().filter(c -> c >= 0).sorted().distinct().toArray();
    }

    /** Whether the workbook's day numbers count from 1904 (see {@link ExcelDates}). */
    boolean date1904() {
        return contents.date1904();
    }

    /** The merged region a cell lies in, or null. */
    CellRangeAddress region(int row, int column) {
        return merged.at(row, column);
    }

    /** What is shown at (row, column): the content of the first cell of its merged region. */
    CellContent content(int row, int column) {
        Interrupts.check();
        CellRangeAddress region = region(row, column);
        int r = region == null ? row : region.getFirstRow();
        int c = region == null ? column : region.getFirstColumn();
        Row found = r < 0 ? null : sheet.getRow(r);
        return contents.of(found == null || c < 0 ? null : found.getCell(c));
    }

    /** What the cell shows, without surrounding white space, cut to the field limit; "" for a blank one. */
    String text(int row, int column) {
        return content(row, column).shown();
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
     * 指标, a leading 其中 and a closing colon left out — 项目名称（资金使用单位） is 项目名称, 三级指标 is 三级,
     * 其中：财政拨款（万元） is 财政拨款.
     */
    static String label(String text) {
        if (text.length() > LONGEST_LABEL) {
            return text;
        }
        String folded = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        String bare = BRACKETED.matcher(folded).replaceAll("").replace("指标", "");
        return CLOSING_COLON.matcher(AMONG_THEM.matcher(bare).replaceFirst("")).replaceAll("");
    }

    /** The label of a field's title (from the schema: few, and asked for at every row), folded once. */
    static String titleLabel(String title) {
        return TITLE_LABELS.computeIfAbsent(title, SheetGrid::label);
    }
}
