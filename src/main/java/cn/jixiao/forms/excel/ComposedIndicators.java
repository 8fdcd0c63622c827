package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 绩效指标 cell of the budget system's target table, taken apart into coded indicators:
 * {@code 1、1-产出指标：11-数量指标：<name>；实施周期指标值：<v>；年度指标值：<v>。2、…} — with the separators
 * the published tables drift between ({@code ：}, {@code ；}, {@code :}), levels with or without their codes.
 */
final class ComposedIndicators {
    /** Where an indicator starts: its number and 、, at the start or after the 。 that ends the one before. */
    private static final Pattern START = Pattern.compile("(?:^|(?<=。))\\s*\\d+\\s*、");
    private static final String SEPARATOR = "\\s*[：；:;]\\s*";
    private static final Pattern INDICATOR = Pattern.compile("([^：；:;]+)" + SEPARATOR + "([^：；:;]+)" + SEPARATOR + "(.*?)"
            + SEPARATOR + "实施周期指标值" + SEPARATOR + "(.*?)" + SEPARATOR + "年度指标值" + SEPARATOR + "(.*?)\\s*。?\\s*",
            Pattern.DOTALL);

    private ComposedIndicators() {
    }

    /** Adds the indicators the text lists to {@code indicators}, at {@code path}; each from {@code cell}. */
    static void read(String text, ArrayNode indicators, String path, String cell, WorkbookReading reading) {
        for (String part : START.split(text.strip())) {
            if (part.isBlank()) {
                continue;
            }
            String at = path + "/" + indicators.size();
            ObjectNode indicator = indicators.addObject();
            reading.place(at, cell);
            Matcher matcher = INDICATOR.matcher(part.strip());
            if (!matcher.matches()) {
                reading.error(at, cell, "第 " + indicators.size() + " 个绩效指标" + Problems.quote(part.strip())
                        + "无法拆分：应写成「1、1-产出指标：11-数量指标：指标名称；实施周期指标值：…；年度指标值：…。」");
                continue;
            }
            level(indicator, at + "/level1", matcher.group(1).strip(), Taxonomy.level1(matcher.group(1).strip())
                    .map(Taxonomy.Level1::label).orElse(null), "一级指标", cell, reading);
            level(indicator, at + "/level2", matcher.group(2).strip(), Taxonomy.level2(matcher.group(2).strip())
                    .map(Taxonomy.Level2::label).orElse(null), "二级指标", cell, reading);
            reading.value(indicator, "name", at + "/name", matcher.group(3).strip(), cell);
            reading.value(indicator, "periodValue", at + "/periodValue", matcher.group(4).strip(), cell);
            reading.value(indicator, "annualValue", at + "/annualValue", matcher.group(5).strip(), cell);
        }
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
