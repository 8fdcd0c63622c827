package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.render.Interrupts;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 绩效指标 cell of the budget system's target table, taken apart into coded indicators:
 * {@code 1、1-产出指标：11-数量指标：<name>；实施周期指标值：<v>；年度指标值：<v>。2、…} — with the separators
 * the published tables drift between ({@code ：}, {@code ；}, {@code :}), levels with or without their codes —
 * or one indicator a line or between semicolons, with one value for both periods ({@link IndicatorLine}).
 */
final class ComposedIndicators {
    /** What separates the parts; the white space they may have around them is what {@code \s} of a pattern takes. */
    private static final String SEPARATORS = "：；:;";
    private static final String SPACE = " \t\n\u000B\f\r";
    private static final String PERIOD = "实施周期指标值";
    private static final String ANNUAL = "年度指标值";

    private ComposedIndicators() {
    }

    /**
     * Adds the indicators the text lists to {@code indicators}, at {@code path}; each from {@code cell}. Taken
     * apart by one walk along the text (each separator looked at once), never by a pattern that could try its
     * parts over again: a long cell costs its length. A numbered part with 实施周期指标值 and 年度指标值 is one
     * indicator of the export's own style; any other part holds one indicator a line or between semicolons,
     * each with one value for both periods ({@link IndicatorLine}).
     */
    static void read(String text, ArrayNode indicators, String path, String cell, WorkbookReading reading) {
        for (String part : parts(text.strip())) {
            Interrupts.check();
            if (part.isBlank()) {
                continue;
            }
            if (part.contains(PERIOD) || part.contains(ANNUAL)) {
                periods(part.strip(), indicators, path, cell, reading);
                continue;
            }
            int before = indicators.size();
            for (String line : lines(part)) {
                Interrupts.check();
                if (!line.isBlank()) {
                    line(line.strip(), indicators, path, cell, reading);
                }
            }
            if (indicators.size() == before) {
                unreadable(part, indicators, path, cell, reading);
            }
        }
    }

    /** {@code 1-产出指标：11-数量指标：名称；实施周期指标值：…；年度指标值：…。} */
    private static void periods(String part, ArrayNode indicators, String path, String cell, WorkbookReading reading) {
        String[] fields = fields(part);
        if (fields == null) {
            unreadable(part, indicators, path, cell, reading);
            return;
        }
        String at = path + "/" + indicators.size();
        ObjectNode indicator = indicators.addObject();
        reading.place(at, cell);
        level(indicator, at + "/level1", fields[0], Taxonomy.level1(fields[0]).map(Taxonomy.Level1::label).orElse(null),
                "一级指标", cell, reading);
        level(indicator, at + "/level2", fields[1], Taxonomy.level2(fields[1]).map(Taxonomy.Level2::label).orElse(null),
                "二级指标", cell, reading);
        reading.value(indicator, "name", at + "/name", fields[2], cell);
        reading.value(indicator, "periodValue", at + "/periodValue", fields[3], cell);
        reading.value(indicator, "annualValue", at + "/annualValue", fields[4], cell);
    }

    /** One indicator of one value for both periods: {@code 产出指标-数量指标-名称:值}, {@code 产出指标/数量指标/名称/值}. */
    private static void line(String line, ArrayNode indicators, String path, String cell, WorkbookReading reading) {
        IndicatorLine.Parts parts = IndicatorLine.read(line).orElse(null);
        if (parts == null) {
            unreadable(line, indicators, path, cell, reading);
            return;
        }
        String at = path + "/" + indicators.size();
        ObjectNode indicator = indicators.addObject();
        reading.place(at, cell);
        reading.value(indicator, "level1", at + "/level1", parts.level1(), cell);
        reading.value(indicator, "level2", at + "/level2", parts.level2(), cell);
        reading.value(indicator, "name", at + "/name", parts.name(), cell);
        reading.value(indicator, "periodValue", at + "/periodValue", parts.value(), cell);
        reading.value(indicator, "annualValue", at + "/annualValue", parts.value(), cell);
    }

    private static void unreadable(String part, ArrayNode indicators, String path, String cell, WorkbookReading reading) {
        String at = path + "/" + indicators.size();
        indicators.addObject();
        reading.place(at, cell);
        reading.error(at, cell, "第 " + indicators.size() + " 个绩效指标" + Problems.quote(part.strip())
                + "无法拆分：应写成「1、1-产出指标：11-数量指标：指标名称；实施周期指标值：…；年度指标值：…。」"
                + "或「产出指标-数量指标-指标名称：指标值」，一行或一个分号一个指标");
    }

    /** The lines of a part, and within a line what semicolons keep apart. */
    static List<String> lines(String part) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= part.length(); i++) {
            if (i == part.length() || "\n；;".indexOf(part.charAt(i)) >= 0) {
                lines.add(part.substring(from, i));
                from = i + 1;
            }
        }
        return lines;
    }

    /** The indicators of the text: each starts with its number and 、, at the start or after the 。 that ends the one before. */
    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int start = 0; start >= 0; ) {
            int end = numbered(text, start);
            if (end >= 0) {
                parts.add(text.substring(from, start));
                from = end;
            }
            int stop = text.indexOf('。', start);
            start = stop < 0 ? -1 : stop + 1;
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** The end of {@code 2、} (white space around the number allowed) at {@code at}; -1 when none stands there. */
    private static int numbered(String text, int at) {
        int i = skip(text, at, SPACE);
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return -1;
        }
        i = skip(text, i, SPACE);
        return i < text.length() && text.charAt(i) == '、' ? i + 1 : -1;
    }

    /**
     * 一级指标, 二级指标, name, 实施周期指标值 and 年度指标值 of {@code 1-产出指标：11-数量指标：名称；实施周期指标值：…；年度指标值：…。};
     * null when the text is not of that shape.
     */
    static String[] fields(String part) {
        int first = separator(part, 0);
        int second = first < 0 ? -1 : separator(part, first + 1);
        if (first <= 0 || second < 0 || second == first + 1) {
            return null;
        }
        int[] period = marker(part, second + 1, PERIOD);
        int[] annual = period == null ? null : marker(part, period[1], ANNUAL);
        if (annual == null) {
            return null;
        }
        String last = part.substring(annual[1]).strip();
        return new String[]{part.substring(0, first).strip(), part.substring(first + 1, second).strip(),
                part.substring(second + 1, period[0]).strip(), part.substring(period[1], annual[0]).strip(),
                (last.endsWith("。") ? last.substring(0, last.length() - 1) : last).strip()};
    }

    /** The first separator at or after {@code from}; -1 for none. */
    private static int separator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first {@code ；实施周期指标值：} (a separator, the word, a separator; white space between) at or after
     * {@code from}: {where it starts, where what follows it starts}; null for none.
     */
    private static int[] marker(String text, int from, String word) {
        for (int i = separator(text, from); i >= 0; i = separator(text, i + 1)) {
            int at = skip(text, i + 1, SPACE);
            if (text.startsWith(word, at)) {
                int after = skip(text, at + word.length(), SPACE);
                if (after < text.length() && SEPARATORS.indexOf(text.charAt(after)) >= 0) {
                    return new int[]{i, after + 1};
                }
            }
        }
        return null;
    }

    private static int skip(String text, int from, String characters) {
        int i = from;
        while (i < text.length() && characters.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void level(ObjectNode indicator, String path, String written, String label, String what, String cell,
                              WorkbookReading reading) {
        if (label == null) {
            reading.error(path, cell, Problems.quote(written) + "不是" + what + "：应为 "
                    + String.join("、", what.equals("一级指标") ? Taxonomy.level1Labels() : Taxonomy.level2Labels())
                    + " 之一（可带编码，如 11-数量指标）");
            return;
        }
        reading.value(indicator, path.substring(path.lastIndexOf('/') + 1), path, label, cell);
    }
}
