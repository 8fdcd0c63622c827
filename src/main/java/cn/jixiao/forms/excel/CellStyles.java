package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * The look of the workbooks handed out: 宋体, a bold centred title, bordered header and value cells, amounts as
 * {@code #,##0.00} (and up to the form's places as given, {@code #,##0.00##}), dates as {@code yyyy-mm-dd};
 * drop-down lists, frozen headers and the print set-up.
 */
final class CellStyles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle label;
    final CellStyle plain;
    final CellStyle plainWrapped;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final CellStyle amount;
    private final CellStyle number;
    private final CellStyle integer;
    private final CellStyle date;
    final CellStyle boldText;
    /** A sum: zero shows as an empty cell, as the forms print it. */
    final CellStyle boldAmount;
    private final Workbook workbook;
    /** Each style's twin that shows its text as text (Excel's quote prefix), made when first needed. */
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();

    /** {@code amountDecimals}: the places a form's amounts may carry, shown as given beyond two (968.1918, 243.96). */
    CellStyles(Workbook workbook, int amountDecimals) {
        this.workbook = workbook;
        String amountFormat = "#,##0.00" + "#".repeat(Math.max(0, amountDecimals - 2));
        Font regular = font(workbook, false, 11);
        Font bold = font(workbook, true, 11);
        title = style(workbook, font(workbook, true, 16), false);
        title.setAlignment(HorizontalAlignment.CENTER);
        plain = style(workbook, regular, false);
        plainWrapped = style(workbook, regular, false);
        plainWrapped.setWrapText(true);
        header = style(workbook, bold, true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        label = style(workbook, bold, true);
        label.setWrapText(true);
        text = style(workbook, regular, true);
        wrapped = style(workbook, regular, true);
        wrapped.setWrapText(true);
        amount = style(workbook, regular, true);
        amount.setDataFormat(workbook.createDataFormat().getFormat(amountFormat));
        number = style(workbook, regular, true);
        integer = style(workbook, regular, true);
        integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
        date = style(workbook, regular, true);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        boldText = style(workbook, bold, true);
        boldText.setWrapText(true);
        boldAmount = style(workbook, bold, true);
        boldAmount.setDataFormat(workbook.createDataFormat().getFormat(amountFormat + ";-" + amountFormat + ";"));
    }

    /**
     * Writes a user's text into a cell of a style. Text that Excel would take for a formula when the cell is
     * edited ({@code =cmd|…}, {@code +}, {@code -}, {@code @} first) gets the style's quote-prefixed twin: Excel
     * shows and keeps it as text, and it reads back as written.
     */
    Cell text(Cell cell, String text, CellStyle style) {
        cell.setCellValue(text);
        cell.setCellStyle(formulaLike(text) ? quoted.computeIfAbsent(style, this::quotePrefixed) : style);
        return cell;
    }

    static boolean formulaLike(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private CellStyle quotePrefixed(CellStyle style) {
        CellStyle twin = workbook.createCellStyle();
        twin.cloneStyleFrom(style);
        twin.setQuotePrefixed(true);
        return twin;
    }

    private static Font font(Workbook workbook, boolean bold, int points) {
        Font font = workbook.createFont();
        font.setFontName("宋体");
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        return font;
    }

    private static CellStyle style(Workbook workbook, Font font, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    CellStyle of(Field field) {
        return switch (field.kind()) {
            case AMOUNT -> amount;
            case NUMBER -> number;
            case INTEGER -> integer;
            case DATE -> date;
            case TEXT, LIST -> wrapped;
            default -> text;
        };
    }

    /** The workbook's index of a number format, {@code #,##0.00}; made when first asked for. */
    short format(String pattern) {
        return workbook.createDataFormat().getFormat(pattern);
    }

    /** A column wide enough for its field, in characters (a CJK character counts two). */
    static int width(Field field) {
        return switch (field.kind()) {
            case AMOUNT -> 16;
            case NUMBER, INTEGER, YES_NO -> 10;
            case DATE -> 12;
            case LEVEL1, LEVEL2, CHOICE -> 16;
            case TEXT, LIST -> field.multiline() ? 40 : 24;
        };
    }

    static void setWidth(Sheet sheet, int column, int characters) {
        sheet.setColumnWidth(column, Math.min(255, characters) * 256);
    }

    /** A drop-down of the field's choices on rows first..last of a column; other input is refused by the program. */
    static void dropDown(Sheet sheet, Field field, int firstRow, int lastRow, int column) {
        if (field.kind() == FormShape.Kind.LIST) {
            choicesPrompt(sheet, field, firstRow, lastRow, column);
        } else {
            dropDown(sheet, field.title(), field.choices(), firstRow, lastRow, column);
        }
    }

    /** A list of choices takes several in one cell, which a drop-down cannot: the choices are shown as a prompt instead. */
    private static void choicesPrompt(Sheet sheet, Field field, int firstRow, int lastRow, int column) {
        if (field.choices().isEmpty()) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createCustomConstraint("TRUE"),
                new CellRangeAddressList(firstRow, Math.min(lastRow, SpreadsheetVersion.EXCEL2007.getLastRowIndex()), column, column));
        validation.setShowErrorBox(false);
        validation.setShowPromptBox(true);
        validation.createPromptBox(field.title(), "可多选，用顿号分隔：" + String.join("、", field.choices()));
        sheet.addValidationData(validation);
    }

    static void dropDown(Sheet sheet, String title, List<String> choices, int firstRow, int lastRow, int column) {
        if (choices.isEmpty()) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                new CellRangeAddressList(firstRow, Math.min(lastRow, SpreadsheetVersion.EXCEL2007.getLastRowIndex()), column, column));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
        validation.createErrorBox(title, "请从下拉列表中选择：" + String.join("、", choices));
        sheet.addValidationData(validation);
    }

    /** A4, fitted to the page's width, {@code repeated} rows (0-based, inclusive) printed atop every page. */
    static void printSetUp(Sheet sheet, boolean landscape, int firstRepeated, int lastRepeated) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setRepeatingRows(new CellRangeAddress(firstRepeated, lastRepeated, -1, -1));
    }
}
