package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.PackageParts.Role;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.Interrupts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.SheetNameFormatter;

/**
 * Counts what an .xlsx holds before POI builds its model of it (about a kilobyte of memory a cell): sheets,
 * rows of each sheet, cells, shared strings and their characters, style records, the area of merged cells —
 * in every part that is read as one of these ({@link PackageParts}), whatever it is named. Refuses, naming the
 * sheet and cell, what POI would misread: a part two sheets share, a merged range upside down or off the sheet,
 * a cell of a type or at an address Excel does not know. A workbook beyond the limits costs no more than this.
 */
final class PackageScan {
    private static final Set<String> CELL_TYPES = Set.of("b", "d", "e", "n", "s", "str", "inlineStr");
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    /** Damage listed in one answer: a file broken everywhere needs no more to be recognised. */
    static final int DAMAGE_LISTED = 20;

    private final PackageParts parts;
    private final Limits limits;
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    /** The workbook's sheets, name and relationship id, as far as the limit (and one more). */
    private final List<String[]> sheets = new ArrayList<>();
    private int sheetCount;
    private long cells;
    private long strings;
    private long stringChars;
    private long styles;
    private long mergedCells;
    private final List<Damage> damage = new ArrayList<>();

    /** What is wrong at {@code where} (a cell or range, null for the part as a whole) of a part. */
    private record Damage(String part, String where, String message) {
    }

    private PackageScan(PackageParts parts, Limits limits) {
        this.parts = parts;
        this.limits = limits;
    }

    static void check(byte[] bytes, Limits limits) throws IOException {
        PackageParts parts = PackageParts.of(bytes, limits);
        PackageScan scan = new PackageScan(parts, limits);
        try (ZipArchiveInputStream zip = PackageParts.zip(bytes)) {
            for (ZipArchiveEntry entry = zip.getNextZipEntry(); entry != null; entry = zip.getNextZipEntry()) {
                Interrupts.check();
                String name = PackageParts.key(entry.getName());
                Set<Role> roles = name == null ? Set.of() : parts.roles(name);
                if (!roles.isEmpty()) {
                    PartCount count = scan.new PartCount(name, roles);
                    PackageParts.read(PackageParts.uncloseable(zip), name, count);
                    if (roles.contains(Role.SHEET)) {
                        scan.rows.merge(name, count.rows, Integer::sum);
                    }
                }
            }
        }
        scan.refuse();
    }

    /** A limit of the workbook, named by its environment variable. */
    static Problem beyond(String limit, String message) {
        String variable = limit.equals("bodyBytes") ? "JIXIAO_MAX_BODY_BYTES" : Limits.environmentVariable(limit);
        return new Problem("", message + "（限制 " + variable + "）", variable);
    }

    /** One part's counts, as its elements go by: a part may be read as more than one thing, and is counted as each. */
    private final class PartCount implements PackageParts.PartReader {
        private final String part;
        private final Set<Role> roles;
        private int depth;
        private boolean inText;
        private int rows;

        PartCount(String part, Set<Role> roles) {
            this.part = part;
            this.roles = roles;
        }

        @Override
        public void start(XMLStreamReader reader) {
            depth++;
            String name = reader.getLocalName();
            if (roles.contains(Role.WORKBOOK) && name.equals("sheet")) {
                if (sheetCount++ <= limits.workbookSheets()) {
                    sheets.add(new String[]{String.valueOf(PackageParts.attribute(reader, "name")), PackageParts.attribute(reader, "id")});
                }
            }
            if (roles.contains(Role.SHEET)) {
                switch (name) {
                    case "row" -> row(PackageParts.attribute(reader, "r"));
                    case "c" -> cell(PackageParts.attribute(reader, "r"), PackageParts.attribute(reader, "t"), PackageParts.attribute(reader, "s"));
                    case "mergeCell" -> merged(String.valueOf(PackageParts.attribute(reader, "ref")));
                    default -> {
                    }
                }
            }
            if (roles.contains(Role.STRINGS)) {
                strings += name.equals("si") ? 1 : 0;
                inText = name.equals("t");
            }
            if (roles.contains(Role.STYLES) && depth == 3) {
                styles++; // the records of the style sheet's lists: number formats, fonts, fills, borders, formats, …
            }
        }

        @Override
        public void text(XMLStreamReader reader) {
            if (inText) {
                stringChars += reader.getTextLength();
            }
        }

        @Override
        public void end(XMLStreamReader reader) {
            depth--;
            inText = false;
        }

        private void row(String r) {
            rows++;
            if (r != null && (!r.matches("[0-9]{1,7}") || Integer.parseInt(r) < 1 || Integer.parseInt(r) > MAX_ROWS)) {
                damaged(part, null, "行号「" + r + "」无效（应为 1 至 " + MAX_ROWS + "）");
            }
        }

        private void cell(String r, String type, String style) {
            cells++;
            if (r != null && address(r) == null) {
                damaged(part, null, "单元格地址「" + r + "」无效");
            } else if (type != null && !CELL_TYPES.contains(type)) {
                damaged(part, r, "单元格 " + r + " 的类型「" + type + "」不是 Excel 的单元格类型");
            } else if (style != null && !style.matches("[0-9]{1,9}")) {
                damaged(part, r, "单元格 " + r + " 的样式编号「" + style + "」无效");
            }
        }

        private void merged(String ref) {
            String[] ends = ref.split(":", -1);
            int[] first = ends.length <= 2 ? address(ends[0]) : null;
            int[] last = ends.length == 2 ? address(ends[1]) : first;
            if (first == null || last == null) {
                damaged(part, null, "合并区域「" + ref + "」不是单元格区域");
                return;
            }
            String problem = mergedProblem(ref, first[0], first[1], last[0], last[1], SpreadsheetVersion.EXCEL2007);
            if (problem != null) {
                damaged(part, ref, problem);
            } else {
                mergedCells += (long) (last[0] - first[0] + 1) * (last[1] - first[1] + 1);
            }
        }
    }

    /** Why a merged range is none on a sheet of this version (upside down, or off the sheet); null when it is one. */
    static String mergedProblem(String range, int firstRow, int firstColumn, int lastRow, int lastColumn, SpreadsheetVersion sheet) {
        if (Math.max(firstRow, lastRow) > sheet.getLastRowIndex() || Math.max(firstColumn, lastColumn) > sheet.getLastColumnIndex()) {
            return "合并区域 " + range + " 超出工作表的范围（最多 " + sheet.getMaxRows() + " 行、" + sheet.getMaxColumns() + " 列，到 "
                    + sheet.getLastColumnName() + sheet.getMaxRows() + "）";
        }
        if (firstRow > lastRow || firstColumn > lastColumn) {
            return "合并区域 " + range + " 起止颠倒：应从左上角的单元格写到右下角的";
        }
        return null;
    }

    /**
     * {row, column} (0-based) of an A1 address, or null when it is none; what lies beyond the grid is given as
     * it is, for the caller to say so.
     */
    static int[] address(String reference) {
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters)) && reference.charAt(letters) < 128) {
            letters++;
        }
        String digits = reference.substring(letters);
        if (letters == 0 || letters > 3 || digits.isEmpty() || digits.length() > 7 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.charAt(0) == '0') {
            return null;
        }
        int column = 0;
        for (int i = 0; i < letters; i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return new int[]{Integer.parseInt(digits) - 1, column - 1};
    }

    private void damaged(String part, String where, String message) {
        if (damage.size() < DAMAGE_LISTED) {
            damage.add(new Damage(part, where, message));
        }
    }

    private void refuse() {
        Map<String, String> owners = new HashMap<>();
        for (String[] sheet : sheets) {
            String part = parts.sheetPart(sheet[1]);
            String owner = part == null ? null : owners.putIfAbsent(part, sheet[0]);
            if (owner != null) {
                damaged(part, null, "工作表「" + owner + "」与「" + sheet[0] + "」指向同一部分 " + part + "：每个工作表应有自己的部分");
            }
        }
        if (!damage.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            for (Damage d : damage) {
                String sheet = owners.getOrDefault(d.part(), d.part());
                String message = "工作表「" + sheet + "」" + d.message();
                problems.add(d.where() == null ? new Problem("", message) : new Problem("", message)
                        .at(SheetNameFormatter.format(sheet) + "!" + d.where()));
            }
            throw new FormError(FormError.Kind.UNREADABLE_WORKBOOK, "工作簿已损坏：" + problems.get(0).message()
                    + (problems.size() > 1 ? "（等 " + problems.size() + " 处）" : ""), problems);
        }
        List<Problem> beyond = new ArrayList<>();
        rows.forEach((part, count) -> {
            if (count > limits.workbookRows()) {
                beyond.add(beyond("workbookRows", "工作表「" + owners.getOrDefault(part, part) + "」行数过多：共 " + count
                        + " 行，每个工作表最多 " + limits.workbookRows() + " 行"));
            }
        });
        over(beyond, sheetCount, limits.workbookSheets(), "workbookSheets", "工作表过多：共 %d 个，最多 %d 个");
        over(beyond, cells, limits.workbookCells(), "workbookCells", "单元格过多：共 %d 个，最多 %d 个");
        over(beyond, strings, limits.workbookStrings(), "workbookStrings", "不同的文字过多：共享文字表有 %d 条，最多 %d 条");
        over(beyond, stringChars, limits.workbookStringChars(), "workbookStringChars", "文字过长：共享文字表共 %d 个字符，最多 %d 个");
        over(beyond, styles, limits.workbookStyles(), "workbookStyles", "样式过多：格式、字体、填充、边框等共 %d 项，最多 %d 项");
        over(beyond, mergedCells, limits.workbookMergedCells(), "workbookMergedCells", "合并单元格过大：合并区域共覆盖 %d 个单元格，最多 %d 个");
        if (!beyond.isEmpty()) {
            throw FormError.invalid(beyond);
        }
    }

    static void over(List<Problem> beyond, long count, int limit, String name, String message) {
        if (count > limit) {
            beyond.add(beyond(name, String.format(Locale.ROOT, message, count, limit)));
        }
    }
}
