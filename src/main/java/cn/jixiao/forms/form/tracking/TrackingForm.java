package cn.jixiao.forms.form.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One project's 项目支出绩效跟踪表, as the client sent it. */
public record TrackingForm(
        String projectName,
        String budgetUnit,
        String implementingDepartment,
        TrackingPeriod trackingPeriod,
        Boolean recurring,
        BigDecimal annualBudget,
        BigDecimal executedAmount,
        BigDecimal executionRate,
        Boolean budgetAdjustmentNeeded,
        String annualGoal,
        List<TrackingIndicator> indicators,
        String remarks,
        String reviewer,
        String preparer,
        LocalDate reportDate) {

    /** 跟踪时段. */
    public record TrackingPeriod(LocalDate start, LocalDate end) {
    }

    /** One row of 主要跟踪指标. Values are free text, printed verbatim. */
    public record TrackingIndicator(
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
