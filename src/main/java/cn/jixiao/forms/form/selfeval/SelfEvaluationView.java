package cn.jixiao.forms.form.selfeval;

import cn.jixiao.forms.form.Bookmark;
import java.util.List;

/**
 * What the self-evaluation template prints: every cell already a string, sums and scores worked out,
 * merges decided. A template reads this and lays it out; it computes nothing.
 */
public record SelfEvaluationView(List<Form> forms, List<Bookmark> bookmarks) {

    /** One project's form; {@code anchor} is the id of its first element, where its bookmark leads. */
    public record Form(
            String anchor,
            String attachment,
            String title,
            String yearLine,
            String projectName,
            String department,
            String implementingUnit,
            List<FundRow> funds,
            String expectedGoal,
            String achievedGoal,
            List<IndicatorRow> indicators,
            String totalWeight,
            String totalScore,
            String preparer,
            String phone,
            String reportDate) {
    }

    /** One row of 项目资金（万元）: 年度资金总额 first, then the three 其中 rows. */
    public record FundRow(
            String label,
            String initialBudget,
            String annualBudget,
            String executed,
            String weight,
            String rate,
            String score) {
    }

    /**
     * One indicator row. The 一级指标 cell is printed on the first row of a run of the same level
     * ({@code level1Start}), spanning {@code level1Size} rows, with the points of those rows under its name
     * ({@code level1Points}: {@code （50分）}, empty when none has 分值); the 二级指标 cell likewise within it.
     * {@code whole}: a short row, never split across pages.
     */
    public record IndicatorRow(
            boolean whole,
            boolean level1Start,
            int level1Size,
            String level1,
            String level1Points,
            boolean level2Start,
            int level2Size,
            String level2,
            String name,
            String target,
            String actual,
            String weight,
            String score,
            String deviation) {
    }
}
