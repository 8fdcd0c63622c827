package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Taxonomy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One indicator written as budget systems write it when a cell holds one value for both periods: its levels,
 * its name and its value, joined by any of {@code - — / ： : 、} — {@code 1-产出指标-数量指标-培训人次:≥1200人次},
 * {@code 产出指标/数量指标/培训人次/≥1200人次}, {@code 产出：11-数量指标：培训人次：≥1200人次}. The levels are known by
 * their spellings (name with or without 指标, code, code-name), an ordinal before them ({@code 2、}, {@code 2-}) is
 * passed over; the value follows the first colon after the name, or else its first slash.
 */
final class IndicatorLine {
    /** What may join the parts; the value may hold any of them (dates, 次/年) after its own separator. */
    private static final String JOINS = "-—－–/／：:、 \t\u3000";
    private static final List<String> LEVEL1 = longestFirst(Taxonomy.level1Spellings());
    private static final List<String> LEVEL2 = longestFirst(Taxonomy.level2Spellings());

    /** The parts of one indicator: the levels as their canonical labels. */
    record Parts(String level1, String level2, String name, String value) {
    }

    private IndicatorLine() {
    }

    private static List<String> longestFirst(List<String> spellings) {
        return spellings.stream().filter(s -> !s.chars().allMatch(Character::isDigit))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The indicator a line holds; empty when it does not start with a 一级 and a 二级指标. */
    static Optional<Parts> read(String line) {
        String text = line.strip();
        int[] level1 = level(text, skipOrdinal(text), LEVEL1);
        if (level1 == null) {
            return Optional.empty();
        }
        int[] level2 = level(text, skip(text, level1[1], JOINS), LEVEL2);
        if (level2 == null) {
            return Optional.empty();
        }
        String rest = trimEnd(text.substring(skip(text, level2[1], JOINS)));
        int split = firstOf(rest, "：:");
        if (split < 0) {
            split = firstOf(rest, "/／");
        }
        String name = split < 0 ? rest : rest.substring(0, split).strip();
        String value = split < 0 ? "" : rest.substring(split + 1).strip();
        return Optional.of(new Parts(label(text, level1, s -> Taxonomy.level1(s).map(Taxonomy.Level1::label)),
                label(text, level2, s -> Taxonomy.level2(s).map(Taxonomy.Level2::label)), name, value));
    }

    /** {@code 2、} or {@code 2.} before the levels: a count, not a code. */
    private static int skipOrdinal(String text) {
        int i = skip(text, 0, " \t");
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > digits && i < text.length() && "、.．".indexOf(text.charAt(i)) >= 0) {
            return skip(text, i + 1, " \t");
        }
        return digits;
    }

    /**
     * Where a level written at {@code from} ends: a spelling with a name, or a number and a join before one
     * (the number is then a count or the level's code); followed by a join. {start, end} or null.
     */
    private static int[] level(String text, int from, List<String> spellings) {
        int end = spelling(text, from, spellings);
        if (end < 0) {
            int i = from;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i > from) {
                int after = skip(text, i, JOINS);
                end = after > i ? spelling(text, after, spellings) : -1;
                from = end < 0 ? from : after;
            }
        }
        return end < 0 || end >= text.length() || JOINS.indexOf(text.charAt(end)) < 0 ? null : new int[]{from, end};
    }

    /** The end of the longest spelling written at {@code from} (as code-name, name or bare name); -1 for none. */
    private static int spelling(String text, int from, List<String> spellings) {
        for (String spelling : spellings) {
            if (text.startsWith(spelling, from)) {
                return from + spelling.length();
            }
        }
        return -1;
    }

    private static String label(String text, int[] at, Function<String, Optional<String>> known) {
        return known.apply(text.substring(at[0], at[1])).orElseThrow();
    }

    private static String trimEnd(String text) {
        String trimmed = text.strip();
        while (!trimmed.isEmpty() && "。；;".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skip(String text, int from, String characters) {
        int i = from;
        while (i < text.length() && characters.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
