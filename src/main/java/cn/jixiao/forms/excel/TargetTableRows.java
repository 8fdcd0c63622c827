package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.form.Amounts;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the rows of a target table below its header: 合计, a unit's row (a name without goal or indicators),
 * a project's row, and in the one-row-an-indicator shape the rows that go on with the project above (its
 * name cell merged over them, left blank, or repeated). Headings a page break repeated are passed over. The
 * sums the table states are checked against its projects: a difference is a warning naming the cells.
 */
final class TargetTableRows {
    /** No title, 单位名称 line or header a page break repeats is longer: a longer text is none, and is not folded. */
    private static final int LONGEST_HEADING = 200;
    private static final Pattern AMOUNT_UNIT = Pattern.compile("\\(?(?:金额)?单位[:：](.*?)\\)?");
    private final TargetTableLayout layout;
    private final WorkbookReading reading;
    private SheetGrid grid;
    private Map<Field, Integer> columns;
    private boolean oneRowAnIndicator;
    private String headingText = "";
    /** The JSON pointer of the project the rows being read belong to. */
    private String projectPath = "";

    /** A row that states a sum: 合计 or a unit's; the projects it covers. */
    private record StatedSum(int row, String path, String what, List<ObjectNode> projects, List<Integer> rows) {
    }

    TargetTableRows(TargetTableLayout layout, WorkbookReading reading) {
        this.layout = layout;
        this.reading = reading;
    }

    ObjectNode read(Workbook workbook) {
        for (Sheet sheet : workbook) {
            grid = new SheetGrid(sheet, reading.contents());
            for (int row : grid.rows(0, grid.lastRow())) {
                columns = TableHeader.columns(grid, row, known());
                if (columns.containsKey(layout.projectColumns.get(0))
                        && (columns.containsKey(layout.composed) || columns.containsKey(level1()))) {
                    oneRowAnIndicator = columns.containsKey(level1());
                    return read(row);
                }
            }
        }
        reading.error("", workbook.getSheetName(0), "找不到目标表的表头行：应有 "
                + String.join("、", layout.projectColumns.stream().map(layout::header).toList()) + "，以及 "
                + layout.composed.title() + "（或 " + TableHeader.expected(layout.indicators.fields()) + "）");
        return WorkbookReading.object();
    }

    private List<Field> known() {
        List<Field> known = layout.columns();
        known.add(layout.composed);
        return known;
    }

    private Field level1() {
        return layout.indicators.fields().get(0);
    }

    private ObjectNode read(int header) {
        ObjectNode document = WorkbookReading.object();
        readAbove(header, document);
        ArrayNode units = document.putArray("units");
        List<StatedSum> sums = new ArrayList<>();
        StatedSum total = null;
        ObjectNode unit = null;
        StatedSum unitSum = null;
        ObjectNode project = null;
        int projectRow = -1;
        for (int row : grid.rows(header + 1, grid.lastRow())) {
            String name = text(row, layout.projectColumns.get(0));
            if (blank(row) || repeatedHeading(row)) {
                continue;
            }
            if (SheetGrid.label(name).equals("合计")) {
                total = new StatedSum(row, layout.units.pointer(), "合计", new ArrayList<>(), new ArrayList<>());
            } else if (project != null && continues(row, projectRow, project)) {
                readIndicator(project, row);
            } else if (!name.isEmpty() && goalAndIndicatorsBlank(row)) {
                unit = unit(units, name, row);
                unitSum = new StatedSum(row, layout.units.pointer() + "/" + (units.size() - 1), "资金使用单位" + quote(name),
                        new ArrayList<>(), new ArrayList<>());
                sums.add(unitSum);
                project = null;
            } else {
                if (unit == null) {
                    unit = unit(units, document.path(layout.organization.name()).asString(""), row);
                }
                project = project(unit, units.size() - 1, row);
                projectRow = row;
                for (StatedSum sum : Arrays.asList(unitSum, total)) {
                    if (sum != null) {
                        sum.projects().add(project);
                        sum.rows().add(row);
                    }
                }
            }
        }
        if (units.isEmpty()) {
            reading.error(layout.units.pointer(), grid.name(header, 0), "表头行之下没有项目：每个项目占一行（或每个指标一行）");
        }
        sums.forEach(this::check);
        if (total != null) {
            check(total);
        }
        return document;
    }

    /** The title, 单位名称 and 单位 above the header, each where it stands, its value in its cell or the next. */
    private void readAbove(int header, ObjectNode document) {
        String organization = layout.organization.title();
        for (int row : grid.rows(0, header - 1)) {
            int passed = -1;
            for (int c : grid.columns(row)) {
                if (c <= passed) {
                    continue;
                }
                String text = grid.text(row, c);
                String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
                Matcher unit = AMOUNT_UNIT.matcher(folded);
                Field field = folded.startsWith(organization) ? layout.organization : unit.matches() ? layout.amountUnit : null;
                if (field == null) {
                    if (!text.isEmpty() && headingText.isEmpty()) {
                        headingText = text;
                        reading.value(document, layout.title.name(), layout.title.pointer(), text, grid.name(row, c));
                    }
                    continue;
                }
                String rest = field == layout.amountUnit ? unit.group(1)
                        : text.substring(Math.max(0, text.indexOf(organization)) + organization.length()).replaceFirst("^\\s*[:：]", "").strip();
                int at = rest.isEmpty() ? nextColumn(row, c) : c;
                if (at >= 0) {
                    reading.value(document, field.name(), field.pointer(), rest.isEmpty() ? grid.text(row, at) : rest, grid.name(row, at));
                    passed = at;
                }
            }
        }
    }

    private int nextColumn(int row, int column) {
        CellRangeAddress region = grid.region(row, column);
        int from = region == null ? column + 1 : region.getLastColumn() + 1;
        for (int c : grid.columns(row)) {
            if (c >= from && !grid.text(row, c).isEmpty()) {
                return c;
            }
        }
        return -1;
    }

    private String text(int row, Field field) {
        Integer column = columns.get(field);
        return column == null ? "" : grid.text(row, column);
    }

    /** No name, goal nor indicator: amounts alone are a template's formulas, not a row a person filled in. */
    private boolean blank(int row) {
        return columns.keySet().stream().filter(f -> f.kind() != FormShape.Kind.AMOUNT).allMatch(f -> text(row, f).isEmpty());
    }

    /** The header, title, 单位名称 or 单位 again, as a page break of the export repeats them: nothing else in the row. */
    private boolean repeatedHeading(int row) {
        return columns.values().stream().map(c -> grid.text(row, c)).filter(t -> !t.isEmpty()).allMatch(this::heading);
    }

    private boolean heading(String text) {
        if (text.equals(headingText) || text.length() > LONGEST_HEADING) {
            return text.equals(headingText);
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return text.equals(headingText) || folded.startsWith(layout.organization.title()) || AMOUNT_UNIT.matcher(folded).matches()
                || known().stream().map(f -> SheetGrid.titleLabel(f.title())).anyMatch(SheetGrid.label(text)::equals);
    }

    private boolean goalAndIndicatorsBlank(int row) {
        return layout.projectColumns.stream().filter(f -> f.kind() == FormShape.Kind.TEXT).skip(1).allMatch(f -> text(row, f).isEmpty())
                && indicatorBlank(row);
    }

    private boolean indicatorBlank(int row) {
        return text(row, layout.composed).isEmpty() && layout.indicators.fields().stream().allMatch(f -> text(row, f).isEmpty());
    }

    /** Whether a row goes on with the project above: one row an indicator, and the project's cells merged, blank or repeated. */
    private boolean continues(int row, int projectRow, ObjectNode project) {
        if (!oneRowAnIndicator || indicatorBlank(row)) {
            return false;
        }
        Integer nameColumn = columns.get(layout.projectColumns.get(0));
        CellRangeAddress region = grid.region(row, nameColumn);
        if (region != null && region.equals(grid.region(projectRow, nameColumn))) {
            return true;
        }
        boolean repeated = layout.projectColumns.stream().filter(columns::containsKey).filter(f -> f.kind() == FormShape.Kind.TEXT)
                .allMatch(f -> text(row, f).equals(project.path(f.name()).asString("")));
        return repeated || layout.projectColumns.stream().allMatch(f -> text(row, f).isEmpty());
    }

    private ObjectNode unit(ArrayNode units, String name, int row) {
        ObjectNode unit = units.addObject();
        String path = layout.units.pointer() + "/" + (units.size() - 1);
        reading.place(path, grid.name(row, columns.get(layout.projectColumns.get(0))));
        if (name.equals(text(row, layout.projectColumns.get(0)))) {
            reading.read(unit, path + layout.unitName.pointer(), grid, row, columns.get(layout.projectColumns.get(0)), layout.unitName);
        } else {
            unit.put(layout.unitName.name(), name);
        }
        unit.putArray(layout.projects.pointer().substring(1));
        return unit;
    }

    private ObjectNode project(ObjectNode unit, int unitIndex, int row) {
        ArrayNode projects = (ArrayNode) unit.get(layout.projects.pointer().substring(1));
        String path = layout.units.pointer() + "/" + unitIndex + layout.projects.pointer() + "/" + projects.size();
        ObjectNode project = projects.addObject();
        reading.place(path, grid.name(row, columns.get(layout.projectColumns.get(0))));
        for (Field field : layout.projectColumns) {
            if (columns.containsKey(field)) {
                reading.read(project, path + field.pointer(), grid, row, columns.get(field), field);
            }
        }
        ArrayNode indicators = project.putArray(layout.indicators.pointer().substring(1));
        projectPath = path;
        String at = path + layout.indicators.pointer();
        if (oneRowAnIndicator) {
            reading.place(at, grid.name(row, columns.get(level1())));
            readIndicator(project, row);
        } else {
            int column = columns.get(layout.composed);
            reading.place(at, grid.name(row, column));
            CellContent composed = grid.content(row, column);
            if (composed.cut()) {
                reading.tooLong(at, grid.name(row, column), layout.composed.title(), composed.length());
            } else {
                ComposedIndicators.read(composed.shown(), indicators, at, grid.name(row, column), reading);
            }
        }
        return project;
    }

    private void readIndicator(ObjectNode project, int row) {
        if (indicatorBlank(row)) {
            return;
        }
        ArrayNode indicators = (ArrayNode) project.get(layout.indicators.pointer().substring(1));
        String at = projectPath + layout.indicators.pointer() + "/" + indicators.size();
        ObjectNode indicator = indicators.addObject();
        reading.place(at, grid.name(row, columns.get(level1())));
        for (Field field : layout.indicators.fields()) {
            if (columns.containsKey(field)) {
                reading.read(indicator, at + field.pointer(), grid, row, columns.get(field), field);
            }
        }
    }

    /** A stated sum against the sum of its projects, column by column; a difference is a warning naming both. */
    private void check(StatedSum sum) {
        if (sum.projects().isEmpty()) {
            return;
        }
        for (Field field : layout.projectColumns) {
            if (field.kind() != FormShape.Kind.AMOUNT || !columns.containsKey(field)) {
                continue;
            }
            int column = columns.get(field);
            JsonNode stated = CellValues.read(grid, sum.row(), column, field, sum.path(), new WorkbookReading());
            if (stated == null || !stated.isNumber()) {
                continue;
            }
            BigDecimal added = BigDecimal.ZERO;
            for (ObjectNode project : sum.projects()) {
                JsonNode value = project.get(field.name());
                added = added.add(value != null && value.isNumber() ? value.decimalValue() : BigDecimal.ZERO);
            }
            if (stated.decimalValue().compareTo(added) != 0) {
                int first = sum.rows().get(0);
                int last = sum.rows().get(sum.rows().size() - 1);
                reading.warning(sum.path(), grid.name(sum.row(), column), sum.what() + "的" + field.title() + " "
                        + grid.name(sum.row(), column) + " 为 " + Amounts.format(stated.decimalValue()) + "，与其下 "
                        + sum.projects().size() + " 个项目之和 " + Amounts.format(added) + " 不符（" + grid.range(first, last, column)
                        + "）：请核对");
            }
        }
    }

    private static String quote(String name) {
        return "「" + Objects.requireNonNullElse(name, "") + "」";
    }
}
