package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.Interrupts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Which cell of a printed layout holds which field, kept in the workbook itself: a hidden sheet, a row a
 * written cell, whose first column is a formula referring to that cell ({@code ='项目A'!C7}) — a reference that
 * Excel, WPS and LibreOffice move with the cell when rows or columns are inserted, deleted or moved, or the
 * sheet is renamed — beside the field's pointers, the choice a ticked cell stands for, and what was written
 * where a person is not to write (a label, a figure), to tell an edit from the cell as written.
 */
final class FieldMap {
    /** The hidden sheet's name. */
    static final String SHEET = "字段对照";
    private static final List<String> HEADER = List.of("单元格", "字段", "选项", "原样内容", "前缀", "后缀", "表单");

    /**
     * One written cell: its sheet and place; the pointers of the field it shows (none for a label or a figure;
     * several for a merged cell that stands for the same field of several rows); the choice it ticks; what was
     * written (a label, a figure, or the figure shown where the document has no value); the text written before
     * and after the value in a cell that holds more than the value.
     */
    record Entry(String sheet, int row, int column, List<String> pointers, String choice, String written, String prefix,
                 String suffix) {
        boolean mapped() {
            return !pointers.isEmpty();
        }
    }

    /** The map read back: the form it was written for (its id and title), and its entries whose cells are still there. */
    record Read(String form, String title, List<Entry> entries) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    /** Writes the map as the workbook's last sheet, very hidden (LibreOffice keeps it hidden); {@code form} its id and title. */
    void write(Workbook workbook, String form, String title) {
        Sheet sheet = workbook.createSheet(SHEET);
        CellStyle text = workbook.createCellStyle();
        text.setQuotePrefixed(true);
        Row header = sheet.createRow(0);
        for (int c = 0; c < HEADER.size(); c++) {
            header.createCell(c).setCellValue(HEADER.get(c));
        }
        header.createCell(HEADER.size()).setCellValue(form);
        header.createCell(HEADER.size() + 1).setCellValue(title);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Row row = sheet.createRow(i + 1);
            row.createCell(0).setCellFormula(new CellReference(entry.sheet(), entry.row(), entry.column(), false, false).formatAsString());
            List<String> texts = List.of(String.join(" ", entry.pointers()), entry.choice(), entry.written(), entry.prefix(), entry.suffix());
            for (int c = 0; c < texts.size(); c++) {
                if (!texts.get(c).isEmpty()) {
                    Cell cell = row.createCell(c + 1);
                    cell.setCellValue(texts.get(c));
                    if (CellStyles.formulaLike(texts.get(c))) {
                        cell.setCellStyle(text);
                    }
                }
            }
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    /** The map of a workbook written with one; empty for any other workbook. */
    static Optional<Read> read(Workbook workbook) {
        Sheet sheet = workbook.getSheet(SHEET);
        if (sheet == null) {
            return Optional.empty();
        }
        Row header = sheet.getRow(0);
        String form = header == null ? "" : text(header, HEADER.size());
        if (form.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (Row row : sheet) {
            Interrupts.check();
            Cell reference = row.getRowNum() == 0 ? null : row.getCell(0);
            if (reference == null || reference.getCellType() != CellType.FORMULA) {
                continue;
            }
            cell(reference.getCellFormula()).ifPresent(cell -> {
                String pointers = text(row, 1);
                entries.add(new Entry(cell.getSheetName(), cell.getRow(), cell.getCol(),
                        pointers.isEmpty() ? List.of() : Arrays.asList(pointers.split(" +")), text(row, 2), text(row, 3),
                        text(row, 4), text(row, 5)));
            });
        }
        return Optional.of(new Read(form, text(header, HEADER.size() + 1), entries));
    }

    /** The cell a formula refers to; empty when it refers to none any more (#REF!: its row or column was deleted). */
    private static Optional<CellReference> cell(String formula) {
        String reference = formula.strip();
        if (reference.contains("#REF") || !reference.contains("!")) {
            return Optional.empty();
        }
        try {
            CellReference cell = new CellReference(reference);
            return cell.getSheetName() == null || cell.getRow() < 0 || cell.getCol() < 0 ? Optional.empty() : Optional.of(cell);
        } catch (IllegalArgumentException notACell) {
            return Optional.empty();
        }
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }
}
