package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.PrintedSheet.Mark;
import cn.jixiao.forms.excel.PrintedSheet.Placed;
import cn.jixiao.forms.excel.SheetLooks.Look;
import cn.jixiao.forms.render.Interrupts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import tools.jackson.databind.JsonNode;

/**
 * Writes the pieces of a printed layout's sheet ({@link PrintedSheet}) into a sheet: each field's value by its kind
 * ({@link CellValues#write}: amounts as numbers in the form's format, dates as dates, 是/否, lists joined), what the
 * form prints itself (labels, figures worked out) as printed, numbers as numbers; every piece noted in the
 * {@link FieldMap}; rows tall enough for their text, columns as wide as the form's.
 */
final class PrintedCells {
    /** A number as the forms print it: 1,323,379.00, 43.2, 86.20%. */
    private static final Pattern PRINTED_NUMBER = Pattern.compile("-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.([0-9]+))?(%?)");
    /** What a ticked cell shows when the form prints nothing of its own. */
    private static final String TICK = "√";
    private final Sheet sheet;
    private final SheetLooks looks;
    private final CellStyles styles;
    private final JsonNode document;
    private final Function<String, Field> fields;
    private final FieldMap map;

    /** {@code fields}: the field of each absolute pointer the layout marks. */
    PrintedCells(Sheet sheet, SheetLooks looks, CellStyles styles, JsonNode document, Function<String, Field> fields, FieldMap map) {
        this.sheet = sheet;
        this.looks = looks;
        this.styles = styles;
        this.document = document;
        this.fields = fields;
        this.map = map;
    }

    /** Writes the sheet; the height of each row in points. */
    double[] write(PrintedSheet layout) {
        double[] heights = new double[layout.rows()];
        for (int r = 0; r < heights.length; r++) {
            heights[r] = Math.max(layout.least(r), 12);
        }
        record Tall(int top, int bottom, double height) {
        }
        List<Tall> tall = new ArrayList<>();
        for (Placed piece : layout.placed()) {
            Interrupts.check();
            String shown = piece(piece);
            double width = layout.columns().width(piece.left(), piece.right()) - piece.look().paddingX();
            double needed = TextLines.height(TextLines.count(shown, width, piece.look().fontPoints()), piece.look().linePoints())
                    + piece.look().paddingY();
            if (piece.top() == piece.bottom()) {
                heights[piece.top()] = Math.max(heights[piece.top()], needed);
            } else {
                tall.add(new Tall(piece.top(), piece.bottom(), needed));
            }
        }
        for (Tall region : tall) {
            double height = 0;
            for (int r = region.top(); r <= region.bottom(); r++) {
                height += heights[r];
            }
            if (height < region.height()) {
                heights[region.bottom()] += region.height() - height;
            }
        }
        for (int r = 0; r < heights.length; r++) {
            row(r).setHeightInPoints((float) Math.min(409, heights[r]));
        }
        for (int c = 0; c < layout.columns().count(); c++) {
            sheet.setColumnWidth(c, (int) Math.min(255 * 256, Math.round(layout.columns().width(c) * 96 / 72 / 7 * 256)));
        }
        return heights;
    }

    private Row row(int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }

    /** Writes one piece: its cells, their borders, its value; notes it in the map. The text it shows, for its height. */
    private String piece(Placed piece) {
        for (int r = piece.top(); r <= piece.bottom(); r++) {
            for (int c = piece.left(); c <= piece.right(); c++) {
                Cell cell = row(r).createCell(c);
                cell.setCellStyle(looks.style(PrintedSheet.edges(piece, r, c), (short) 0, false));
            }
        }
        if (piece.top() != piece.bottom() || piece.left() != piece.right()) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(piece.top(), piece.bottom(), piece.left(), piece.right()));
        }
        Cell cell = sheet.getRow(piece.top()).getCell(piece.left());
        Look look = PrintedSheet.edges(piece, piece.top(), piece.left());
        Mark mark = piece.mark();
        if (mark == null) {
            printed(cell, piece.text(), look);
            note(piece, List.of(), "", piece.text(), "", "");
            return piece.text();
        }
        Field field = fields.apply(mark.pointers().get(0));
        JsonNode value = document.at(mark.pointers().get(0));
        boolean present = !value.isMissingNode() && !value.isNull();
        if (!mark.choice().isEmpty()) {
            String tick = present && chosen(value, mark.choice()) ? (mark.printed().isEmpty() ? TICK : mark.printed()) : "";
            printed(cell, tick, look);
            note(piece, mark.pointers(), mark.choice(), "", "", "");
            return tick;
        }
        if (mark.composed()) {
            String text = mark.prefix() + (present ? CellValues.shown(field, value) : mark.printed()) + mark.suffix();
            CellStyle style = looks.style(look, (short) 0, CellStyles.formulaLike(text));
            cell.setCellValue(text);
            cell.setCellStyle(style);
            note(piece, mark.pointers(), "", present ? "" : text, mark.prefix(), mark.suffix());
            return text;
        }
        if (!present && !mark.printed().isEmpty()) {
            printed(cell, mark.printed(), look);
            note(piece, mark.pointers(), "", mark.printed(), "", "");
            return mark.printed();
        }
        CellValues.write(cell, field, present ? value : null, styles);
        CellStyle written = cell.getCellStyle();
        cell.setCellStyle(looks.style(look, format(field, mark.printed(), written), written.getQuotePrefixed()));
        note(piece, mark.pointers(), "", "", "", "");
        return present ? CellValues.shown(field, value) : "";
    }

    /**
     * The number format of a field's cell: its kind's, or as the form prints it — a date 2021年9月10日, a percentage
     * with its sign (shown, not scaling the number: 86 is 86%).
     */
    private short format(Field field, String printed, CellStyle written) {
        if (field.kind() == FormShape.Kind.DATE && printed.contains("年")) {
            return styles.format("yyyy\"年\"m\"月\"d\"日\"");
        }
        if (field.kind() == FormShape.Kind.NUMBER && printed.endsWith("%")) {
            return styles.format("General\"%\"");
        }
        return written.getDataFormat();
    }

    /** Whether a field's value (a list, or one choice) holds {@code choice}. */
    private static boolean chosen(JsonNode value, String choice) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.asString("").equals(choice)) {
                    return true;
                }
            }
            return false;
        }
        return value.asString("").equals(choice);
    }

    /** What the form prints itself, as printed: a number as a number shown as printed, anything else as text. */
    private void printed(Cell cell, String text, Look look) {
        Matcher number = PRINTED_NUMBER.matcher(text);
        if (text.isEmpty()) {
            cell.setCellStyle(looks.style(look, (short) 0, false));
        } else if (number.matches()) {
            boolean percent = !number.group(5).isEmpty();
            BigDecimal value = new BigDecimal(text.replace(",", "").replace("%", ""));
            String decimals = number.group(4) == null ? "" : "." + "0".repeat(number.group(4).length());
            cell.setCellValue((percent ? value.movePointLeft(2) : value).doubleValue());
            cell.setCellStyle(looks.style(look, styles.format((number.group(2) == null ? "0" : "#,##0") + decimals + (percent ? "%" : "")),
                    false));
        } else {
            cell.setCellValue(text);
            cell.setCellStyle(looks.style(look, (short) 0, CellStyles.formulaLike(text)));
        }
    }

    private void note(Placed piece, List<String> pointers, String choice, String written, String prefix, String suffix) {
        map.add(new FieldMap.Entry(sheet.getSheetName(), piece.top(), piece.left(), pointers, choice, written, prefix, suffix));
    }
}
