package cn.jixiao.forms.form.target;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.Bookmark;
import cn.jixiao.forms.form.FileNames;
import cn.jixiao.forms.form.FormType;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.indicator.IndicatorDescription;
import cn.jixiao.forms.form.indicator.NamedValue;
import cn.jixiao.forms.form.indicator.NamedValue.Role;
import cn.jixiao.forms.form.indicator.ProjectContext;
import cn.jixiao.forms.form.indicator.ProjectContext.Budget;
import cn.jixiao.forms.form.target.TargetDocument.Indicator;
import cn.jixiao.forms.form.target.TargetDocument.Project;
import cn.jixiao.forms.form.target.TargetDocument.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** 项目支出绩效目标表（含转移支付项目）: one A4 landscape table of units, projects and coded indicators. */
public final class TargetFormType implements FormType<TargetDocument> {
    public static final String TITLE = "项目支出绩效目标表";
    public static final String DEFAULT_TITLE = "项目支出绩效目标表（含转移支付项目）";
    private final Limits limits;
    private final IndicatorChecks indicatorChecks;

    public TargetFormType(Limits limits, IndicatorChecks indicatorChecks) {
        this.limits = limits;
        this.indicatorChecks = indicatorChecks;
    }

    @Override
    public String id() {
        return "performance-target";
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String description() {
        return "项目支出绩效目标表（含转移支付项目）：一个单位的全部项目，A4 横向，含合计、资金使用单位小计与编码的绩效指标。";
    }

    @Override
    public Class<TargetDocument> documentClass() {
        return TargetDocument.class;
    }

    @Override
    public void validate(TargetDocument document, Problems problems) {
        int projects = 0;
        String amountUnit = amountUnit(document);
        BigDecimal grandTotal = BigDecimal.ZERO;
        boolean amountsFine = true;
        for (int u = 0; u < document.units().size(); u++) {
            Unit unit = document.units().get(u);
            for (int p = 0; p < unit.projects().size(); p++) {
                BigDecimal sum = validate(unit.projects().get(p), amountUnit, "/units/" + u + "/projects/" + p, problems);
                amountsFine &= sum != null;
                grandTotal = sum == null ? grandTotal : grandTotal.add(sum);
            }
            projects += unit.projects().size();
        }
        if (amountsFine && grandTotal.compareTo(Amounts.maxIn(amountUnit)) > 0) {
            problems.error("/units", "合计 " + Amounts.format(grandTotal) + " " + amountUnit + " 超过表中可印的最大金额 "
                    + Amounts.format(Amounts.maxIn(amountUnit)) + " " + amountUnit + "：请检查金额单位与各项目金额");
        }
        if (projects > limits.forms()) {
            problems.error(new Problem("/units", "项目过多：全表最多 " + limits.forms() + " 个项目，现有 " + projects
                    + " 个（限制 JIXIAO_MAX_FORMS）", "JIXIAO_MAX_FORMS"));
        }
    }

    /** Checks one project; its 总计 when its amounts are fine, null otherwise. */
    private BigDecimal validate(Project project, String amountUnit, String path, Problems problems) {
        boolean amountsFine = Amounts.check(project.fiscalAppropriation(), amountUnit, path + "/fiscalAppropriation", problems)
                & Amounts.check(project.specialAccountAppropriation(), amountUnit, path + "/specialAccountAppropriation", problems)
                & Amounts.check(project.otherFunds(), amountUnit, path + "/otherFunds", problems)
                & Amounts.check(project.total(), amountUnit, path + "/total", problems);
        BigDecimal sum = amountsFine ? sum(project) : null;
        if (amountsFine && project.total() != null && project.total().compareTo(sum) != 0) {
            problems.error(path + "/total", "总计 " + Amounts.format(project.total()) + " 不等于 财政拨款 + 财政专户拨款 + 其他资金 = "
                    + Amounts.format(sum));
            sum = null;
        } else if (amountsFine && sum.compareTo(Amounts.maxIn(amountUnit)) > 0) {
            problems.error(path + "/total", "总计 " + Amounts.format(sum) + " " + amountUnit + " 超过表中可印的最大金额 "
                    + Amounts.format(Amounts.maxIn(amountUnit)) + " " + amountUnit);
            sum = null;
        }
        List<IndicatorDescription> indicators = new ArrayList<>();
        for (int i = 0; i < project.indicators().size(); i++) {
            indicators.add(describe(project.indicators().get(i), path + "/indicators/" + i, problems));
        }
        Optional<Budget> budget = Optional.ofNullable(sum).filter(total -> total.signum() > 0)
                .map(total -> new Budget("总计", total, amountUnit));
        indicatorChecks.check(new ProjectContext(project.name(), path + "/indicators", budget), indicators, problems);
        return sum;
    }

    /** Checks that the 二级指标 belongs to the 一级指标, and describes the indicator for the checks of its values. */
    private static IndicatorDescription describe(Indicator indicator, String path, Problems problems) {
        Level1 level1 = level1(indicator);
        Level2 level2 = level2(indicator);
        if (level2.parent() != level1) {
            problems.error(path + "/level2", "二级指标「" + level2.label() + "」不属于一级指标「"
                    + level1.label() + "」；" + level1.label() + "的二级指标为：" + children(level1));
        }
        return new IndicatorDescription(path, level1, Optional.of(level2).filter(belonging -> belonging.parent() == level1),
                indicator.name(), List.of(
                        new NamedValue("实施周期指标值", path + "/periodValue", indicator.periodValue(), Role.TARGET),
                        new NamedValue("年度指标值", path + "/annualValue", indicator.annualValue(), Role.TARGET)));
    }

    private static String children(Level1 level1) {
        List<String> labels = new ArrayList<>();
        level1.children().forEach(child -> labels.add(child.codedLabel()));
        return String.join("、", labels);
    }

    private static String amountUnit(TargetDocument document) {
        return Objects.requireNonNullElse(document.amountUnit(), "万元");
    }

    /** 财政拨款 + 财政专户拨款 + 其他资金; absent counts as zero. */
    static BigDecimal sum(Project project) {
        return Amounts.orZero(project.fiscalAppropriation())
                .add(Amounts.orZero(project.specialAccountAppropriation()))
                .add(Amounts.orZero(project.otherFunds()));
    }

    @Override
    public TargetView view(TargetDocument document) {
        List<TargetView.Row> rows = new ArrayList<>();
        Funds all = new Funds();
        List<TargetView.Row> unitRows = new ArrayList<>();
        List<Bookmark> bookmarks = new ArrayList<>();
        for (int u = 0; u < document.units().size(); u++) {
            Unit unit = document.units().get(u);
            Funds subtotal = new Funds();
            List<TargetView.Row> projectRows = new ArrayList<>();
            List<Bookmark> projectMarks = new ArrayList<>();
            for (int p = 0; p < unit.projects().size(); p++) {
                Project project = unit.projects().get(p);
                Funds funds = Funds.of(project);
                subtotal.add(funds);
                String anchor = "project-" + u + "-" + p;
                projectRows.add(funds.row("project", anchor, project.name(), project.goal(), indicatorText(project.indicators())));
                projectMarks.add(Bookmark.leaf(project.name(), anchor));
            }
            all.add(subtotal);
            unitRows.add(subtotal.row("unit", "unit-" + u, unit.name(), "", ""));
            unitRows.addAll(projectRows);
            bookmarks.add(new Bookmark(unit.name(), "unit-" + u, projectMarks));
        }
        rows.add(all.row("total", "total", "合计", "", ""));
        rows.addAll(unitRows);
        String amountUnit = amountUnit(document);
        return new TargetView(
                Objects.requireNonNullElse(document.title(), DEFAULT_TITLE),
                document.organization(),
                amountUnit,
                "元".equals(amountUnit) ? "in-yuan" : "in-wan",
                rows,
                bookmarks);
    }

    /** No figure reads an indicator: a row with errors leaves the money figures standing. */
    @Override
    public Optional<String> rowsOfTheirOwn() {
        return Optional.of("indicators");
    }

    /**
     * 总计 of every project, and all four money columns of each unit's subtotal row and of the 合计 row, which
     * the document has no fields for: {@code /units/0/total}, {@code /total}. Read off the view, so they are the
     * figures printed.
     */
    @Override
    public Map<String, String> computed(TargetDocument document) {
        Iterator<TargetView.Row> rows = view(document).rows().iterator();
        Map<String, String> computed = new LinkedHashMap<>();
        putFunds(computed, "", rows.next());
        for (int u = 0; u < document.units().size(); u++) {
            putFunds(computed, "/units/" + u, rows.next());
            for (int p = 0; p < document.units().get(u).projects().size(); p++) {
                computed.put("/units/" + u + "/projects/" + p + "/total", rows.next().total());
            }
        }
        return computed;
    }

    private static void putFunds(Map<String, String> computed, String path, TargetView.Row row) {
        computed.put(path + "/total", row.total());
        computed.put(path + "/fiscalAppropriation", row.fiscalAppropriation());
        computed.put(path + "/specialAccountAppropriation", row.specialAccountAppropriation());
        computed.put(path + "/otherFunds", row.otherFunds());
    }

    /**
     * The one canonical text of a project's indicators:
     * {@code 1、1-产出指标：11-数量指标：<name>；实施周期指标值：<v>；年度指标值：<v>。2、…}.
     */
    static String indicatorText(List<Indicator> indicators) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            text.append(i + 1).append('、')
                    .append(level1(indicator).codedLabel()).append('：')
                    .append(level2(indicator).codedLabel()).append('：')
                    .append(indicator.name())
                    .append("；实施周期指标值：").append(Objects.requireNonNullElse(indicator.periodValue(), ""))
                    .append("；年度指标值：").append(Objects.requireNonNullElse(indicator.annualValue(), ""))
                    .append('。');
        }
        return text.toString();
    }

    private static Level1 level1(Indicator indicator) {
        return Taxonomy.level1(indicator.level1())
                .orElseThrow(() -> new IllegalStateException("schema admitted unknown 一级指标 " + indicator.level1()));
    }

    private static Level2 level2(Indicator indicator) {
        return Taxonomy.level2(indicator.level2())
                .orElseThrow(() -> new IllegalStateException("schema admitted unknown 二级指标 " + indicator.level2()));
    }

    /** The four money columns of one row, summed up the table. */
    private static final class Funds {
        private BigDecimal fiscal = BigDecimal.ZERO;
        private BigDecimal special = BigDecimal.ZERO;
        private BigDecimal other = BigDecimal.ZERO;

        static Funds of(Project project) {
            Funds funds = new Funds();
            funds.fiscal = Amounts.orZero(project.fiscalAppropriation());
            funds.special = Amounts.orZero(project.specialAccountAppropriation());
            funds.other = Amounts.orZero(project.otherFunds());
            return funds;
        }

        void add(Funds more) {
            fiscal = fiscal.add(more.fiscal);
            special = special.add(more.special);
            other = other.add(more.other);
        }

        TargetView.Row row(String kind, String anchor, String name, String goal, String indicators) {
            return new TargetView.Row(kind, anchor, name,
                    Amounts.formatOrBlank(fiscal.add(special).add(other)),
                    Amounts.formatOrBlank(fiscal),
                    Amounts.formatOrBlank(special),
                    Amounts.formatOrBlank(other),
                    goal, indicators);
        }
    }

    @Override
    public String fileName(TargetDocument document) {
        return FileNames.of(document.organization(), TITLE);
    }
}
