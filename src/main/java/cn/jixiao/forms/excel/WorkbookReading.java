package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What reading one workbook found besides the document: where each value came from, and the problems of
 * the cells themselves (an amount that is no number, a level outside the taxonomy), each with its cell.
 */
final class WorkbookReading {
    private final CellContents contents;
    private final int fieldChars;
    /** JSON pointer → cell, for every value the document holds. */
    private final Map<String, String> sources = new LinkedHashMap<>();
    /** JSON pointer → cell, also of the blank cells and of rows and tables: where a problem is shown. */
    private final Map<String, String> places = new LinkedHashMap<>();
    private final List<Problem> errors = new ArrayList<>();
    private int errorsLeftOut;
    private final List<Problem> warnings = new ArrayList<>();
    private final List<ImportedWorkbook.Column> columns = new ArrayList<>();
    private final List<ImportedWorkbook.Unread> unread = new ArrayList<>();
    /** Pointers, {@code *} for any item, of fields no column was found for: the header's problem, said once. */
    private final List<String> missing = new ArrayList<>();

    /** The reading of one workbook's cells, each text cut to {@code fieldChars} characters. */
    WorkbookReading(Workbook workbook, int fieldChars) {
        this.contents = new CellContents(workbook, fieldChars);
        this.fieldChars = fieldChars;
    }

    /** A reading that only notes problems: of values found otherwise than in cells, or checked and let go. */
    WorkbookReading() {
        this.contents = null;
        this.fieldChars = Limits.DEFAULT.fieldChars();
    }

    CellContents contents() {
        return contents;
    }

    /** Reads one cell as a field's value into {@code parent} at its name; records where it came from. */
    void read(ObjectNode parent, String path, SheetGrid grid, int row, int column, FormShape.Field field) {
        String cell = grid.name(row, column);
        place(path, cell);
        JsonNode value = CellValues.read(grid, row, column, field, path, this);
        if (value != null) {
            set(parent, field.pointer(), value);
            sources.put(path, cell);
        }
    }

    /** A value found otherwise than in one cell of its own (a part of a composed text). */
    void value(ObjectNode parent, String name, String path, String value, String cell) {
        place(path, cell);
        if (!value.isBlank()) {
            parent.put(name, value);
            sources.put(path, cell);
        }
    }

    /** Puts {@code value} at a relative pointer of {@code parent}, making the objects on the way. */
    static void set(ObjectNode parent, String pointer, JsonNode value) {
        String[] names = pointer.substring(1).split("/");
        ObjectNode object = parent;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = object.get(names[i]);
            object = child instanceof ObjectNode existing ? existing : object.putObject(names[i]);
        }
        object.set(names[names.length - 1], value);
    }

    /** A value read for {@code path} from {@code cell}. */
    void found(String path, String cell) {
        sources.put(path, cell);
    }

    void place(String path, String cell) {
        places.putIfAbsent(path, cell);
    }

    void error(String path, String cell, String message) {
        add(new Problem(path, cell + "：" + message).at(cell));
    }

    /** Nothing of the form is found: the workbook is refused, naming where it was looked for. */
    static FormError unrecognised(String path, String cell, String message) {
        return FormError.invalid(List.of(new Problem(path, cell + "：" + message).at(cell)));
    }

    /** A cell's text longer than a field may be: cut before anything read it, and refused at its cell. */
    void tooLong(String path, String cell, String what, int length) {
        String variable = Limits.environmentVariable("fieldChars");
        add(new Problem(path, cell + "：" + what + "过长：共 " + length + " 个字符，每栏最多 " + fieldChars + " 个（限制 " + variable + "）",
                variable).at(cell));
    }

    private void add(Problem problem) {
        if (errors.size() < Problems.MAX_DETAILS) {
            errors.add(problem);
        } else {
            errorsLeftOut++;
        }
    }

    /** What the errors listed leave out, for a message; empty when nothing. */
    String errorsLeftOut() {
        return errorsLeftOut == 0 ? "" : "另有 " + errorsLeftOut + " 处未列出";
    }

    /** A header read as a field: its cell and text, and the field's title and pointer ({@code *} for any item). */
    void column(String cell, String header, String title, String pointer) {
        columns.add(new ImportedWorkbook.Column(cell, header, title, pointer));
    }

    /** A column no field reads; with something in it below the header, a warning too. */
    void unread(ImportedWorkbook.Unread column, String path, String message) {
        unread.add(column);
        if (column.filled() > 0) {
            warning(path, column.cell(), message);
        }
    }

    /** A required field without a column: an error at the header, in place of one at every item. */
    void missing(String pattern, String path, String cell, String message) {
        missing.add(pattern);
        error(path, cell, message);
    }

    void warning(String path, String cell, String message) {
        if (warnings.size() < Problems.MAX_DETAILS) {
            warnings.add(new Problem(path, message).at(cell));
        }
    }

    List<Problem> errors() {
        return errors;
    }

    List<Problem> warnings() {
        return warnings;
    }

    List<ImportedWorkbook.Column> columns() {
        return columns;
    }

    List<ImportedWorkbook.Unread> unreadColumns() {
        return unread;
    }

    List<String> missing() {
        return missing;
    }

    Map<String, String> sources() {
        return sources;
    }

    Map<String, String> places() {
        return places;
    }

    static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}
