package cn.jixiao.forms.form.tracking;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.Bookmark;
import cn.jixiao.forms.form.Dates;
import cn.jixiao.forms.form.FileNames;
import cn.jixiao.forms.form.FormType;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.indicator.IndicatorDescription;
import cn.jixiao.forms.form.indicator.NamedValue;
import cn.jixiao.forms.form.indicator.NamedValue.Role;
import cn.jixiao.forms.form.indicator.ProjectContext;
import cn.jixiao.forms.form.indicator.ProjectContext.Budget;
import cn.jixiao.forms.form.tracking.TrackingForm.TrackingIndicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** 项目支出绩效跟踪表: one A4 portrait form per project. */
public final class TrackingFormType implements FormType<TrackingDocument> {
    public static final String TITLE = "项目支出绩效跟踪表";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal MAX_RATE = new BigDecimal("9999.99");
    private final IndicatorChecks indicatorChecks;

    public TrackingFormType(IndicatorChecks indicatorChecks) {
        this.indicatorChecks = indicatorChecks;
    }

    @Override
    public String id() {
        return "performance-tracking";
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String description() {
        return "项目支出绩效跟踪表（绩效运行监控）：每个项目一张，A4 纵向；核对预算执行进度。";
    }

    @Override
    public Class<TrackingDocument> documentClass() {
        return TrackingDocument.class;
    }

    @Override
    public void validate(TrackingDocument document, Problems problems) {
        for (int i = 0; i < document.forms().size(); i++) {
            validate(document.forms().get(i), "/forms/" + i, problems);
        }
    }

    private void validate(TrackingForm form, String path, Problems problems) {
        boolean amountsFine = Amounts.check(form.annualBudget(), path + "/annualBudget", problems)
                & Amounts.check(form.executedAmount(), path + "/executedAmount", problems)
                & Amounts.checkDecimal(form.executionRate(), MAX_RATE, "预算执行进度", path + "/executionRate", problems);
        TrackingForm.TrackingPeriod period = form.trackingPeriod();
        boolean datesFine = Dates.check(period.start(), path + "/trackingPeriod/start", problems)
                & Dates.check(period.end(), path + "/trackingPeriod/end", problems)
                & Dates.check(form.reportDate(), path + "/reportDate", problems);
        if (datesFine && period.end().isBefore(period.start())) {
            problems.error(path + "/trackingPeriod/end",
                    "跟踪时段结束日期 " + period.end() + " 早于开始日期 " + period.start());
        }
        if (datesFine && form.reportDate() != null && form.reportDate().isBefore(period.start())) {
            problems.warning(path + "/reportDate",
                    "填报日期 " + form.reportDate() + " 早于跟踪时段开始日期 " + period.start());
        }
        if (amountsFine) {
            checkAmounts(form, path, problems);
        }
        Optional<Budget> budget = amountsFine && form.annualBudget().signum() > 0
                ? Optional.of(new Budget("当年预算数", form.annualBudget(), "元")) : Optional.empty();
        indicatorChecks.check(new ProjectContext(form.projectName(), path + "/indicators", budget),
                indicators(form.indicators(), path + "/indicators"), problems);
    }

    /** 预算执行数 against 当年预算数, and the stated 预算执行进度 against the two. */
    private static void checkAmounts(TrackingForm form, String path, Problems problems) {
        if (form.executedAmount().compareTo(form.annualBudget()) > 0) {
            problems.warning(path + "/executedAmount", "预算执行数 " + Amounts.format(form.executedAmount())
                    + " 超过当年预算数 " + Amounts.format(form.annualBudget()));
        }
        Optional<BigDecimal> computed = computedRate(form);
        if (form.executionRate() != null && computed.isPresent()
                && form.executionRate().subtract(computed.get()).abs().compareTo(TOLERANCE) > 0) {
            problems.warning(path + "/executionRate", "填报的预算执行进度 " + form.executionRate().toPlainString()
                    + " 与计算值不符：" + Amounts.format(form.executedAmount()) + " ÷ "
                    + Amounts.format(form.annualBudget()) + " × 100 = " + computed.get().toPlainString());
        }
        if (computed.isEmpty() && form.executionRate() == null) {
            problems.warning(path + "/executionRate", "当年预算数为 0，无法计算预算执行进度，此格留空");
        }
        if (form.executionRate() == null && computed.isPresent() && computed.get().compareTo(MAX_RATE) > 0) {
            problems.warning(path + "/executionRate", "按金额算出的预算执行进度 " + computed.get().toPlainString()
                    + " 超过 " + MAX_RATE.toPlainString() + "，不予打印，此格留空：请核对当年预算数与预算执行数");
        }
    }

    /** The tracking table has no 二级指标 column; its two targets are 年度绩效目标值 and 应完成的绩效目标值. */
    private static List<IndicatorDescription> indicators(List<TrackingIndicator> indicators, String path) {
        List<IndicatorDescription> described = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            TrackingIndicator indicator = indicators.get(i);
            String at = path + "/" + i;
            described.add(new IndicatorDescription(at, level1(indicator.level1()), Optional.empty(), indicator.name(), List.of(
                    new NamedValue("年度绩效目标值", at + "/annualTarget", indicator.annualTarget(), Role.TARGET),
                    new NamedValue("应完成的绩效目标值", at + "/expectedValue", indicator.expectedValue(), Role.TARGET))));
        }
        return described;
    }

    /** The rate to print: as stated, else computed when it can be and is no larger than any stated one may be. */
    private static String printedRate(TrackingForm form) {
        if (form.executionRate() != null) {
            return form.executionRate().toPlainString();
        }
        return computedRate(form).filter(rate -> rate.compareTo(MAX_RATE) <= 0).map(BigDecimal::toPlainString).orElse("");
    }

    /** executed ÷ budget × 100, two decimals, half-up; empty when the budget is zero. */
    static Optional<BigDecimal> computedRate(TrackingForm form) {
        if (form.annualBudget().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(form.executedAmount().multiply(HUNDRED)
                .divide(form.annualBudget(), 2, RoundingMode.HALF_UP));
    }

    @Override
    public TrackingView view(TrackingDocument document) {
        List<TrackingView.Form> forms = new ArrayList<>();
        List<Bookmark> bookmarks = new ArrayList<>();
        for (TrackingForm form : document.forms()) {
            String anchor = "form-" + forms.size();
            forms.add(view(form, anchor));
            bookmarks.add(Bookmark.leaf(form.projectName(), anchor));
        }
        return new TrackingView(forms, bookmarks);
    }

    private static TrackingView.Form view(TrackingForm form, String anchor) {
        return new TrackingView.Form(
                anchor,
                form.projectName(),
                TITLE,
                form.budgetUnit(),
                text(form.implementingDepartment()),
                form.trackingPeriod().start().toString(),
                form.trackingPeriod().end().toString(),
                yesNo(form.recurring()),
                Amounts.format(form.annualBudget()),
                Amounts.format(form.executedAmount()),
                printedRate(form),
                yesNo(form.budgetAdjustmentNeeded()),
                form.annualGoal(),
                rows(form.indicators()),
                text(form.remarks()),
                text(form.reviewer()),
                text(form.preparer()),
                Dates.chinese(form.reportDate()));
    }

    /** No figure reads an indicator: a row with errors leaves the money figures standing. */
    @Override
    public Optional<String> rowsOfTheirOwn() {
        return Optional.of("indicators");
    }

    /** 预算执行进度 as printed: as stated, else worked out from the amounts. */
    @Override
    public Map<String, String> computed(TrackingDocument document) {
        Map<String, String> computed = new LinkedHashMap<>();
        for (int i = 0; i < document.forms().size(); i++) {
            computed.put("/forms/" + i + "/executionRate", printedRate(document.forms().get(i)));
        }
        return computed;
    }

    /** Consecutive indicators of the same 一级目标 share one merged cell. */
    static List<TrackingView.IndicatorRow> rows(List<TrackingIndicator> indicators) {
        List<TrackingView.IndicatorRow> rows = new ArrayList<>();
        int i = 0;
        while (i < indicators.size()) {
            String level = level1Label(indicators.get(i).level1());
            int end = i + 1;
            while (end < indicators.size() && level1Label(indicators.get(end).level1()).equals(level)) {
                end++;
            }
            for (int j = i; j < end; j++) {
                TrackingIndicator indicator = indicators.get(j);
                rows.add(new TrackingView.IndicatorRow(j == i, j == i ? end - i : 0, level,
                        indicator.name(),
                        text(indicator.annualTarget()),
                        text(indicator.expectedValue()),
                        text(indicator.completion()),
                        text(indicator.deviation()),
                        text(indicator.deviationReason()),
                        text(indicator.correctiveAction())));
            }
            i = end;
        }
        return rows;
    }

    private static String level1Label(String spelling) {
        return level1(spelling).label();
    }

    private static Level1 level1(String spelling) {
        return Taxonomy.level1(spelling).orElseThrow(() -> new IllegalStateException("schema admitted unknown 一级目标 " + spelling));
    }

    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "是" : "否";
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    @Override
    public String fileName(TrackingDocument document) {
        List<TrackingForm> forms = document.forms();
        if (forms.size() == 1) {
            return FileNames.of(forms.get(0).projectName(), TITLE);
        }
        String unit = forms.get(0).budgetUnit();
        boolean oneUnit = forms.stream().allMatch(f -> f.budgetUnit().equals(unit));
        return FileNames.of(oneUnit ? unit : "", TITLE);
    }
}
