package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * Reads the cells of one workbook without trusting the file: an .xlsx cell by what its XML says (an ISO date
 * {@code t="d"}, an error cached without {@code t="e"}, a number written {@code INF}), an .xls cell through
 * POI; every text cut to the field limit before anything looks at it, each shared text read once however many
 * cells repeat it. Numbers show as the program shows them (95% for 0.95), formulas by their cached results.
 */
final class CellContents {
    /** Excel's longest number format; a longer one no program wrote, and is not handed to the formatter. */
    private static final int LONGEST_FORMAT = 255;
    /** The literal text of a number format, quoted or escaped: a "%" there shows a sign and does not scale the number. */
    private static final Pattern LITERALS = Pattern.compile("\"[^\"]*\"|\\\\.");
    private final DataFormatter shown = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
    private final int maxChars;
    private final SharedStringsTable strings;
    private final boolean date1904;
    private final Map<Integer, CellContent> shared = new HashMap<>();
    /** The long texts of an .xls, by the very string POI hands out for every cell that repeats it. */
    private final Map<String, CellContent> longTexts = new IdentityHashMap<>();

    CellContents(Workbook workbook, int maxChars) {
        this.maxChars = maxChars;
        this.strings = workbook instanceof XSSFWorkbook xlsx ? xlsx.getSharedStringSource() : null;
        this.date1904 = workbook instanceof Date1904Support dates ? dates.isDate1904()
                : workbook instanceof HSSFWorkbook xls && xls.getInternalWorkbook().isUsing1904DateWindowing();
        shown.setUseCachedValuesForFormulaCells(true);
    }

    /** Whether day numbers count from 1904-01-01 (Excel's 1904 date system) rather than from 1900-01-01. */
    boolean date1904() {
        return date1904;
    }

    CellContent of(Cell cell) {
        if (cell == null) {
            return CellContent.BLANK;
        }
        return cell instanceof XSSFCell xlsx ? xlsx(xlsx) : poi(cell);
    }

    private CellContent xlsx(XSSFCell cell) {
        CTCell xml = cell.getCTCell();
        String type = xml.isSetT() ? written(xml, "t") : "n";
        String value = xml.isSetV() ? xml.getV() : null;
        if (value == null && !type.equals("inlineStr")) {
            return CellContent.BLANK;
        }
        return switch (type) {
            case "s" -> sharedText(value);
            case "str" -> text(value);
            case "inlineStr" -> text(cell.getRichStringCellValue().getString());
            case "b" -> value.equals("1") || value.equals("true") ? CellContent.bool(true)
                    : value.equals("0") || value.equals("false") ? CellContent.bool(false)
                    : CellContent.broken("单元格中的逻辑值" + Problems.quote(value) + "无法读取");
            case "e" -> CellContent.error(cut(value).text());
            case "d" -> isoDate(value);
            case "n" -> number(cell, value);
            default -> CellContent.broken("单元格的类型「" + type + "」无法识别");
        };
    }

    /** An attribute as the file writes it, whether or not the schema knows its value (XMLBeans would refuse {@code t="d"}). */
    private static String written(CTCell xml, String attribute) {
        try (XmlCursor cursor = xml.newCursor()) {
            return String.valueOf(cursor.getAttributeText(new QName("", attribute)));
        }
    }

    private CellContent number(XSSFCell cell, String value) {
        if (value.isBlank()) {
            return CellContent.BLANK;
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            // a formula's error cached without its type: Excel shows it as the error it is
            return isError(value) ? CellContent.error(value) : CellContent.broken("单元格中的数字" + Problems.quote(value) + "无法读取");
        }
        return number(cell, number);
    }

    private CellContent poi(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> number(cell, cell.getNumericCellValue());
            case STRING -> {
                String text = cell.getStringCellValue();
                yield text.length() > maxChars ? longTexts.computeIfAbsent(text, this::text) : text(text);
            }
            case BOOLEAN -> CellContent.bool(cell.getBooleanCellValue());
            case ERROR -> CellContent.error(FormulaError.isValidCode(cell.getErrorCellValue())
                    ? FormulaError.forInt(cell.getErrorCellValue()).getString() : "#错误" + cell.getErrorCellValue());
            default -> CellContent.BLANK;
        };
    }

    private CellContent number(Cell cell, double number) {
        if (!Double.isFinite(number)) {
            return CellContent.broken("单元格中的数字" + Problems.quote(String.valueOf(number)) + "无法读取");
        }
        CellStyle style = cell.getCellStyle();
        String format = style == null ? "" : String.valueOf(style.getDataFormatString());
        String text = format.length() > LONGEST_FORMAT ? NumberToTextConverter.toText(number) : shown.formatCellValue(cell);
        return CellContent.number(number, cut(text).text(), LITERALS.matcher(format).replaceAll("").contains("%"));
    }

    private CellContent sharedText(String value) {
        int index;
        try {
            index = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return CellContent.broken("单元格引用的共享文字编号" + Problems.quote(value) + "无效：文件已损坏");
        }
        CellContent known = shared.get(index);
        if (known == null) {
            String text = sharedString(index);
            if (text == null) {
                return CellContent.broken("单元格引用的共享文字（第 " + index + " 条）不存在：文件已损坏");
            }
            known = text(text);
            shared.put(index, known);
        }
        return known;
    }

    /** The shared string at {@code index}; null when the table has none there. */
    private String sharedString(int index) {
        if (strings == null || index < 0) {
            return null;
        }
        try {
            return strings.getItemAt(index).getString();
        } catch (IndexOutOfBoundsException beyondTheTable) {
            return null;
        }
    }

    private CellContent text(String raw) {
        CellContent text = cut(raw == null ? "" : raw);
        return CellContent.text(text.text(), text.length(), text.cut());
    }

    /** The text as shown (line ends as \n, no surrounding space), cut to the field limit; its whole length noted. */
    private CellContent cut(String raw) {
        String text = raw.replace("\r\n", "\n").strip();
        int length = text.codePointCount(0, text.length());
        if (length <= maxChars) {
            return new CellContent(CellContent.Kind.TEXT, text, length, false, 0, null, false);
        }
        return new CellContent(CellContent.Kind.TEXT, text.substring(0, text.offsetByCodePoints(0, maxChars)), length, true, 0, null, false);
    }

    private static CellContent isoDate(String value) {
        String written = value.strip();
        try {
            if (written.length() > 10 && written.charAt(10) != 'T') {
                throw new DateTimeParseException("not an ISO date", written, 10);
            }
            return CellContent.date(LocalDate.parse(written.length() > 10 ? written.substring(0, 10) : written));
        } catch (DateTimeParseException e) {
            return CellContent.broken("单元格中的日期" + Problems.quote(written) + "无法读取");
        }
    }

    private static boolean isError(String value) {
        return Arrays.stream(FormulaError.values()).anyMatch(error -> error.getString().equals(value.strip()));
    }
}
