package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One cell as the value of a field, and back: the kinds of {@link FormShape.Kind}, read as a person wrote them. */
final class CellValues {
    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();
    /** Excel keeps 15 significant digits: 0.1 + 0.2 is shown, and meant, as 0.3. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*(年度?)?");
    /** A whole number written as text: 7, -3. */
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern CHOICES_APART = Pattern.compile("[、，,；;\\s]+");
    private static final Pattern LINES = Pattern.compile("\\R");

    private CellValues() {
    }

    /** The value of a field at (row, column), null when blank; a cell that cannot be read is an error with its name. */
    static JsonNode read(SheetGrid grid, int row, int column, Field field, String path, WorkbookReading reading) {
        return read(grid.content(row, column), grid.name(row, column), grid.date1904(), field, path, reading);
    }

    /** The value of a field in a cell's content at {@code where}, null when blank; as {@link #read(SheetGrid, int, int, Field, String, WorkbookReading)}. */
    static JsonNode read(CellContent content, String where, boolean date1904, Field field, String path, WorkbookReading reading) {
        if (content.kind() != CellContent.Kind.BROKEN && content.text().isEmpty()) {
            return null;
        }
        switch (content.kind()) {
            case BROKEN -> {
                reading.error(path, where, content.text() + "：请改正后重新填写" + field.title());
                return null;
            }
            case ERROR -> {
                reading.error(path, where, "公式出错（" + content.text() + "）：请改正公式或直接填写" + field.title());
                return null;
            }
            default -> {
                if (content.cut()) {
                    reading.tooLong(path, where, field.title(), content.length());
                    return null;
                }
            }
        }
        String text = content.text();
        return switch (field.kind()) {
            case AMOUNT, NUMBER -> number(content, field, path, where, reading);
            case INTEGER -> integer(content, field, path, where, reading);
            case DATE -> date(content, date1904, field, path, where, reading);
            case YES_NO -> yesNo(content, field, path, where, reading);
            case LEVEL1 -> level(Taxonomy.level1(text).isPresent(), text, field, path, where, reading);
            case LEVEL2 -> level(Taxonomy.level2(text).isPresent(), text, field, path, where, reading);
            case TEXT, CHOICE -> NODES.stringNode(text);
            case LIST -> list(text, field);
        };
    }

    /** The items of a list cell: choices apart at 、，, ；; or white space, texts one a line; blanks left out. */
    private static JsonNode list(String text, Field field) {
        ArrayNode items = NODES.arrayNode();
        for (String item : (field.choices().isEmpty() ? LINES : CHOICES_APART).split(text)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** The text a list cell shows: its choices joined by 、, its texts one a line. */
    static String shown(Field field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (field.kind() != FormShape.Kind.LIST || !value.isArray()) {
            return value.asString("");
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asString(item.toString())));
        return String.join(field.choices().isEmpty() ? "\n" : "、", items);
    }

    private static JsonNode number(CellContent content, Field field, String path, String where, WorkbookReading reading) {
        if (content.kind() == CellContent.Kind.NUMBER) {
            BigDecimal value = new BigDecimal(content.number()).round(EXCEL_DIGITS);
            if (field.kind() == FormShape.Kind.NUMBER && content.percent()) {
                value = value.movePointRight(2); // 86% is stored as 0.86, and meant as the percentage 86
            }
            return NODES.numberNode(plain(value));
        }
        String written = Normalizer.normalize(content.text(), Normalizer.Form.NFKC).replace(",", "").replace("%", "").strip();
        if (DECIMAL.matcher(written).matches()) {
            return NODES.numberNode(plain(new BigDecimal(written)));
        }
        reading.error(path, where, Problems.quote(content.text()) + "不是数字：" + field.title()
                + (field.kind() == FormShape.Kind.AMOUNT ? "请填数字，不带单位，如 1200.50" : "请填数字，如 8.62"));
        return null;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static JsonNode integer(CellContent content, Field field, String path, String where, WorkbookReading reading) {
        double number = content.number();
        if (content.kind() == CellContent.Kind.NUMBER && number == Math.rint(number) && Math.abs(number) < 1e9) {
            return NODES.numberNode((int) number);
        }
        String written = Normalizer.normalize(content.text(), Normalizer.Form.NFKC).strip();
        Matcher year = YEAR.matcher(written);
        if (year.matches()) {
            return NODES.numberNode(Integer.parseInt(year.group(1)));
        }
        if (WHOLE.matcher(written).matches()) {
            return NODES.numberNode(Integer.parseInt(written));
        }
        reading.error(path, where, Problems.quote(content.text()) + "不是整数：" + field.title() + "请填整数，如 2019");
        return null;
    }

    private static JsonNode date(CellContent content, boolean date1904, Field field, String path, String where,
                                 WorkbookReading reading) {
        switch (content.kind()) {
            case DATE -> {
                return NODES.stringNode(content.date().toString());
            }
            case NUMBER -> {
                String problem = ExcelDates.problem(content.number(), date1904);
                if (problem == null) {
                    return NODES.stringNode(ExcelDates.of(content.number(), date1904).toString());
                }
                reading.error(path, where, problem + "：" + field.title() + "请填日期，如 2021-08-31");
                return null;
            }
            default -> {
                try {
                    Matcher date = DATE.matcher(Normalizer.normalize(content.text(), Normalizer.Form.NFKC));
                    if (date.matches()) {
                        return NODES.stringNode(LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                                Integer.parseInt(date.group(3))).toString());
                    }
                } catch (DateTimeException e) {
                    // an impossible day, 2月30日: reported below like any text that is no date
                }
                reading.error(path, where, Problems.quote(content.text()) + "不是日期：" + field.title() + "请填日期，如 2021-08-31");
                return null;
            }
        }
    }

    private static JsonNode yesNo(CellContent content, Field field, String path, String where, WorkbookReading reading) {
        if (content.kind() == CellContent.Kind.BOOLEAN) {
            return NODES.booleanNode(content.number() != 0);
        }
        if (content.text().equals("是") || content.text().equals("否")) {
            return NODES.booleanNode(content.text().equals("是"));
        }
        reading.error(path, where, Problems.quote(content.text()) + "应为「是」或「否」：" + field.title() + "请从下拉列表中选择，或留空");
        return null;
    }

    /** A level as written (经济效益指标 stays so), when the taxonomy knows it. */
    private static JsonNode level(boolean known, String text, Field field, String path, String where, WorkbookReading reading) {
        if (known) {
            return NODES.stringNode(text);
        }
        reading.error(path, where, Problems.quote(text) + "不是" + field.title() + "：应为 " + String.join("、", field.choices())
                + " 之一（可带编码，如 11-数量指标）");
        return null;
    }

    /** Writes a field's value (null: a blank cell of the field's style, for a template to fill in). */
    static void write(Cell cell, Field field, JsonNode value, CellStyles styles) {
        cell.setCellStyle(styles.of(field));
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        switch (field.kind()) {
            case AMOUNT, NUMBER, INTEGER -> {
                if (value.isNumber()) {
                    cell.setCellValue(value.decimalValue().doubleValue());
                } else {
                    styles.text(cell, value.asString(), cell.getCellStyle());
                }
            }
            case DATE -> cell.setCellValue(LocalDate.parse(value.asString()));
            case LIST -> styles.text(cell, shown(field, value), cell.getCellStyle());
            default -> styles.text(cell, value.isBoolean() ? (value.asBoolean() ? "是" : "否") : value.asString(), cell.getCellStyle());
        }
    }
}
