package cn.jixiao.forms.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The indicator taxonomy of the budget-performance forms (一级指标 → 二级指标) with the codes that the
 * published forms print, e.g. {@code 1-产出指标}, {@code 11-数量指标}.
 */
public final class Taxonomy {
    private Taxonomy() {
    }

    public enum Level1 {
        OUTPUT(1, "产出指标"),
        BENEFIT(2, "效益指标"),
        SATISFACTION(3, "满意度指标");

        private final int code;
        private final String label;

        Level1(int code, String label) {
            this.code = code;
            this.label = label;
        }

        public int code() {
            return code;
        }

        /** As the forms print it: 产出指标. */
        public String label() {
            return label;
        }

        /** As the target table prints it: 1-产出指标. */
        public String codedLabel() {
            return code + "-" + label;
        }

        public List<Level2> children() {
            return Level2.ofParent(this);
        }
    }

    public enum Level2 {
        QUANTITY(11, "数量指标", Level1.OUTPUT),
        QUALITY(12, "质量指标", Level1.OUTPUT),
        TIMELINESS(13, "时效指标", Level1.OUTPUT),
        COST(14, "成本指标", Level1.OUTPUT),
        ECONOMIC(21, "经济效益", Level1.BENEFIT),
        SOCIAL(22, "社会效益", Level1.BENEFIT),
        ECOLOGICAL(23, "生态效益", Level1.BENEFIT),
        SUSTAINABLE(24, "可持续影响", Level1.BENEFIT),
        CLIENT_SATISFACTION(31, "服务对象满意度", Level1.SATISFACTION);

        private final int code;
        private final String label;
        private final Level1 parent;

        Level2(int code, String label, Level1 parent) {
            this.code = code;
            this.label = label;
            this.parent = parent;
        }

        public int code() {
            return code;
        }

        public String label() {
            return label;
        }

        public Level1 parent() {
            return parent;
        }

        /** As the target table prints it: 11-数量指标. */
        public String codedLabel() {
            return code + "-" + label;
        }

        static List<Level2> ofParent(Level1 parent) {
            List<Level2> result = new ArrayList<>();
            for (Level2 level2 : values()) {
                if (level2.parent == parent) {
                    result.add(level2);
                }
            }
            return result;
        }
    }

    private static final Map<String, Level1> LEVEL1_SPELLINGS = new LinkedHashMap<>();
    private static final Map<String, Level2> LEVEL2_SPELLINGS = new LinkedHashMap<>();

    static {
        for (Level1 level1 : Level1.values()) {
            for (String spelling : spellings(level1.code, level1.label)) {
                LEVEL1_SPELLINGS.put(spelling, level1);
            }
        }
        for (Level2 level2 : Level2.values()) {
            for (String spelling : spellings(level2.code, level2.label)) {
                LEVEL2_SPELLINGS.put(spelling, level2);
            }
        }
    }

    /** Every way people write a level: the name with and without 指标, the code, and code-name as printed. */
    private static List<String> spellings(int code, String label) {
        String bare = label.endsWith("指标") ? label.substring(0, label.length() - 2) : label;
        String full = bare + "指标";
        List<String> result = new ArrayList<>();
        for (String name : List.of(full, bare)) {
            result.add(name);
            result.add(code + "-" + name);
        }
        result.add(Integer.toString(code));
        return result;
    }

    public static Optional<Level1> level1(String spelling) {
        return Optional.ofNullable(spelling == null ? null : LEVEL1_SPELLINGS.get(normalise(spelling)));
    }

    public static Optional<Level2> level2(String spelling) {
        return Optional.ofNullable(spelling == null ? null : LEVEL2_SPELLINGS.get(normalise(spelling)));
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}(\\.0+)?|[0-9]{1,3}[eE]0");

    /** Codes may arrive as JSON numbers that JSON Schema counts equal to the code: 1.0 is 1. */
    private static String normalise(String spelling) {
        String text = spelling.strip();
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text;
    }

    /** The 一级指标 as the forms print them, in code order: what a workbook's drop-down offers. */
    public static List<String> level1Labels() {
        return Arrays.stream(Level1.values()).map(Level1::label).toList();
    }

    public static List<String> level2Labels() {
        return Arrays.stream(Level2.values()).map(Level2::label).toList();
    }

    /** The accepted spellings of 一级指标, for the JSON Schema (strings, and the codes as numbers too). */
    public static List<String> level1Spellings() {
        return List.copyOf(LEVEL1_SPELLINGS.keySet());
    }

    public static List<String> level2Spellings() {
        return List.copyOf(LEVEL2_SPELLINGS.keySet());
    }
}
