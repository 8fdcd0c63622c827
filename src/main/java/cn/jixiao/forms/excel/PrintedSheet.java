package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.CellLines.Line;
import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.CellLines.Piece;
import cn.jixiao.forms.excel.SheetLooks.Look;
import cn.jixiao.forms.render.Interrupts;
import cn.jixiao.forms.render.TemplateFailure;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.XhtmlTables;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Where the title lines and tables of one sheet of a printed layout go: the XHTML's cells on one grid of
 * columns ({@link SheetColumns}), rowspans and colspans as merged cells; a cell of several lines that shows
 * fields in rows of its own, a label before a field in a cell of its own. What each piece shows is written
 * by {@link PrintedCells}.
 */
final class PrintedSheet {
    /** A block of a sheet: a paragraph (a title line) or a table, with its computed declarations. */
    record Block(Element element, Map<String, String> computed) {
        boolean table() {
            return Xhtml.tag(element).equals("table");
        }
    }

    /**
     * A piece of the sheet: the cells it covers (0-based, inclusive), how it looks, what it shows — its text, and
     * the field it shows ({@code mark}), null for a label or a figure.
     */
    record Placed(int top, int bottom, int left, int right, Look look, String text, Mark mark) {
    }

    /**
     * A field a piece shows: its pointers (several for a merged cell that stands for the same field of several
     * rows), the choice a ticked cell stands for, the text printed before and after the value, and the value as
     * printed (what the cell shows where the document has none: a default, a figure worked out).
     */
    record Mark(List<String> pointers, String choice, String prefix, String suffix, String printed) {
        boolean composed() {
            return !prefix.isEmpty() || !suffix.isEmpty();
        }
    }

    private final Cascade cascade;
    private final Function<String, Field> fields;
    private final SheetColumns columns;
    private final List<Placed> placed = new ArrayList<>();
    /** Each row's least height in points: a row's CSS height, a paragraph's margins. */
    private final Map<Integer, Double> least = new TreeMap<>();
    private final Map<Element, CellLines> lines = new IdentityHashMap<>();
    /** Rows to keep on one page, {first, last}: the rows of one XHTML row, of a row group or rows that avoid a break between them. */
    private final List<int[]> kept = new ArrayList<>();
    private int rows;
    private int repeatedFirst = -1;
    private int repeatedLast = -1;

    /**
     * The pieces of a sheet of these blocks; {@code width}: the page's width for text, in points, for a sheet without
     * tables; {@code fields}: the field of each absolute pointer the blocks mark.
     */
    PrintedSheet(List<Block> blocks, Cascade cascade, double width, Function<String, Field> fields) {
        this.cascade = cascade;
        this.fields = fields;
        List<List<Double>> tables = new ArrayList<>();
        blocks.stream().filter(Block::table).forEach(b -> tables.add(XhtmlTables.columnWidths(b.element(), b.computed(), cascade)));
        this.columns = SheetColumns.of(tables, width);
        int table = 0;
        for (Block block : blocks) {
            Interrupts.check();
            if (block.table()) {
                table(block, table++);
            } else {
                paragraph(block);
            }
        }
    }

    List<Placed> placed() {
        return placed;
    }

    SheetColumns columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    /** The least height of a row in points; 0 for none. */
    double least(int row) {
        return least.getOrDefault(row, 0.0);
    }

    /** Rows to keep on one page, each {first, last}. */
    List<int[]> kept() {
        return kept;
    }

    /** The header rows printed atop every page, {first, last}; null for none. */
    int[] repeated() {
        return repeatedFirst < 0 ? null : new int[] {repeatedFirst, repeatedLast};
    }

    private CellLines lines(Element element, Map<String, String> computed) {
        return lines.computeIfAbsent(element, e -> CellLines.of(e, computed, cascade));
    }

    private void paragraph(Block block) {
        CellLines content = lines(block.element(), block.computed());
        if (content.lines().isEmpty()) {
            return;
        }
        int height = splits(content) ? content.lines().size() : 1;
        Look look = SheetLooks.of(block.computed()).sides(false, false, false, false);
        place(content, List.of(), rows, rows + height - 1, 0, columns.count() - 1, true, look);
        double margins = Lengths.points(block.computed().getOrDefault("margin-top", "0"), look.fontPoints())
                + Lengths.points(block.computed().getOrDefault("margin-bottom", "0"), look.fontPoints());
        double text = TextLines.height(TextLines.count(content.text(), columns.width(0, columns.count() - 1), look.fontPoints()),
                look.linePoints());
        for (int row = rows; row < rows + height; row++) {
            least.merge(row, (text + margins) / height, Math::max);
        }
        rows += height;
    }

    /**
     * Whether a cell's lines go in rows of their own: it shows more than one field (跟踪时段's two dates, the signature
     * lines). One field amid other lines keeps its cell whole, as the form prints it (产出指标 over （50分）).
     */
    private static boolean splits(CellLines content) {
        return content.fields() > 1 && content.lines().size() > 1;
    }

    private void table(Block block, int table) {
        List<XhtmlTables.Row> trs = XhtmlTables.rows(block.element(), block.computed(), cascade);
        List<List<XhtmlTables.Slot>> slots = XhtmlTables.slots(trs.stream().map(XhtmlTables.Row::element).toList());
        int[] heights = new int[trs.size()];
        int[] starts = new int[trs.size() + 1];
        starts[0] = rows;
        for (int r = 0; r < trs.size(); r++) {
            heights[r] = 1;
            for (XhtmlTables.Slot slot : slots.get(r)) {
                CellLines content = lines(slot.cell(), cascade.compute(slot.cell(), trs.get(r).computed()));
                if (!slot.continuation() && XhtmlTables.rowspan(slot.cell()) == 1 && splits(content)) {
                    heights[r] = Math.max(heights[r], content.lines().size());
                }
            }
            starts[r + 1] = starts[r] + heights[r];
        }
        keep(block, trs, starts);
        for (int r = 0; r < trs.size(); r++) {
            XhtmlTables.Row row = trs.get(r);
            if (row.header() && (repeatedFirst < 0 || repeatedLast == starts[r] - 1)) {
                repeatedFirst = repeatedFirst < 0 ? starts[r] : repeatedFirst;
                repeatedLast = starts[r + 1] - 1;
            }
            double rowHeight = Lengths.points(row.computed().getOrDefault("height", "0"), 12);
            for (XhtmlTables.Slot slot : slots.get(r)) {
                if (slot.continuation()) {
                    continue;
                }
                Element cell = slot.cell();
                Map<String, String> computed = cascade.compute(cell, row.computed());
                int span = Math.min(XhtmlTables.rowspan(cell), trs.size() - r);
                int left = columns.start(table, slot.column());
                int right = Math.max(left, columns.start(table, slot.column() + XhtmlTables.colspan(cell)) - 1);
                List<Element> spanned = trs.subList(r, r + span).stream().map(XhtmlTables.Row::element).toList();
                place(lines(cell, computed), spanned, starts[r], starts[r + span] - 1, left, right, span == 1, SheetLooks.of(computed));
                if (span == 1) {
                    double height = Math.max(rowHeight, Lengths.points(computed.getOrDefault("height", "0"), 12));
                    for (int s = starts[r]; s < starts[r + 1]; s++) {
                        least.merge(s, height / heights[r], Math::max);
                    }
                }
            }
        }
        rows = starts[trs.size()];
    }

    /**
     * The rows of a table that a page may not part, as the PDF keeps them: the sheet rows of one XHTML row, the rows of a
     * row group with {@code page-break-inside: avoid}, a row with {@code page-break-before: avoid} and the one before it,
     * one with {@code page-break-after: avoid} and the one after it.
     */
    private void keep(Block block, List<XhtmlTables.Row> trs, int[] starts) {
        Map<Element, int[]> groups = new IdentityHashMap<>();
        for (int r = 0; r < trs.size(); r++) {
            Map<String, String> style = trs.get(r).computed();
            kept.add(new int[] {starts[r], starts[r + 1] - 1});
            if ("avoid".equals(style.get("page-break-before")) && r > 0) {
                kept.add(new int[] {starts[r - 1], starts[r + 1] - 1});
            }
            if ("avoid".equals(style.get("page-break-after")) && r + 1 < trs.size()) {
                kept.add(new int[] {starts[r], starts[r + 2] - 1});
            }
            if (trs.get(r).element().getParentNode() instanceof Element group && !group.isSameNode(block.element())
                    && "avoid".equals(cascade.compute(group, block.computed()).get("page-break-inside"))) {
                int row = r;
                groups.merge(group, new int[] {starts[r], starts[r + 1] - 1}, (a, b) -> new int[] {a[0], starts[row + 1] - 1});
            }
        }
        kept.addAll(groups.values());
    }

    /**
     * Places a cell's content on rows {@code top}..{@code bottom}, columns {@code left}..{@code right}: its lines in
     * rows of their own when it shows several fields and may be split ({@code rows}), else in one cell.
     */
    private void place(CellLines content, List<Element> spanned, int top, int bottom, int left, int right, boolean rows, Look look) {
        List<Line> all = content.lines();
        if (content.fields() == 0) {
            add(top, bottom, left, right, look, content.text(), null);
        } else if (all.size() == 1) {
            line(all.get(0), spanned, top, bottom, left, right, look);
        } else if (rows && splits(content)) {
            for (int i = 0; i < all.size(); i++) {
                int last = i == all.size() - 1 ? bottom : top + i;
                line(all.get(i), spanned, top + i, last, left, right, look.sides(i == 0, true, last == bottom, true));
            }
        } else {
            composed(all, spanned, top, bottom, left, right, look);
        }
    }

    /**
     * One line: text; a field; a label and a field whose value is not text (a date, an amount), each in cells of its own
     * where the line spans columns, so that the value is a value; else a composed cell, the text around the value kept
     * with it as the form prints it (项目年度总目标：…).
     */
    private void line(Line line, List<Element> spanned, int top, int bottom, int left, int right, Look look) {
        List<Piece> pieces = line.pieces();
        if (line.fields() == 0) {
            add(top, bottom, left, right, look, line.text(), null);
        } else if (pieces.size() == 1) {
            add(top, bottom, left, right, look, pieces.get(0).text(), mark(pieces.get(0), spanned, "", ""));
        } else if (pieces.size() == 2 && !pieces.get(0).isField() && right > left && !textual(pieces.get(1))) {
            String label = pieces.get(0).text();
            double needed = TextLines.width(label, look.fontPoints()) + look.paddingX();
            int cut = left;
            while (cut < right - 1 && columns.width(left, cut) < needed) {
                cut++;
            }
            add(top, bottom, left, cut, look.sides(true, false, true, true), label, null);
            add(top, bottom, cut + 1, right, look.sides(true, true, true, false), pieces.get(1).text(), mark(pieces.get(1), spanned, "", ""));
        } else {
            composed(List.of(line), spanned, top, bottom, left, right, look);
        }
    }

    /** A cell that shows one field amid text it cannot be parted from: the text before and after the value kept with the field. */
    private void composed(List<Line> all, List<Element> spanned, int top, int bottom, int left, int right, Look look) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        Piece field = null;
        for (int i = 0; i < all.size(); i++) {
            StringBuilder side = field == null ? before : after;
            if (i > 0) {
                side.append('\n');
            }
            for (Piece piece : all.get(i).pieces()) {
                if (piece.isField() && field != null) {
                    throw new TemplateFailure("a cell shows two fields, " + FieldMarks.pointer(field.field()) + " and "
                            + FieldMarks.pointer(piece.field()) + ", on one line or in a merged cell: put each on a line of its own (<br/>)", null);
                }
                if (piece.isField()) {
                    field = piece;
                } else {
                    (field == null ? before : after).append(piece.text());
                }
            }
        }
        String text = before + field.text() + after;
        add(top, bottom, left, right, look, text, mark(field, spanned, before.toString(), after.toString()));
    }

    /** Whether a field's value is written as text, where a label before it may stay in its cell. */
    private boolean textual(Piece piece) {
        return switch (fields.apply(FieldMarks.pointer(piece.field())).kind()) {
            case AMOUNT, NUMBER, INTEGER, DATE -> false;
            default -> true;
        };
    }

    private static Mark mark(Piece piece, List<Element> spanned, String prefix, String suffix) {
        return new Mark(pointers(piece.field(), spanned), piece.field().getAttribute(FieldMarks.CHOICE), prefix, suffix, piece.text());
    }

    /**
     * The pointers of a field: its own, and, in a cell merged over rows of several items ({@code data-item} on each
     * row) whose field is relative to the first row's item, the same field of each row's item.
     */
    private static List<String> pointers(Element field, List<Element> spanned) {
        String own = FieldMarks.pointer(field);
        String relative = field.getAttribute(FieldMarks.FIELD);
        if (relative.startsWith("/") || spanned.size() < 2 || FieldMarks.itemElement(field) != spanned.get(0)) {
            return List.of(own);
        }
        return spanned.stream().filter(row -> row.hasAttribute(FieldMarks.ITEM)).map(row -> FieldMarks.item(row) + "/" + relative)
                .distinct().toList();
    }

    private void add(int top, int bottom, int left, int right, Look look, String text, Mark mark) {
        placed.add(new Placed(top, bottom, left, right, look, text, mark));
    }

    /** The border of a sheet cell at ({@code row}, {@code column}) of a piece: the piece's own on the edges it lies on. */
    static Look edges(Placed piece, int row, int column) {
        Look look = piece.look();
        return look.sides(row == piece.top(), column == piece.right(), row == piece.bottom(), column == piece.left());
    }
}
