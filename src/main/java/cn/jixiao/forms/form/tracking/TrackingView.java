package cn.jixiao.forms.form.tracking;

import cn.jixiao.forms.form.Bookmark;
import java.util.List;

/**
 * What the tracking template prints: every cell already a string, merges already decided. A template
 * reads this and lays it out; it computes nothing.
 */
public record TrackingView(List<Form> forms, List<Bookmark> bookmarks) {

    /** One project's form; {@code anchor} is the id of its first element, where its bookmark leads. */
    public record Form(
            String anchor,
            String projectName,
            String title,
            String budgetUnit,
            String implementingDepartment,
            String periodStart,
            String periodEnd,
            String recurring,
            String annualBudget,
            String executedAmount,
            String executionRate,
            String budgetAdjustmentNeeded,
            String annualGoal,
            List<IndicatorRow> indicators,
            String remarks,
            String reviewer,
            String preparer,
            String reportDate) {
    }

    /**
     * One indicator row. The 一级目标 cell is printed only on the first row of a run of the same level
     * ({@code groupStart}), spanning {@code groupSize} rows.
     */
    public record IndicatorRow(
            boolean groupStart,
            int groupSize,
            String level1,
            String name,
            String annualTarget,
            String expectedValue,
            String completion,
            String deviation,
            String deviationReason,
            String correctiveAction) {
    }
}
