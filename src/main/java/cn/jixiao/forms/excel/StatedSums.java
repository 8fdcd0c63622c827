package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.form.Amounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sums a target table states, checked against what they add up, naming the cells of both: the 合计 row and
 * each unit's row against their projects in every amount column (a project's 总计 left blank counts as the sum
 * of its funds), and each project's 总计 against its funds on its own row ({@code x-sum-of}).
 */
final class StatedSums {
    private final TargetTableLayout layout;
    private final SheetGrid grid;
    private final Map<Field, Integer> columns;
    private final WorkbookReading reading;

    /** A unit's projects, or all of them (for 合计), with the rows they were read from. */
    record Projects(ObjectNode node, String path, String what, String name, List<ObjectNode> projects, List<Integer> rows) {
        Projects(ObjectNode node, String path, String what, String name) {
            this(node, path, what, name, new ArrayList<>(), new ArrayList<>());
        }

        Projects(String path, String what) {
            this(null, path, what, "");
        }

        void add(ObjectNode project, int row) {
            projects.add(project);
            rows.add(row);
        }
    }

    /** A row that states the sums of some projects. */
    record Stated(int row, Projects of) {
    }

    StatedSums(TargetTableLayout layout, SheetGrid grid, Map<Field, Integer> columns, WorkbookReading reading) {
        this.layout = layout;
        this.grid = grid;
        this.columns = columns;
        this.reading = reading;
    }

    /** A stated sum against the sum of its projects, column by column; a difference is a warning naming both. */
    void check(Stated sum) {
        List<ObjectNode> projects = sum.of().projects();
        if (projects.isEmpty()) {
            return;
        }
        for (Field field : layout.projectColumns) {
            if (field.kind() != FormShape.Kind.AMOUNT || !columns.containsKey(field)) {
                continue;
            }
            int column = columns.get(field);
            JsonNode stated = CellValues.read(grid, sum.row(), column, field, sum.of().path(), new WorkbookReading());
            if (stated == null || !stated.isNumber()) {
                continue;
            }
            BigDecimal added = BigDecimal.ZERO;
            for (ObjectNode project : projects) {
                added = added.add(amount(project, field));
            }
            if (stated.decimalValue().compareTo(added) != 0) {
                List<Integer> rows = sum.of().rows();
                reading.warning(sum.of().path(), grid.name(sum.row(), column), sum.of().what() + "的" + field.title() + " "
                        + grid.name(sum.row(), column) + " 为 " + Amounts.format(stated.decimalValue()) + "，与其下 "
                        + projects.size() + " 个项目之和 " + Amounts.format(added) + " 不符（" + cells(rows, column) + "）：请核对");
            }
        }
    }

    /** A project's 总计 on its row against its funds there: an error naming every cell. */
    void checkRow(ObjectNode project, String path, int row) {
        for (Field total : layout.projectColumns) {
            JsonNode stated = project.get(total.name());
            if (total.sumOf().isEmpty() || stated == null || !stated.isNumber()) {
                continue;
            }
            BigDecimal added = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (String name : total.sumOf()) {
                Field part = layout.projectColumns.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
                if (part != null && columns.containsKey(part)) {
                    added = added.add(number(project.get(name)));
                    parts.add(part.title() + " " + grid.name(row, columns.get(part)));
                }
            }
            if (!parts.isEmpty() && stated.decimalValue().compareTo(added) != 0) {
                String cell = grid.name(row, columns.get(total));
                reading.error(path + total.pointer(), cell, total.title() + " " + cell + " 为 " + Amounts.format(stated.decimalValue())
                        + "，与 " + String.join("、", parts) + " 之和 " + Amounts.format(added) + " 不符：请核对");
            }
        }
    }

    /** A project's amount in a column: as read, or for a 总计 left blank the sum of its parts. */
    private static BigDecimal amount(ObjectNode project, Field field) {
        JsonNode value = project.get(field.name());
        if (value == null && !field.sumOf().isEmpty()) {
            BigDecimal parts = BigDecimal.ZERO;
            for (String part : field.sumOf()) {
                parts = parts.add(number(project.get(part)));
            }
            return parts;
        }
        return number(value);
    }

    private static BigDecimal number(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
    }

    /** The cells of some rows of a column: one range when they follow each other, else the first and last. */
    private String cells(List<Integer> rows, int column) {
        return grid.range(rows.get(0), rows.get(rows.size() - 1), column);
    }
}
