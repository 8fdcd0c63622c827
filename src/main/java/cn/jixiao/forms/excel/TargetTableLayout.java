package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.FormShape.Member;
import cn.jixiao.forms.excel.FormShape.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 项目支出绩效目标表 as budget systems export it: the title, 单位名称 and 单位：万元 above a header row, then
 * a 合计 row, each fund-using unit's subtotal row and its projects. Written one row an indicator (the project's
 * cells merged over its rows, levels from drop-downs, 总计 and the sums as formulas); read in that shape and in
 * the export's own, one row a project with the indicators composed into one 绩效指标 cell.
 */
final class TargetTableLayout implements WorkbookLayout {
    static final String SHEET = "目标表";
    /** Empty project rows a template offers. */
    private static final int TEMPLATE_ROWS = 20;
    private static final int VALIDATED_ROWS = 2000;
    static final int HEADER_ROW = 2;
    final Field title;
    final Field organization;
    final Field amountUnit;
    final Table units;
    final Field unitName;
    final Table projects;
    /** The project's columns as the export orders them: name, 总计, the funds, then the rest. */
    final List<Field> projectColumns = new ArrayList<>();
    final Table indicators;
    /** The composed 绩效指标 column of the export. */
    final Field composed;

    private TargetTableLayout(FormShape root, Table units, Table projects, Table indicators) {
        this.title = field(root.fields(), "title");
        this.organization = field(root.fields(), "organization");
        this.amountUnit = field(root.fields(), "amountUnit");
        this.units = units;
        this.unitName = field(units.fields(), "name");
        this.projects = projects;
        this.indicators = indicators;
        List<Field> fields = projects.fields();
        projectColumns.add(field(fields, "name"));
        projectColumns.add(field(fields, "total"));
        fields.stream().filter(f -> f.kind() == FormShape.Kind.AMOUNT && !f.name().equals("total")).forEach(projectColumns::add);
        fields.stream().filter(f -> !projectColumns.contains(f)).forEach(projectColumns::add);
        this.composed = indicators.asText();
    }

    /** The layout of a schema of units, their projects and those's indicators; empty for a document of another shape. */
    static Optional<WorkbookLayout> of(ObjectNode schema) {
        FormShape root = FormShape.of(schema, schema);
        Table units = table(root.members(), "/units");
        Table projects = units == null ? null : table(units.columns(), "/projects");
        Table indicators = projects == null ? null : table(projects.columns(), "/indicators");
        if (indicators == null || root.fields().stream().noneMatch(f -> f.pointer().equals("/organization"))) {
            return Optional.empty();
        }
        return Optional.of(new TargetTableLayout(root, units, projects, indicators));
    }

    private static Table table(List<Member> members, String pointer) {
        return members.stream().filter(m -> m instanceof Table t && t.pointer().equals(pointer)).map(Table.class::cast)
                .findFirst().orElse(null);
    }

    private static Field field(List<Field> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the target table's schema has no field " + name));
    }

    /** Every field a header may name: the project's, the indicator's, the composed indicators and the unit's name. */
    List<Field> known() {
        List<Field> known = columns();
        known.add(composed);
        known.add(unitName);
        return known;
    }

    Field level1() {
        return indicators.fields().get(0);
    }

    /** The fields of a table's items that its schema requires. */
    static List<Field> required(Table table) {
        Set<String> names = new HashSet<>();
        table.items().path("required").forEach(name -> names.add(name.asString()));
        return table.fields().stream().filter(f -> names.contains(f.name())).toList();
    }

    /** Every column in the order written: the project's, then the indicator's. */
    List<Field> columns() {
        List<Field> columns = new ArrayList<>(projectColumns);
        columns.addAll(indicators.fields());
        return columns;
    }

    /** The header of a project column as the export prints it. */
    String header(Field field) {
        return field == projectColumns.get(0) ? field.title() + "（资金使用单位）" : field.title();
    }

    @Override
    public List<String> instructions() {
        return List.of("每个绩效指标占一行：项目名称、金额和绩效目标写在项目的第一行；同一项目的其余指标行，这几栏留空（或合并单元格）。",
                "资金使用单位占一行，只填名称，不填绩效目标和指标；其下各行是它的项目。没有单位行时，项目归于「单位名称」。",
                "合计行和单位行的金额是公式，导入时与项目之和核对，不符时给出提示；总计 = 财政拨款 + 财政专户拨款 + 其他资金。",
                "一级、二级指标请从下拉列表中选择；金额填数字，不带单位；金额单位在表头上方选「单位：万元」或「单位：元」。",
                "也可以直接导入预算系统导出的目标表：绩效指标写在一格中（1、1-产出指标：11-数量指标：…），表头行在哪一行都可以。");
    }

    @Override
    public ObjectNode read(Workbook workbook, WorkbookReading reading) {
        return new TargetTableRows(this, reading).read(workbook);
    }

    @Override
    public void write(Workbook workbook, CellStyles styles, JsonNode document) {
        Sheet sheet = workbook.createSheet(SHEET);
        writeHeading(sheet, styles, document);
        List<JsonNode> unitNodes = WorkbookLayout.itemsOrBlanks(document, units.pointer(), 1);
        List<Integer> unitRows = new ArrayList<>();
        int row = HEADER_ROW + 2;
        for (JsonNode unit : unitNodes) {
            int unitRow = row;
            unitRows.add(unitRow);
            row = writeProjects(sheet, styles, unit, unitRow + 1);
            int last = row;
            sumRow(sheet, styles, unitRow, unit == null ? "" : unit.path("name").asString(""),
                    column -> "SUM(" + column + (unitRow + 2) + ":" + column + last + ")");
        }
        sumRow(sheet, styles, HEADER_ROW + 1, "合计", column -> "SUM(" + String.join(",",
                unitRows.stream().map(r -> column + (r + 1)).toList()) + ")");
        sheet.createFreezePane(1, HEADER_ROW + 1);
        CellStyles.printSetUp(sheet, true, 0, HEADER_ROW);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private void writeHeading(Sheet sheet, CellStyles styles, JsonNode document) {
        List<Field> columns = columns();
        int last = columns.size() - 1;
        Row heading = sheet.createRow(0);
        String titleText = document == null ? "" : document.path("title").asString("");
        styles.text(heading.createCell(0), titleText.isEmpty() ? title.fallback() : titleText, styles.title);
        heading.setHeightInPoints(30);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        Row unitLine = sheet.createRow(1);
        styles.text(unitLine.createCell(0), organization.title() + "：", styles.plain);
        styles.text(unitLine.createCell(1), document == null ? "" : document.path("organization").asString(""), styles.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 5));
        String unit = document == null ? "" : document.path("amountUnit").asString("");
        styles.text(unitLine.createCell(last), "单位：" + (unit.isEmpty() ? amountUnit.fallback() : unit), styles.plain);
        CellStyles.dropDown(sheet, amountUnit.title(), amountUnit.choices().stream().map(c -> "单位：" + c).toList(), 1, 1, last);
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        for (int c = 0; c <= last; c++) {
            styles.text(header.createCell(c), c < projectColumns.size() ? header(columns.get(c)) : columns.get(c).title(), styles.header);
            CellStyles.setWidth(sheet, c, width(columns.get(c)));
            CellStyles.dropDown(sheet, columns.get(c), HEADER_ROW + 2, HEADER_ROW + 1 + VALIDATED_ROWS, c);
        }
    }

    /** Columns sized for what they hold: the project's name and goal wide. */
    private int width(Field field) {
        if (field == projectColumns.get(0)) {
            return 26;
        }
        if (field.kind() != FormShape.Kind.TEXT) {
            return field.kind() == FormShape.Kind.AMOUNT ? 12 : 11;
        }
        return projectColumns.contains(field) ? 32 : field == indicators.fields().get(2) ? 24 : 14;
    }

    /** The projects of a unit from {@code row} on (a template's empty rows for null); the row after them. */
    private int writeProjects(Sheet sheet, CellStyles styles, JsonNode unit, int row) {
        List<JsonNode> projectNodes = WorkbookLayout.itemsOrBlanks(unit, projects.pointer(), TEMPLATE_ROWS);
        List<Field> indicatorFields = indicators.fields();
        for (JsonNode project : projectNodes) {
            List<JsonNode> rows = WorkbookLayout.itemsOrBlanks(project, indicators.pointer(), 0);
            int count = Math.max(1, rows.size());
            for (int i = 0; i < count; i++) {
                Row line = sheet.createRow(row + i);
                for (int c = 0; c < projectColumns.size(); c++) {
                    Field field = projectColumns.get(c);
                    CellValues.write(line.createCell(c), field, i == 0 && project != null ? project.get(field.name()) : null, styles);
                }
                if (i == 0) {
                    line.getCell(1).setCellFormula(totalFormula(row));
                }
                for (int c = 0; c < indicatorFields.size(); c++) {
                    JsonNode value = i < rows.size() ? rows.get(i).get(indicatorFields.get(c).name()) : null;
                    CellValues.write(line.createCell(projectColumns.size() + c), indicatorFields.get(c), value, styles);
                }
            }
            if (count > 1) {
                for (int c = 0; c < projectColumns.size(); c++) {
                    sheet.addMergedRegion(new CellRangeAddress(row, row + count - 1, c, c));
                }
            }
            heights(sheet, project, rows, row, count);
            row += count;
        }
        return row;
    }

    /** 总计 of the project on {@code row}: its funds added up, empty while none is filled in. */
    private String totalFormula(int row) {
        String first = new CellReference(row, 2).formatAsString();
        String last = new CellReference(row, projectColumns.stream().filter(f -> f.kind() == FormShape.Kind.AMOUNT)
                .mapToInt(projectColumns::indexOf).max().orElse(2)).formatAsString();
        return "IF(COUNT(" + first + ":" + last + ")=0,\"\",SUM(" + first + ":" + last + "))";
    }

    /** The 合计 row or a unit's row: its name, and each amount column's formula (given the column's letter). */
    private void sumRow(Sheet sheet, CellStyles styles, int row, String name, UnaryOperator<String> formula) {
        Row line = sheet.createRow(row);
        List<Field> columns = columns();
        for (int c = 0; c < columns.size(); c++) {
            Field field = columns.get(c);
            Cell cell = line.createCell(c);
            if (field.kind() == FormShape.Kind.AMOUNT && c < projectColumns.size()) {
                cell.setCellFormula(formula.apply(CellReference.convertNumToColString(c)));
                cell.setCellStyle(styles.boldAmount);
            } else {
                cell.setCellStyle(c == 0 ? styles.boldText : styles.of(field));
            }
        }
        styles.text(line.getCell(0), name, line.getCell(0).getCellStyle());
    }

    /** Rows tall enough for the indicators' texts, and together for the project's name and goal. */
    private void heights(Sheet sheet, JsonNode project, List<JsonNode> rows, int row, int count) {
        int projectLines = 1;
        for (Field field : projectColumns) {
            if (project != null && field.kind() == FormShape.Kind.TEXT) {
                projectLines = Math.max(projectLines, TextLines.count(project.path(field.name()).asString(""), width(field)));
            }
        }
        for (int i = 0; i < count; i++) {
            int lines = (projectLines + count - 1) / count;
            for (Field field : indicators.fields()) {
                if (i < rows.size()) {
                    lines = Math.max(lines, TextLines.count(rows.get(i).path(field.name()).asString(""), width(field)));
                }
            }
            sheet.getRow(row + i).setHeightInPoints(TextLines.height(lines));
        }
    }
}
