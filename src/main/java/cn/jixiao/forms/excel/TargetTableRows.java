package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the rows of a target table below its header: 合计, a unit's row (a name without goal or indicators),
 * a project's row, and in the one-row-an-indicator shape the rows that go on with the project above (its
 * name cell merged over them, left blank, or repeated). Where a column gives each project's unit
 * (资金使用单位, 单位名称, 预算单位), the projects are grouped under their units in order, and a row of a unit
 * without a project is its subtotal. Headings a page break repeated are passed over. The sums the table
 * states are checked against its projects ({@link StatedSums}); columns nothing reads are listed.
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
    private boolean unitColumn;
    private String headingText = "";
    /** The JSON pointer of the project the rows being read belong to. */
    private String projectPath = "";
    private StatedSums sums;

    TargetTableRows(TargetTableLayout layout, WorkbookReading reading) {
        this.layout = layout;
        this.reading = reading;
    }

    ObjectNode read(Workbook workbook) {
        TargetTableHeader header = TargetTableHeader.find(workbook, layout, reading);
        grid = header.grid;
        columns = header.columns;
        oneRowAnIndicator = header.has(layout.level1());
        unitColumn = header.has(layout.unitName);
        sums = new StatedSums(layout, grid, columns, reading);
        columns.forEach((field, column) -> reading.column(grid.name(header.row, column), grid.text(header.row, column),
                field.title(), pattern(field)));
        ObjectNode document = WorkbookReading.object();
        readAbove(header.first, document);
        amountUnits(header, document);
        ArrayNode units = document.putArray(layout.units.pointer().substring(1));
        reading.place(layout.units.pointer(), grid.name(header.row, columns.get(layout.projectColumns.get(0))));
        List<Integer> rows = readRows(header, document, units);
        if (units.isEmpty()) {
            reading.error(layout.units.pointer(), grid.name(header.row, columns.get(layout.projectColumns.get(0))),
                    "表头行之下没有项目：每个项目占一行（或每个指标一行）");
        }
        missingColumns(header);
        UnreadColumns.report(grid, header.first, header.row, columns.values(), rows.stream().mapToInt(Integer::intValue).toArray(),
                layout.units.pointer(), "目标表", reading);
        return document;
    }

    /** The rows below the header, read; those read (not blank, not a repeated heading), for the columns left unread. */
    private List<Integer> readRows(TargetTableHeader header, ObjectNode document, ArrayNode units) {
        List<Integer> read = new ArrayList<>();
        Map<String, StatedSums.Projects> byName = new LinkedHashMap<>();
        StatedSums.Projects all = new StatedSums.Projects(layout.units.pointer(), "合计");
        List<StatedSums.Stated> stated = new ArrayList<>();
        StatedSums.Projects unit = null;
        ObjectNode project = null;
        int projectRow = -1;
        String organization = document.path(layout.organization.name()).asString("");
        for (int row : grid.rows(header.row + 1, grid.lastRow())) {
            if (blank(row) || repeatedHeading(row)) {
                continue;
            }
            read.add(row);
            String name = text(row, layout.projectColumns.get(0));
            String unitText = unitColumn ? text(row, layout.unitName) : "";
            if (total(name) || unitColumn && name.isEmpty() && total(unitText)) {
                stated.add(new StatedSums.Stated(row, all));
            } else if (project != null && continues(row, projectRow, project, unitText, unit)) {
                readIndicator(project, row);
            } else if (unitColumn && (name.isEmpty() || SheetGrid.label(name).equals("小计")) && !unitText.isEmpty()
                    && goalAndIndicatorsBlank(row)) {
                stated.add(new StatedSums.Stated(row, unitNamed(units, byName, unitText, row)));
                project = null;
            } else if (!unitColumn && !name.isEmpty() && goalAndIndicatorsBlank(row)) {
                unit = newUnit(units, name, row);
                stated.add(new StatedSums.Stated(row, unit));
                project = null;
            } else {
                if (unitColumn) {
                    unit = !unitText.isEmpty() ? unitNamed(units, byName, unitText, row)
                            : unit != null ? unit : unitNamed(units, byName, organization, -1);
                } else if (unit == null) {
                    unit = newUnit(units, organization, -1);
                }
                project = project(unit, row);
                projectRow = row;
                all.add(project, row);
            }
        }
        stated.forEach(sums::check);
        return read;
    }

    /** The pointer of a field in every item, {@code *} for the item: /units/{@literal *}/projects/{@literal *}/goal. */
    private String pattern(Field field) {
        String project = layout.units.pointer() + "/*" + layout.projects.pointer() + "/*";
        if (field == layout.unitName) {
            return layout.units.pointer() + "/*" + field.pointer();
        }
        if (field == layout.composed) {
            return project + field.pointer();
        }
        return layout.projectColumns.contains(field) ? project + field.pointer() : project + layout.indicators.pointer() + "/*" + field.pointer();
    }

    private static boolean total(String text) {
        return SheetGrid.label(text).equals("合计") || SheetGrid.label(text).equals("总计");
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

    /**
     * The amount unit the headers state (财政拨款（万元）): the document's when no 单位 line says it, an error at
     * the header when it disagrees with that line or with another column's.
     */
    private void amountUnits(TargetTableHeader header, ObjectNode document) {
        Map<Integer, String> units = header.units(layout.projectColumns.stream().filter(f -> f.kind() == FormShape.Kind.AMOUNT).toList());
        String pointer = layout.amountUnit.pointer();
        String stated = document.path(layout.amountUnit.name()).asString("");
        String statedAt = reading.sources().get(pointer);
        Integer firstColumn = null;
        for (Map.Entry<Integer, String> entry : units.entrySet()) {
            String cell = grid.name(header.row, entry.getKey());
            String said = "「" + grid.text(header.row, entry.getKey()) + "」";
            if (firstColumn != null && !units.get(firstColumn).equals(entry.getValue())) {
                reading.error(pointer, cell, "金额各栏的单位不一致：" + grid.name(header.row, firstColumn) + " 以" + units.get(firstColumn)
                        + "计，" + cell + said + "以" + entry.getValue() + "计：请把各栏换成同一单位");
                return;
            }
            firstColumn = firstColumn == null ? entry.getKey() : firstColumn;
            if (!stated.isEmpty() && !stated.equals(entry.getValue())) {
                reading.error(pointer, cell, "表头" + said + "以" + entry.getValue() + "计，与 " + statedAt + "「单位：" + stated
                        + "」不一致：请统一单位");
                return;
            }
        }
        if (stated.isEmpty() && firstColumn != null) {
            reading.value(document, layout.amountUnit.name(), pointer, units.get(firstColumn), grid.name(header.row, firstColumn));
        }
    }

    /** A field the schema requires that no column gives: one error at the header, naming what it found and what it takes. */
    private void missingColumns(TargetTableHeader header) {
        List<Field> required = new ArrayList<>(TargetTableLayout.required(layout.projects));
        if (oneRowAnIndicator) {
            required.addAll(TargetTableLayout.required(layout.indicators));
        }
        for (Field field : required) {
            if (header.has(field) || !layout.known().contains(field)) {
                continue;
            }
            String pattern = pattern(field);
            String path = pattern.replace("*", "0");
            reading.missing(pattern, reading.places().containsKey(path.substring(0, path.lastIndexOf('/'))) ? path : layout.units.pointer(),
                    header.range(), "表头行中没有「" + field.title() + "」一栏：找到的表头为 " + String.join("、", header.found())
                            + "；「" + field.title() + "」一栏的表头可写作 " + String.join("、", field.names()));
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

    /** No name, unit, goal nor indicator: amounts alone are a template's formulas, not a row a person filled in. */
    private boolean blank(int row) {
        return columns.keySet().stream().filter(f -> f.kind() != FormShape.Kind.AMOUNT).allMatch(f -> text(row, f).isEmpty());
    }

    /** The header, title, 单位名称 or 单位 again, as a page break of the export repeats them: nothing else in the row. */
    private boolean repeatedHeading(int row) {
        return columns.values().stream().distinct().map(c -> grid.text(row, c)).filter(t -> !t.isEmpty()).allMatch(this::heading);
    }

    private boolean heading(String text) {
        if (text.equals(headingText) || text.length() > LONGEST_HEADING) {
            return text.equals(headingText);
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        String label = SheetGrid.label(text);
        return folded.startsWith(layout.organization.title()) || AMOUNT_UNIT.matcher(folded).matches()
                || columns.keySet().stream().flatMap(f -> f.names().stream()).map(SheetGrid::titleLabel).anyMatch(label::equals);
    }

    private boolean goalAndIndicatorsBlank(int row) {
        return layout.projectColumns.stream().filter(f -> f.kind() == FormShape.Kind.TEXT).skip(1).allMatch(f -> text(row, f).isEmpty())
                && indicatorBlank(row);
    }

    private boolean indicatorBlank(int row) {
        return text(row, layout.composed).isEmpty() && layout.indicators.fields().stream().allMatch(f -> text(row, f).isEmpty());
    }

    /**
     * Whether a row goes on with the project above: one row an indicator, the project's cells merged, blank or
     * repeated, and its unit (where a column gives it) blank or the project's.
     */
    private boolean continues(int row, int projectRow, ObjectNode project, String unitText, StatedSums.Projects unit) {
        if (!oneRowAnIndicator || indicatorBlank(row) || !unitText.isEmpty() && unit != null && !unitText.equals(unit.name())) {
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

    /** A unit of its own row (or, for projects before any, of the organisation: {@code row} -1). */
    private StatedSums.Projects newUnit(ArrayNode units, String name, int row) {
        ObjectNode unit = units.addObject();
        String path = layout.units.pointer() + "/" + (units.size() - 1);
        int column = columns.get(layout.projectColumns.get(0));
        if (row >= 0) {
            reading.place(path, grid.name(row, column));
            reading.read(unit, path + layout.unitName.pointer(), grid, row, column, layout.unitName);
        } else {
            unit.put(layout.unitName.name(), name);
        }
        unit.putArray(layout.projects.pointer().substring(1));
        return new StatedSums.Projects(unit, path, "资金使用单位「" + name + "」", name);
    }

    /** The unit a column names, made when first named, so that its projects gather under it in the order met. */
    private StatedSums.Projects unitNamed(ArrayNode units, Map<String, StatedSums.Projects> byName, String name, int row) {
        StatedSums.Projects known = byName.get(name);
        if (known != null) {
            return known;
        }
        ObjectNode unit = units.addObject();
        String path = layout.units.pointer() + "/" + (units.size() - 1);
        if (row >= 0) {
            int column = columns.get(layout.unitName);
            reading.place(path, grid.name(row, column));
            reading.read(unit, path + layout.unitName.pointer(), grid, row, column, layout.unitName);
        } else {
            unit.put(layout.unitName.name(), name);
        }
        unit.putArray(layout.projects.pointer().substring(1));
        StatedSums.Projects made = new StatedSums.Projects(unit, path, "资金使用单位「" + name + "」", name);
        byName.put(name, made);
        return made;
    }

    private ObjectNode project(StatedSums.Projects unit, int row) {
        ArrayNode projects = (ArrayNode) unit.node().get(layout.projects.pointer().substring(1));
        String path = unit.path() + layout.projects.pointer() + "/" + projects.size();
        ObjectNode project = projects.addObject();
        reading.place(path, grid.name(row, columns.get(layout.projectColumns.get(0))));
        for (Field field : layout.projectColumns) {
            if (columns.containsKey(field)) {
                reading.read(project, path + field.pointer(), grid, row, columns.get(field), field);
            }
        }
        sums.checkRow(project, path, row);
        unit.add(project, row);
        ArrayNode indicators = project.putArray(layout.indicators.pointer().substring(1));
        projectPath = path;
        String at = path + layout.indicators.pointer();
        if (oneRowAnIndicator) {
            reading.place(at, grid.name(row, columns.get(layout.level1())));
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
        reading.place(at, grid.name(row, columns.get(layout.level1())));
        for (Field field : layout.indicators.fields()) {
            if (columns.containsKey(field)) {
                reading.read(indicator, at + field.pointer(), grid, row, columns.get(field), field);
            }
        }
    }
}
