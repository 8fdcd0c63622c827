package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FieldMap.Entry;
import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.render.Interrupts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workbook of a printed layout read back by its {@link FieldMap}: each mapped cell by its field's kind, wherever
 * a person moved it; the forms in the order of their sheets, the rows of a list (the indicators) in the order they
 * stand, and a row a person inserted among them read as a new row by the columns of the row above it; a cell
 * left as written (a label, a figure, the figure shown for a value the document had not) read as nothing.
 * Everything else that holds something — a label or figure changed, text typed beside the tables — is listed
 * as unread, with its cell: nothing is dropped without a word.
 */
final class PrintedReading {
    private static final Pattern FORM = Pattern.compile("^(/[^/]+/[0-9]+)(/.*)?$");
    /** A pointer within a form to a list's row: the list, the row's index, the pointer within the row ("" for the row itself). */
    private static final Pattern ROW = Pattern.compile("^((?:/[^/]*[^/0-9][^/]*)+)/([0-9]+)((?:/.*)?)$");
    private final SheetPerForm forms;
    private final PointerFields fields;
    private final Workbook workbook;
    private final FieldMap.Read map;
    private final WorkbookReading reading;

    PrintedReading(SheetPerForm forms, PointerFields fields, Workbook workbook, FieldMap.Read map, WorkbookReading reading) {
        this.forms = forms;
        this.fields = fields;
        this.workbook = workbook;
        this.map = map;
        this.reading = reading;
    }

    /** One form's cells on one sheet: its pointer as written ({@code /forms/0}; "" for the sheet's labels and figures). */
    private record Part(String key, int firstRow, List<Entry> entries) {
    }

    /** The cells of one value: one cell, or the cells of its choices, each ticked or not. */
    private record Slot(String pointer, List<Entry> cells) {
    }

    /** A row of a list: its slots by their pointer within the row; where it stands; for a row a person inserted, the row it is read like. */
    private static final class Row {
        final Map<String, List<Entry>> slots = new LinkedHashMap<>();
        int at = Integer.MAX_VALUE;
        Row like;
    }

    ObjectNode document() {
        Map<String, List<Entry>> bySheet = new LinkedHashMap<>();
        map.entries().forEach(entry -> bySheet.computeIfAbsent(entry.sheet(), s -> new ArrayList<>()).add(entry));
        String list = forms.forms().pointer();
        List<ObjectNode> read = new ArrayList<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            List<Entry> entries = bySheet.get(workbook.getSheetName(s));
            if (entries == null) {
                unmapped(workbook.getSheetAt(s));
                continue;
            }
            Map<String, List<Entry>> byForm = new LinkedHashMap<>();
            for (Entry entry : entries) {
                formOf(entry).ifPresent(form -> byForm.computeIfAbsent(form, f -> new ArrayList<>()).add(entry));
            }
            List<Part> parts = new ArrayList<>();
            byForm.forEach((key, cells) -> parts.add(new Part(key, cells.stream().mapToInt(Entry::row).min().orElse(0), cells)));
            parts.sort(Comparator.comparingInt(Part::firstRow));
            new SheetReading(new SheetGrid(workbook.getSheetAt(s), reading.contents()), parts, list).read(read);
        }
        if (read.isEmpty()) {
            throw WorkbookReading.unrecognised(list, workbook.getSheetName(0), "工作表「" + FieldMap.SHEET + "」对照的格中没有任何一张"
                    + forms.title() + "：它们所在的行或工作表都已删去");
        }
        ObjectNode document = WorkbookReading.object();
        read.forEach(document.putArray(list.substring(1))::add);
        return document;
    }

    /** The form an entry belongs to ({@code /forms/0}; "" for a label or figure); empty for a pointer outside the list of forms. */
    private Optional<String> formOf(Entry entry) {
        if (!entry.mapped()) {
            return Optional.of("");
        }
        Matcher form = FORM.matcher(entry.pointers().get(0));
        return form.matches() && form.group(1).startsWith(forms.forms().pointer() + "/") ? Optional.of(form.group(1)) : Optional.empty();
    }

    /** A sheet the map does not know: a person's own, or a copy of a form's sheet. Said, unless it is empty or the instructions. */
    private void unmapped(Sheet sheet) {
        String name = sheet.getSheetName();
        if (name.equals(Workbooks.INSTRUCTIONS) || name.equals(FieldMap.SHEET) || sheet.getPhysicalNumberOfRows() == 0) {
            return;
        }
        reading.warning(forms.forms().pointer(), name, "工作表「" + name + "」未导入：它不是导出时的表（「" + FieldMap.SHEET
                + "」中没有它的格）；复制的工作表不会读作又一张" + forms.title() + "，请在导出的表中填写，或用填写模板");
    }

    /** Whether a cell still shows what was written in it: the same text, or the same number however it is shown. */
    static boolean asWritten(CellContent content, String written) {
        if (content.shown().replace("\r\n", "\n").strip().equals(written.strip())) {
            return true;
        }
        String number = written.replace(",", "").strip();
        boolean percent = number.endsWith("%");
        try {
            BigDecimal stated = new BigDecimal(percent ? number.substring(0, number.length() - 1) : number);
            return content.kind() == CellContent.Kind.NUMBER
                    && Math.abs(stated.doubleValue() - (percent ? content.number() * 100 : content.number())) < 1e-9;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** The forms of one sheet: their fields, their lists' rows and the rows inserted among them, and what nothing reads. */
    private final class SheetReading {
        private final SheetGrid grid;
        private final List<Part> parts;
        private final String list;
        /** The cells written, by row and column. */
        private final TreeMap<Integer, Map<Integer, Entry>> written = new TreeMap<>();
        /** The cells read, as "row:column". */
        private final Set<String> read = new HashSet<>();
        private final Set<String> columnsSaid = new HashSet<>();

        SheetReading(SheetGrid grid, List<Part> parts, String list) {
            this.grid = grid;
            this.parts = parts;
            this.list = list;
            for (Part part : parts) {
                part.entries().forEach(e -> written.computeIfAbsent(e.row(), r -> new HashMap<>()).put(e.column(), e));
            }
        }

        void read(List<ObjectNode> forms) {
            Map<Part, Map<String, List<Entry>>> own = new LinkedHashMap<>();
            Map<Part, Map<String, Map<String, Row>>> lists = new LinkedHashMap<>();
            Map<Integer, Row> rowsAt = new HashMap<>();
            Map<Row, Map<String, Row>> listOf = new HashMap<>();
            for (Part part : parts) {
                if (part.key().isEmpty()) {
                    continue;
                }
                Map<String, List<Entry>> slots = own.computeIfAbsent(part, p -> new LinkedHashMap<>());
                Map<String, Map<String, Row>> rows = lists.computeIfAbsent(part, p -> new LinkedHashMap<>());
                for (Entry entry : part.entries()) {
                    for (String pointer : entry.pointers()) {
                        String relative = pointer.substring(part.key().length());
                        Matcher row = ROW.matcher(relative);
                        if (!row.matches()) {
                            slots.computeIfAbsent(relative, r -> new ArrayList<>()).add(entry);
                            continue;
                        }
                        Row item = rows.computeIfAbsent(row.group(1), l -> new LinkedHashMap<>()).computeIfAbsent(row.group(2), i -> new Row());
                        item.slots.computeIfAbsent(row.group(3), w -> new ArrayList<>()).add(entry);
                        if (entry.pointers().size() == 1) {
                            item.at = Math.min(item.at, entry.row());
                        }
                    }
                }
                rows.values().forEach(ofList -> ofList.values().forEach(row -> {
                    row.at = row.at == Integer.MAX_VALUE ? row.slots.values().iterator().next().get(0).row() : row.at;
                    rowsAt.put(row.at, row);
                    listOf.put(row, ofList);
                }));
            }
            inserted(rowsAt, listOf);
            String first = list + "/" + forms.size();
            for (Part part : parts) {
                if (part.key().isEmpty()) {
                    continue;
                }
                String base = list + "/" + forms.size();
                ObjectNode form = WorkbookReading.object();
                reading.place(base, grid.name(part.firstRow(), 0));
                own.get(part).forEach((relative, cells) -> put(form, relative, slot(new Slot(relative, cells), base + relative, relative)));
                lists.get(part).forEach((path, rows) -> rows(form, base, path, rows));
                for (String pointer : PrintedReading.this.forms.form().requiredObjects()) {
                    if (form.at(pointer).isMissingNode()) {
                        WorkbookReading.set(form, pointer, WorkbookReading.object());
                    }
                }
                forms.add(form);
            }
            unread(own.isEmpty() ? list : first);
        }

        private void put(ObjectNode object, String pointer, JsonNode value) {
            if (value != null) {
                WorkbookReading.set(object, pointer, value);
            }
        }

        /** The rows of one list of a form, in the order they stand, read into the form; blank rows left out. */
        private void rows(ObjectNode form, String base, String path, Map<String, Row> rows) {
            List<Row> ordered = new ArrayList<>(rows.values());
            ordered.sort(Comparator.comparingInt((Row row) -> row.at));
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            for (Row row : ordered) {
                if (blank(row)) {
                    row.slots.values().forEach(cells -> cells.forEach(e -> read.add(e.row() + ":" + e.column())));
                    continue;
                }
                String at = base + path + "/" + items.size();
                reading.place(at, grid.name(row.at, 0));
                ObjectNode item = WorkbookReading.object();
                JsonNode whole = null;
                for (Map.Entry<String, List<Entry>> slot : slots(row).entrySet()) {
                    JsonNode value = slot(new Slot(slot.getKey(), slot.getValue()), at + slot.getKey(), path + "/*" + slot.getKey());
                    if (slot.getKey().isEmpty()) {
                        whole = value;
                    } else {
                        put(item, slot.getKey(), value);
                    }
                }
                if (whole != null || !item.isEmpty()) {
                    items.add(whole != null ? whole : item);
                }
            }
            if (!items.isEmpty()) {
                WorkbookReading.set(form, path, items);
            }
        }

        /** A row's cells by its fields: its own, or for a row a person inserted those of the row it is read like, on its row. */
        private Map<String, List<Entry>> slots(Row row) {
            if (row.like == null) {
                return row.slots;
            }
            Map<String, List<Entry>> moved = new LinkedHashMap<>();
            row.like.slots.forEach((within, cells) -> moved.put(within, cells.stream()
                    .map(e -> new Entry(e.sheet(), row.at, e.column(), e.pointers(), e.choice(), "", e.prefix(), e.suffix())).toList()));
            return moved;
        }

        /** Whether every cell a row has of its own (not merged with other rows') is blank. */
        private boolean blank(Row row) {
            return row.like == null && row.slots.values().stream().flatMap(List::stream)
                    .allMatch(e -> e.pointers().size() > 1 || grid.text(e.row(), e.column()).isEmpty());
        }

        /** The value of a slot at {@code path}; {@code pattern} its pointer within the form, to find its field. */
        private JsonNode slot(Slot slot, String path, String pattern) {
            Optional<Field> field = fields.of(pattern);
            if (field.isEmpty()) {
                return null;
            }
            Entry first = slot.cells().get(0);
            String cell = grid.name(first.row(), first.column());
            if (columnsSaid.add(PointerFields.pattern(path))) {
                reading.column(cell, field.get().title(), field.get().title(), PointerFields.pattern(path));
            }
            reading.place(path, cell);
            slot.cells().forEach(e -> read.add(e.row() + ":" + e.column()));
            return first.choice().isEmpty() ? value(first, field.get(), path, cell) : ticked(slot.cells(), field.get(), path);
        }

        /** A cell's value by its field's kind; null for a blank cell, or one still showing what was written for no value. */
        private JsonNode value(Entry entry, Field field, String path, String cell) {
            CellContent content = grid.content(entry.row(), entry.column());
            if (!entry.written().isEmpty() && asWritten(content, entry.written())) {
                return null;
            }
            if (!entry.prefix().isEmpty() || !entry.suffix().isEmpty()) {
                String text = content.shown();
                text = text.startsWith(entry.prefix()) ? text.substring(entry.prefix().length()) : text;
                text = text.endsWith(entry.suffix()) ? text.substring(0, text.length() - entry.suffix().length()).strip() : text.strip();
                content = CellContent.text(text, text.length(), false);
            }
            JsonNode value = CellValues.read(content, cell, grid.date1904(), field, path, reading);
            if (value != null) {
                reading.found(path, cell);
            }
            return value;
        }

        /** The value of a field's tick cells, each of one choice: a list of those ticked, or the one ticked; null when none is. */
        private JsonNode ticked(List<Entry> cells, Field field, String path) {
            List<Entry> ticked = cells.stream().filter(e -> !grid.text(e.row(), e.column()).isEmpty()).toList();
            if (ticked.isEmpty()) {
                return null;
            }
            String where = String.join("、", ticked.stream().map(e -> grid.name(e.row(), e.column())).toList());
            if (field.kind() != FormShape.Kind.LIST && ticked.size() > 1) {
                reading.error(path, where, field.title() + "只能选一项，却勾了 " + ticked.size() + " 项（"
                        + String.join("、", ticked.stream().map(Entry::choice).toList()) + "）：请只留一个 √");
                return null;
            }
            reading.found(path, grid.name(ticked.get(0).row(), ticked.get(0).column()));
            if (field.kind() != FormShape.Kind.LIST) {
                return JsonNodeFactory.instance.stringNode(ticked.get(0).choice());
            }
            ArrayNode chosen = JsonNodeFactory.instance.arrayNode();
            ticked.forEach(e -> chosen.add(e.choice()));
            return chosen;
        }

        /**
         * The rows a person inserted that hold something: one right below a list's row (or above its first) is a new row
         * of that list, read like it; any other is left to {@link #unread}.
         */
        private void inserted(Map<Integer, Row> rowsAt, Map<Row, Map<String, Row>> listOf) {
            int added = 0;
            for (int r : grid.rows(0, grid.lastRow())) {
                Interrupts.check();
                if (written.containsKey(r) || !holdsSomething(r)) {
                    continue;
                }
                Integer above = written.lowerKey(r);
                Integer below = written.higherKey(r);
                Row like = above != null && rowsAt.containsKey(above) ? rowsAt.get(above) : below != null ? rowsAt.get(below) : null;
                if (like == null) {
                    continue;
                }
                Row row = new Row();
                row.like = like;
                row.at = r;
                listOf.get(like).put("inserted " + added++, row);
                like.slots.values().forEach(cells -> cells.forEach(e -> read.add(r + ":" + e.column())));
            }
        }

        /** Whether a row holds something in a cell of its own (not one merged from a row above). */
        private boolean holdsSomething(int row) {
            for (int c : grid.columns(row)) {
                if (own(row, c) && !grid.text(row, c).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private boolean own(int row, int column) {
            CellRangeAddress region = grid.region(row, column);
            return region == null || region.getFirstRow() == row && region.getFirstColumn() == column;
        }

        /**
         * Every cell that holds something and was not read — a label or figure changed, text in a row, column or cell a
         * person added — listed, and a warning.
         */
        private void unread(String path) {
            for (int r : grid.rows(0, grid.lastRow())) {
                for (int c : grid.columns(r)) {
                    Entry entry = written.getOrDefault(r, Map.of()).get(c);
                    String text = own(r, c) && !read.contains(r + ":" + c) ? grid.text(r, c) : "";
                    if (text.isEmpty() || entry != null && !entry.mapped() && asWritten(grid.content(r, c), entry.written())) {
                        continue;
                    }
                    String cell = grid.name(r, c);
                    String why = entry == null || entry.written().isEmpty()
                            ? "这一格不是表中要填的栏目（在插入的行、列中，或在表格之外）；如是要填的内容，请填到对应的栏目里"
                            : "原为" + Problems.quote(entry.written()) + "，这一格是表中印出的文字或算出的数，导入时不读，按所填的栏目重新计算；"
                                    + "如要改动，请改它所依据的栏目";
                    reading.unread(new ImportedWorkbook.Unread(cell, text, 1, cell), path, cell + Problems.quote(text) + "未导入：" + why);
                }
            }
        }
    }
}
