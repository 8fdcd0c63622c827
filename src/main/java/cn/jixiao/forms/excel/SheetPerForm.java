package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.FormShape.Grid;
import cn.jixiao.forms.excel.FormShape.Member;
import cn.jixiao.forms.excel.FormShape.Table;
import cn.jixiao.forms.form.FormDefinition.Outline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sheet per form, for documents that are a list of forms ({@code {"forms": [ … ]}}): on each sheet the
 * form's fields one a row, label beside value, its grids (项目资金) as small tables, then its table of
 * indicators with a header row — all read from the schema, so that a form of this shape needs nothing here.
 */
final class SheetPerForm implements WorkbookLayout {
    /** Empty indicator rows a template offers. */
    private static final int TEMPLATE_ROWS = 12;
    /** Rows below a table's header that keep its drop-downs, for rows a person adds. */
    private static final int VALIDATED_ROWS = 500;
    private static final int LABEL_WIDTH = 20;
    /** Sheet names a project's may not take (in lower case): the instructions' own, and the one Excel keeps for itself. */
    private static final Set<String> RESERVED = Set.of(Workbooks.INSTRUCTIONS, "history");
    private final String title;
    private final Table forms;
    private final FormShape form;
    /** The names of the fields each form requires. */
    private final Set<String> required;
    /** The field a form's sheet is named after; empty: 项目1, 项目2 … */
    private final Optional<Field> nameField;
    /** The labels of the form's fields' titles: another field's other name never takes one. */
    private final Set<String> titles;
    private final int columns;
    /** Each column's width in characters: wide enough for the field it holds in every table of the sheet. */
    private final int[] widths;

    private SheetPerForm(String title, Table forms, FormShape form, Outline outline) {
        this.title = title;
        this.forms = forms;
        this.form = form;
        this.required = TargetTableLayout.required(forms).stream().map(Field::name).collect(Collectors.toSet());
        this.nameField = nameField(outline);
        this.titles = form.fields().stream().map(f -> SheetGrid.titleLabel(f.title())).collect(Collectors.toSet());
        List<Table> tables = form.members().stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
        this.columns = Math.max(4, tables.stream().mapToInt(t -> t.fields().size()).max().orElse(2));
        this.widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            int column = c;
            widths[c] = tables.stream().filter(t -> column < t.fields().size()).mapToInt(t -> CellStyles.width(t.fields().get(column)))
                    .max().orElse(16);
        }
    }

    /**
     * The layout of a schema whose document is one list of forms; empty for a document of another shape. {@code outline}:
     * the form's outline, whose entries name the forms of the list as their sheets do; null for none.
     */
    static Optional<WorkbookLayout> of(ObjectNode schema, String title, Outline outline) {
        FormShape root = FormShape.of(schema, schema);
        if (root.members().size() == 1 && root.members().get(0) instanceof Table list) {
            return Optional.of(new SheetPerForm(title, list, FormShape.of(schema, list.items()), outline));
        }
        return Optional.empty();
    }

    /**
     * The text naming each form (项目名称, 部门): the one the outline names its entries by, else the first the form
     * requires — never merely the first, which may be a label printed above the form (附件1).
     */
    private Optional<Field> nameField(Outline outline) {
        List<Field> texts = form.fields().stream().filter(f -> f.kind() == FormShape.Kind.TEXT).toList();
        String outlined = outline != null && forms.pointer().equals("/" + outline.items()) ? outline.title() : null;
        return texts.stream().filter(f -> f.name().equals(outlined)).findFirst()
                .or(() -> texts.stream().filter(f -> required.contains(f.name())).findFirst());
    }

    @Override
    public List<String> instructions() {
        List<String> lines = new ArrayList<>(List.of("每个项目一个工作表：复制工作表（右键工作表标签 → 移动或复制 → 建立副本）即可再填一个项目，工作表名随意。",
                "左列是栏目名，右边填写内容；栏目名不要改动，行的先后可以调整。",
                "指标表每个指标一行，行数不够可在表中插入行；一级、二级指标和「是/否」请从下拉列表中选择。"));
        List<Field> lists = new ArrayList<>(form.fields());
        form.members().forEach(m -> {
            if (m instanceof Table table) {
                lists.addAll(table.fields());
            }
        });
        lists.removeIf(f -> f.kind() != FormShape.Kind.LIST);
        lists.stream().filter(f -> !f.choices().isEmpty()).forEach(f -> lines.add("「" + f.title() + "」可多选，在一格里填写，各项用顿号分隔："
                + String.join("、", f.choices()) + "。"));
        lists.stream().filter(f -> f.choices().isEmpty()).forEach(f -> lines.add("「" + f.title() + "」可填多条，在一格里每条一行（Alt+Enter 换行）。"));
        lines.add("金额填数字，不带单位（可带千分位逗号）；日期填 2021-08-31 或 2021年8月31日。");
        lines.add("填好后上传导入，或直接生成 PDF / Word。");
        return lines;
    }

    @Override
    public void write(Workbook workbook, CellStyles styles, JsonNode document) {
        List<JsonNode> items = WorkbookLayout.itemsOrBlanks(document, forms.pointer(), 1);
        Set<String> names = new HashSet<>(RESERVED);
        for (int i = 0; i < items.size(); i++) {
            writeSheet(workbook.createSheet(sheetName(items.get(i), i, names)), styles, items.get(i));
        }
    }

    /** The form's title: 项目支出绩效自评表. */
    String title() {
        return title;
    }

    /** The list of forms of the document: {@code /forms}. */
    Table forms() {
        return forms;
    }

    /** The fields of one form of the list. */
    FormShape form() {
        return form;
    }

    /** The form's name (项目名称, 部门), made a valid and unique sheet name; 项目1 for a form without one. */
    String sheetName(JsonNode item, int index, Set<String> taken) {
        String wanted = nameField.map(f -> item == null ? "" : item.at(f.pointer()).asString("")).filter(s -> !s.isBlank())
                .map(WorkbookUtil::createSafeSheetName).orElse("项目" + (index + 1));
        String name = wanted.length() > 28 ? wanted.substring(0, 28) : wanted;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = (wanted.length() > 25 ? wanted.substring(0, 25) : wanted) + "(" + n + ")";
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private void writeSheet(Sheet sheet, CellStyles styles, JsonNode item) {
        Cell heading = sheet.createRow(0).createCell(0);
        heading.setCellValue(title);
        heading.setCellStyle(styles.title);
        sheet.getRow(0).setHeightInPoints(28);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        int row = 1;
        for (Member member : form.members()) {
            if (member instanceof Field field) {
                row = writeField(sheet, styles, field, item, row);
            } else if (member instanceof Grid grid) {
                row = writeGrid(sheet, styles, grid, item, row);
            }
        }
        int header = -1;
        for (Member member : form.members()) {
            if (member instanceof Table table) {
                header = writeTable(sheet, styles, table, item, row + 1);
                row = sheet.getLastRowNum() + 1;
            }
        }
        for (int c = 0; c < columns; c++) {
            CellStyles.setWidth(sheet, c, c == 0 ? Math.max(LABEL_WIDTH, widths[c]) : widths[c]);
        }
        sheet.createFreezePane(0, 1);
        CellStyles.printSetUp(sheet, columns > 5, Math.max(header, 0), Math.max(header, 0));
    }

    private int writeField(Sheet sheet, CellStyles styles, Field field, JsonNode item, int row) {
        Row line = sheet.createRow(row);
        label(line, 0, field.title(), styles);
        JsonNode value = item == null ? null : item.at(field.pointer());
        for (int c = 1; c < columns; c++) {
            CellValues.write(line.createCell(c), field, c == 1 ? value : null, styles);
        }
        sheet.addMergedRegion(new CellRangeAddress(row, row, 1, columns - 1));
        CellStyles.dropDown(sheet, field, row, row, 1);
        int lines = value == null || value.isMissingNode() ? (field.multiline() ? 3 : 1)
                : TextLines.count(CellValues.shown(field, value), widthOf(sheet, 1, columns - 1));
        line.setHeightInPoints(TextLines.height(lines));
        return row + 1;
    }

    private int widthOf(Sheet sheet, int first, int last) {
        int characters = 0;
        for (int c = first; c <= last; c++) {
            characters += widths[c];
        }
        return characters;
    }

    private int writeGrid(Sheet sheet, CellStyles styles, Grid grid, JsonNode item, int row) {
        Row header = sheet.createRow(row);
        label(header, 0, grid.title(), styles);
        for (int c = 0; c < grid.columns().size(); c++) {
            label(header, c + 1, grid.columns().get(c).title(), styles).setCellStyle(styles.header);
        }
        for (Field line : grid.rows()) {
            Row values = sheet.createRow(++row);
            label(values, 0, line.title(), styles);
            for (int c = 0; c < grid.columns().size(); c++) {
                Field column = grid.columns().get(c);
                JsonNode value = item == null ? null : item.at(line.pointer() + column.pointer());
                CellValues.write(values.createCell(c + 1), column, value, styles);
            }
        }
        return row + 1;
    }

    /** The table's caption, header and rows from {@code row}; the header's row. */
    private int writeTable(Sheet sheet, CellStyles styles, Table table, JsonNode item, int row) {
        Row caption = sheet.createRow(row);
        label(caption, 0, table.title(), styles).setCellStyle(styles.boldText);
        Row header = sheet.createRow(row + 1);
        List<Field> fields = table.fields();
        for (int c = 0; c < fields.size(); c++) {
            label(header, c, fields.get(c).title(), styles).setCellStyle(styles.header);
            CellStyles.dropDown(sheet, fields.get(c), row + 2, row + 1 + VALIDATED_ROWS, c);
        }
        List<JsonNode> entries = WorkbookLayout.itemsOrBlanks(item, table.pointer(), TEMPLATE_ROWS);
        int next = row + 2;
        for (JsonNode entry : entries) {
            Row line = sheet.createRow(next++);
            int lines = 1;
            for (int c = 0; c < fields.size(); c++) {
                JsonNode value = entry == null ? null : entry.at(fields.get(c).pointer());
                CellValues.write(line.createCell(c), fields.get(c), value, styles);
                lines = Math.max(lines, TextLines.count(CellValues.shown(fields.get(c), value), CellStyles.width(fields.get(c))));
            }
            line.setHeightInPoints(TextLines.height(lines));
        }
        return row + 1;
    }

    private static Cell label(Row row, int column, String text, CellStyles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.label);
        return cell;
    }

    @Override
    public ObjectNode read(Workbook workbook, WorkbookReading reading) {
        ObjectNode document = WorkbookReading.object();
        ArrayNode items = document.putArray(forms.pointer().substring(1));
        for (Sheet sheet : workbook) {
            SheetGrid grid = new SheetGrid(sheet, reading.contents());
            String base = forms.pointer() + "/" + items.size();
            Optional<ObjectNode> item = readSheet(grid, base, reading);
            if (item.isPresent()) {
                items.add(item.get());
            } else if (!sheet.getSheetName().equals(Workbooks.INSTRUCTIONS) && sheet.getPhysicalNumberOfRows() > 0) {
                reading.warning(forms.pointer(), grid.sheetName(), "工作表「" + grid.sheetName() + "」未导入：其中没有「"
                        + form.fields().get(0).title() + "」等栏目，不像一张" + title);
            }
        }
        if (items.isEmpty()) {
            throw WorkbookReading.unrecognised(forms.pointer(), workbook.getSheetName(0), "没有找到任何一张" + title
                    + "：工作表的左列应有栏目名 " + String.join("、", form.fields().stream().limit(4).map(Field::title).toList()) + " 等");
        }
        return document;
    }

    private Optional<ObjectNode> readSheet(SheetGrid grid, String base, WorkbookReading reading) {
        List<Table> tables = new ArrayList<>();
        form.members().forEach(m -> {
            if (m instanceof Table t) {
                tables.add(t);
            }
        });
        List<Integer> headers = new ArrayList<>();
        int from = 0;
        for (Table table : tables) {
            int header = TableHeader.find(grid, table.fields(), from);
            headers.add(header);
            from = header < 0 ? from : header + 1;
        }
        int labelsEnd = headers.stream().filter(h -> h >= 0).findFirst().orElse(grid.lastRow() + 1);
        Map<String, Integer> labels = new HashMap<>();
        for (int r : grid.rows(0, labelsEnd - 1)) {
            labels.putIfAbsent(SheetGrid.label(grid.text(r, 0)), r);
        }
        if (form.fields().stream().noneMatch(f -> row(labels, f) != null)) {
            return Optional.empty();
        }
        ObjectNode item = WorkbookReading.object();
        reading.place(base, grid.name(0, 0));
        Set<Integer> read = new HashSet<>();
        for (Member member : form.members()) {
            if (member instanceof Field field) {
                Integer row = row(labels, field);
                if (row == null) {
                    reading.place(base + field.pointer(), grid.name(0, 0));
                    missingLabel(grid, labelsEnd, field, base, reading);
                } else {
                    read.add(row);
                    reading.column(grid.name(row, 0), grid.text(row, 0), field.title(), forms.pointer() + "/*" + field.pointer());
                    reading.read(item, base + field.pointer(), grid, row, 1, field);
                }
            } else if (member instanceof Grid table) {
                read.addAll(readGrid(grid, table, labels, item, base, reading));
            }
        }
        unreadLabels(grid, labelsEnd, read, base, reading);
        for (int t = 0; t < tables.size(); t++) {
            int end = t + 1 < tables.size() && headers.get(t + 1) >= 0 ? headers.get(t + 1) - 1 : grid.lastRow() + 1;
            TableHeader.read(grid, tables.get(t), headers.get(t), end, item, base, reading);
        }
        for (String pointer : form.requiredObjects()) {
            if (item.at(pointer).isMissingNode()) {
                WorkbookReading.set(item, pointer, WorkbookReading.object());
            }
        }
        return Optional.of(item);
    }

    /** The row a field's label stands on, by its title or another name no field of the form has as its title; null when none. */
    private Integer row(Map<String, Integer> labels, Field field) {
        Integer row = labels.get(SheetGrid.titleLabel(field.title()));
        if (row != null) {
            return row;
        }
        return field.headers().stream().map(SheetGrid::titleLabel).filter(name -> !titles.contains(name)).map(labels::get)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Rows above the tables whose label names nothing of the form: listed, and a warning when a value stands beside. */
    private void unreadLabels(SheetGrid grid, int end, Set<Integer> read, String base, WorkbookReading reading) {
        for (int r : grid.rows(1, end - 1)) {
            String label = grid.text(r, 0);
            if (read.contains(r) || label.isEmpty() || TargetTableHeader.inside(grid.region(r, 0), 0) || form.members().stream()
                    .anyMatch(m -> m instanceof Table t && SheetGrid.titleLabel(t.title()).equals(SheetGrid.label(label)))) {
                continue;
            }
            int filled = 0;
            int last = 0;
            for (int c : grid.columns(r)) {
                if (c > 0 && !grid.text(r, c).isEmpty() && !TargetTableHeader.inside(grid.region(r, c), c)) {
                    filled++;
                    last = c;
                }
            }
            String cells = filled == 0 ? "" : grid.name(r, 1) + (last > 1 ? ":" + grid.name(r, last).substring(grid.name(r, last).indexOf('!') + 1) : "");
            reading.unread(new ImportedWorkbook.Unread(grid.name(r, 0), label, filled, cells), base, grid.name(r, 0) + "「" + label
                    + "」一行未导入：" + title + "没有这一栏，其右 " + filled + " 格有内容（" + cells + "）；如是某一栏换了名称，请把栏目名改回");
        }
    }

    /** Reads a grid of rows by their labels and columns by their headers; the rows read. */
    private static List<Integer> readGrid(SheetGrid grid, Grid shape, Map<String, Integer> labels, ObjectNode item, String base,
                                          WorkbookReading reading) {
        Integer header = labels.get(SheetGrid.titleLabel(shape.title()));
        List<Integer> read = new ArrayList<>();
        if (header == null) {
            return read;
        }
        read.add(header);
        Map<String, Integer> columns = new HashMap<>();
        for (int c : grid.columns(header)) {
            if (c >= 1) {
                columns.putIfAbsent(SheetGrid.label(grid.text(header, c)), c);
            }
        }
        Set<Integer> readColumns = new HashSet<>(List.of(0));
        for (Field line : shape.rows()) {
            Integer row = labels.get(SheetGrid.titleLabel(line.title()));
            if (row != null) {
                read.add(row);
            }
            for (Field column : shape.columns()) {
                Integer c = columns.get(SheetGrid.titleLabel(column.title()));
                if (c != null) {
                    readColumns.add(c);
                }
                if (row != null && c != null) {
                    reading.read(item, base + line.pointer() + column.pointer(), grid, row, c, shape.cell(line, column));
                }
            }
        }
        UnreadColumns.report(grid, header, header, readColumns, read.stream().filter(r -> r > header).mapToInt(Integer::intValue).toArray(),
                base + shape.pointer(), "「" + shape.title() + "」", reading);
        return read;
    }

    /**
     * A field the form requires whose label is not in the left column: one error at that column, naming the
     * labels found and those accepted, in place of one at the field.
     */
    private void missingLabel(SheetGrid grid, int labelsEnd, Field field, String base, WorkbookReading reading) {
        if (!required.contains(field.pointer().substring(1))) {
            return;
        }
        int[] rows = grid.rows(0, labelsEnd - 1);
        String column = rows.length == 0 ? grid.name(0, 0) : grid.range(rows[0], rows[rows.length - 1], 0);
        List<String> found = new ArrayList<>();
        for (int r : rows) {
            if (!grid.text(r, 0).isEmpty() && !TargetTableHeader.inside(grid.region(r, 0), 0)) {
                found.add(grid.text(r, 0));
            }
        }
        reading.missing(forms.pointer() + "/*" + field.pointer(), base + field.pointer(), column, "左列没有「" + field.title()
                + "」一栏：找到的栏目名为 " + String.join("、", found) + "；「" + field.title() + "」一栏的栏目名可写作 "
                + String.join("、", field.names()));
    }
}
