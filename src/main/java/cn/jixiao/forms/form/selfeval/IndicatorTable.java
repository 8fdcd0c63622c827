package cn.jixiao.forms.form.selfeval;

import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import cn.jixiao.forms.form.selfeval.SelfEvaluationForm.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of 绩效指标 as printed: consecutive rows of one 一级指标 merge, and within them consecutive rows
 * of one 二级指标; each 一级 cell carries the points of the rows it spans, {@code 产出指标（50分）}.
 */
final class IndicatorTable {
    /** Characters of a row's texts, line breaks counted as {@link #LINE_BREAK} each, that surely fit half a page. */
    private static final int SHORT_ROW = 200;
    private static final int LINE_BREAK = 10;

    private IndicatorTable() {
    }

    static List<SelfEvaluationView.IndicatorRow> rows(List<Indicator> indicators) {
        List<SelfEvaluationView.IndicatorRow> rows = new ArrayList<>();
        int start = 0;
        while (start < indicators.size()) {
            Level1 level1 = level1(indicators.get(start));
            int end = start + 1;
            while (end < indicators.size() && level1(indicators.get(end)) == level1) {
                end++;
            }
            String points = points(indicators.subList(start, end)).map(p -> "（" + p + "分）").orElse("");
            int level2Start = start;
            for (int i = start; i < end; i++) {
                Indicator indicator = indicators.get(i);
                if (i > start && level2(indicator) != level2(indicators.get(i - 1))) {
                    level2Start = i;
                }
                int level2End = level2Start + 1;
                while (level2End < end && level2(indicators.get(level2End)) == level2(indicator)) {
                    level2End++;
                }
                rows.add(new SelfEvaluationView.IndicatorRow(isShort(indicator), i == start, i == start ? end - start : 0, level1.label(), points,
                        i == level2Start, i == level2Start ? level2End - level2Start : 0, printed(level2(indicator)),
                        indicator.name(),
                        text(indicator.target()),
                        text(indicator.actual()),
                        indicator.weight() == null ? "" : indicator.weight().toPlainString(),
                        printedScore(indicator),
                        text(indicator.deviation())));
            }
            start = end;
        }
        return rows;
    }

    /**
     * Whether a row is short enough to be kept whole on one page. A row that may split can leave a sliver of
     * itself at the foot of a page, its text all on the next, so that a merged cell is cut above it.
     */
    private static boolean isShort(Indicator indicator) {
        int size = 0;
        for (String text : new String[]{indicator.name(), indicator.target(), indicator.actual(), indicator.deviation()}) {
            if (text != null) {
                size += text.length() + (LINE_BREAK - 1) * (int) text.chars().filter(c -> c == '\n').count();
            }
        }
        return size <= SHORT_ROW;
    }

    /** The sum of the rows' 分值, without a decimal when whole ({@code 50}, {@code 12.5}); none when no row has one. */
    static Optional<String> points(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::weight).filter(Objects::nonNull).reduce(BigDecimal::add)
                .map(SelfEvaluationFormType::points);
    }

    /** A given score as given, a worked-out one with two decimals. */
    private static String printedScore(Indicator indicator) {
        return IndicatorScore.printed(indicator).map(BigDecimal::toPlainString).orElse("");
    }

    /** The 二级指标 as the official template prints it: 数量指标, 经济效益指标, 服务对象满意度指标. */
    private static String printed(Level2 level2) {
        return level2.label().endsWith("指标") ? level2.label() : level2.label() + "指标";
    }

    static Level1 level1(Indicator indicator) {
        return Taxonomy.level1(indicator.level1())
                .orElseThrow(() -> new IllegalStateException("schema admitted unknown 一级指标 " + indicator.level1()));
    }

    static Level2 level2(Indicator indicator) {
        return Taxonomy.level2(indicator.level2())
                .orElseThrow(() -> new IllegalStateException("schema admitted unknown 二级指标 " + indicator.level2()));
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
