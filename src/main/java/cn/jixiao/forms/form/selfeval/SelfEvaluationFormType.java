package cn.jixiao.forms.form.selfeval;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.Bookmark;
import cn.jixiao.forms.form.Dates;
import cn.jixiao.forms.form.FileNames;
import cn.jixiao.forms.form.FormType;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import cn.jixiao.forms.form.selfeval.SelfEvaluationForm.FundRow;
import cn.jixiao.forms.form.selfeval.SelfEvaluationForm.Indicator;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.indicator.IndicatorDescription;
import cn.jixiao.forms.form.indicator.NamedValue;
import cn.jixiao.forms.form.indicator.NamedValue.Role;
import cn.jixiao.forms.form.indicator.ProjectContext;
import cn.jixiao.forms.form.indicator.ProjectContext.Budget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** 项目支出绩效自评表 (财预〔2020〕10号 附件1): one A4 portrait form per project, scored out of 100. */
public final class SelfEvaluationFormType implements FormType<SelfEvaluationDocument> {
    public static final String TITLE = "项目支出绩效自评表";
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_RATE = new BigDecimal("9999.99");
    private static final String UNIT = "万元";
    private static final List<Map.Entry<String, Function<SelfEvaluationForm.Funds, FundRow>>> FUND_ROWS = List.of(
            Map.entry("fiscal", SelfEvaluationForm.Funds::fiscal),
            Map.entry("carryOver", SelfEvaluationForm.Funds::carryOver),
            Map.entry("other", SelfEvaluationForm.Funds::other));

    private final IndicatorChecks indicatorChecks;

    public SelfEvaluationFormType(IndicatorChecks indicatorChecks) {
        this.indicatorChecks = indicatorChecks;
    }

    @Override
    public String id() {
        return "performance-self-evaluation";
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String description() {
        return "项目支出绩效自评表（财预〔2020〕10号 附件1）：每个项目一张，A4 纵向；计算资金执行率与得分、指标得分和总分。";
    }

    @Override
    public Class<SelfEvaluationDocument> documentClass() {
        return SelfEvaluationDocument.class;
    }

    @Override
    public void validate(SelfEvaluationDocument document, Problems problems) {
        for (int i = 0; i < document.forms().size(); i++) {
            validate(document.forms().get(i), "/forms/" + i, problems);
        }
    }

    private void validate(SelfEvaluationForm form, String path, Problems problems) {
        boolean fine = amountsFine(form, path, problems)
                & Amounts.checkDecimal(form.executionWeight(), MAX_POINTS, "分值", path + "/executionWeight", problems)
                & Amounts.checkDecimal(form.executionRate(), MAX_RATE, "执行率", path + "/executionRate", problems)
                & Amounts.checkDecimal(form.fundsScore(), MAX_POINTS, "得分", path + "/fundsScore", problems)
                & Dates.check(form.reportDate(), path + "/reportDate", problems);
        boolean indicatorsFine = true;
        for (int i = 0; i < form.indicators().size(); i++) {
            indicatorsFine &= indicatorFine(form.indicators().get(i), path + "/indicators/" + i, problems);
        }
        if (!fine || !indicatorsFine) {
            return;
        }
        checkFunds(form, path, problems);
        for (int i = 0; i < form.indicators().size(); i++) {
            checkScore(form.indicators().get(i), path + "/indicators/" + i, problems);
        }
        BigDecimal totalWeight = totalWeight(form);
        if (totalWeight.compareTo(FULL_MARKS) != 0) {
            problems.warning(path + "/indicators", "分值合计为 " + points(totalWeight) + "（资金 "
                    + FundsBlock.of(form).weight().toPlainString() + " + 绩效指标 " + IndicatorTable.points(form.indicators()).orElse("0")
                    + "），应为 100");
        }
        checkRunsTogether(form.indicators(), path + "/indicators", problems);
        if (form.reportDate() != null && form.reportDate().getYear() < form.year()) {
            problems.warning(path + "/reportDate", "填报日期 " + form.reportDate() + " 早于自评年度 " + form.year() + " 年");
        }
        BigDecimal budget = FundsBlock.of(form).total().annualBudget();
        indicatorChecks.check(new ProjectContext(form.projectName(), path + "/indicators",
                        Optional.ofNullable(budget).filter(amount -> amount.signum() > 0).map(amount -> new Budget("全年预算数", amount, UNIT))),
                described(form.indicators(), path + "/indicators"), problems);
    }

    /**
     * The rows of one 一级指标 belong together: its cell is merged down them and carries their points, so rows
     * of 产出 after those of 效益 would print a second 产出 cell, each with part of the points.
     */
    private static void checkRunsTogether(List<Indicator> indicators, String path, Problems problems) {
        Set<Level1> ended = EnumSet.noneOf(Level1.class);
        for (int i = 1; i < indicators.size(); i++) {
            Level1 previous = IndicatorTable.level1(indicators.get(i - 1));
            Level1 current = IndicatorTable.level1(indicators.get(i));
            if (current == previous) {
                continue;
            }
            ended.add(previous);
            if (ended.contains(current)) {
                problems.warning(path + "/" + i + "/level1", "第 " + (i + 1) + " 行的一级指标「" + current.label()
                        + "」与前面同为「" + current.label() + "」的行隔开了：请把同一一级指标的行排在一起，它的分值才合在一格里");
            }
        }
    }

    /** The indicators as the checks read them: 年度指标值 a target, 实际完成值 what was achieved; placeholder rows left out. */
    private static List<IndicatorDescription> described(List<Indicator> indicators, String path) {
        List<IndicatorDescription> described = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            if (indicator.placeholder()) {
                continue;
            }
            String at = path + "/" + i;
            described.add(new IndicatorDescription(at, IndicatorTable.level1(indicator), Optional.of(IndicatorTable.level2(indicator)),
                    indicator.name(), List.of(
                    new NamedValue("年度指标值", at + "/target", indicator.target(), Role.TARGET),
                    new NamedValue("实际完成值", at + "/actual", indicator.actual(), Role.ACTUAL))));
        }
        return described;
    }

    /** Every amount non-negative with two decimals at most, and every column's sum printable. */
    private static boolean amountsFine(SelfEvaluationForm form, String path, Problems problems) {
        boolean fine = true;
        for (Map.Entry<String, Function<SelfEvaluationForm.Funds, FundRow>> entry : FUND_ROWS) {
            FundRow row = entry.getValue().apply(form.funds());
            String rowPath = path + "/funds/" + entry.getKey();
            if (row != null) {
                fine &= Amounts.check(row.initialBudget(), UNIT, rowPath + "/initialBudget", problems)
                        & Amounts.check(row.annualBudget(), UNIT, rowPath + "/annualBudget", problems)
                        & Amounts.check(row.executed(), UNIT, rowPath + "/executed", problems);
            }
        }
        if (!fine) {
            return false;
        }
        FundRow total = FundsBlock.of(form).total();
        for (BigDecimal sum : new BigDecimal[]{total.initialBudget(), total.annualBudget(), total.executed()}) {
            if (sum != null && sum.compareTo(Amounts.MAX_IN_WAN) > 0) {
                problems.error(path + "/funds", "年度资金总额 " + Amounts.format(sum) + " 万元超过表中可印的最大金额 "
                        + Amounts.format(Amounts.MAX_IN_WAN) + " 万元：请检查各行金额是否以万元计");
                return false;
            }
        }
        return true;
    }

    /** Level membership and the points of one row; true when its numbers may be compared. */
    private static boolean indicatorFine(Indicator indicator, String path, Problems problems) {
        Level1 level1 = IndicatorTable.level1(indicator);
        Level2 level2 = IndicatorTable.level2(indicator);
        if (level2.parent() != level1) {
            List<String> children = new ArrayList<>();
            level1.children().forEach(child -> children.add(child.label()));
            problems.error(path + "/level2", "二级指标「" + level2.label() + "」不属于一级指标「" + level1.label() + "」；"
                    + level1.label() + "的二级指标为：" + String.join("、", children));
        }
        boolean fine = Amounts.checkDecimal(indicator.weight(), MAX_POINTS, "分值", path + "/weight", problems)
                & Amounts.checkDecimal(indicator.score(), MAX_POINTS, "得分", path + "/score", problems);
        if (fine && indicator.score() != null && indicator.weight() == null) {
            problems.error(path + "/score", "有得分 " + indicator.score().toPlainString() + " 而没有分值：请填写分值");
            return false;
        }
        if (fine && indicator.score() != null && indicator.score().compareTo(indicator.weight()) > 0) {
            problems.error(path + "/score", "得分 " + indicator.score().toPlainString() + " 超过分值 "
                    + indicator.weight().toPlainString());
            return false;
        }
        return fine;
    }

    /** The stated 执行率 and 得分 of the 资金 block against the amounts, as the tracking form checks its rate. */
    private static void checkFunds(SelfEvaluationForm form, String path, Problems problems) {
        FundsBlock block = FundsBlock.of(form);
        if (form.fundsScore() != null && form.fundsScore().compareTo(block.weight()) > 0) {
            problems.error(path + "/fundsScore", "资金得分 " + form.fundsScore().toPlainString() + " 超过分值 "
                    + block.weight().toPlainString());
            return;
        }
        if (!block.computable()) {
            if (form.executionRate() == null || form.fundsScore() == null) {
                problems.warning(path + "/funds", "全年预算数为空或为 0，或全年执行数为空：无法计算执行率与资金得分，"
                        + (form.executionRate() == null && form.fundsScore() == null ? "两格留空" : "未填的一格留空"));
            }
            return;
        }
        if (block.overspent()) {
            problems.warning(path + "/funds", "全年执行数 " + Amounts.format(block.total().executed()) + " 超过全年预算数 "
                    + Amounts.format(block.total().annualBudget()) + "，资金得分按执行率 100% 计");
        }
        BigDecimal rate = block.rate().orElseThrow();
        if (form.executionRate() != null && differ(form.executionRate(), rate)) {
            problems.warning(path + "/executionRate", "填报的执行率 " + form.executionRate().toPlainString()
                    + "% 与计算值不符：" + block.rateWorking() + "%");
        }
        BigDecimal score = block.score().orElseThrow();
        if (form.fundsScore() != null && differ(form.fundsScore(), score)) {
            problems.warning(path + "/fundsScore", "填报的资金得分 " + form.fundsScore().toPlainString() + " 与计算值不符："
                    + block.scoreWorking());
        }
    }

    /** A given 得分 against the arithmetic; a score that cannot be worked out must be given. */
    private static void checkScore(Indicator indicator, String path, Problems problems) {
        if (indicator.placeholder()) {
            return;
        }
        String name = "指标" + Problems.quote(indicator.name());
        if (indicator.weight() == null) {
            problems.warning(path + "/weight", name + "没有分值，不计入总分：请填写分值");
            return;
        }
        IndicatorScore computed = IndicatorScore.of(indicator);
        if (indicator.score() == null && !computed.computed()) {
            problems.warning(path + "/score", name + "的得分无法计算（" + computed.working()
                    + "），此格留空，总分不含此项：请按完成情况评定后填写得分");
        } else if (indicator.score() != null && computed.computed() && differ(indicator.score(), computed.points())) {
            problems.warning(path + "/score", name + "填报的得分 " + indicator.score().toPlainString() + " 与计算值不符："
                    + computed.working());
        }
    }

    private static boolean differ(BigDecimal stated, BigDecimal computed) {
        return stated.subtract(computed).abs().compareTo(TOLERANCE) > 0;
    }

    /** 分值 of the 资金 block plus every indicator's: what 总分 stands for, normally 100. */
    static BigDecimal totalWeight(SelfEvaluationForm form) {
        return form.indicators().stream().map(Indicator::weight).filter(Objects::nonNull)
                .reduce(FundsBlock.of(form).weight(), BigDecimal::add);
    }

    /**
     * The 得分 of 总分: the sum of the 得分 column as printed (the 资金 score as stated, else as worked out, plus every
     * indicator's printed score), so that the form adds up; a stated score that is off carries its warning.
     */
    static BigDecimal totalScore(SelfEvaluationForm form) {
        BigDecimal funds = Optional.ofNullable(form.fundsScore()).or(() -> FundsBlock.of(form).score()).orElse(BigDecimal.ZERO);
        return form.indicators().stream().map(IndicatorScore::printed).flatMap(Optional::stream)
                .reduce(funds, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    /** Points without a decimal when whole: {@code 50}, {@code 12.5}. */
    static String points(BigDecimal points) {
        return points.signum() == 0 ? "0" : points.stripTrailingZeros().toPlainString();
    }

    @Override
    public SelfEvaluationView view(SelfEvaluationDocument document) {
        List<SelfEvaluationView.Form> forms = new ArrayList<>();
        List<Bookmark> bookmarks = new ArrayList<>();
        for (SelfEvaluationForm form : document.forms()) {
            String anchor = "form-" + forms.size();
            forms.add(view(form, anchor));
            bookmarks.add(Bookmark.leaf(form.projectName(), anchor));
        }
        return new SelfEvaluationView(forms, bookmarks);
    }

    /** An indicator's 得分 reads its own row; the funds block none. */
    @Override
    public Optional<String> rowsOfTheirOwn() {
        return Optional.of("indicators");
    }

    /** 总分 and the points of each 一级指标 add up every indicator row. */
    @Override
    public boolean readsEveryRow(String figure) {
        return figure.endsWith("/totalScore") || figure.endsWith("/totalWeight") || figure.endsWith("/level1");
    }

    /**
     * Read off the view, so they are the figures printed: the 年度资金总额 row ({@code /forms/0/funds/total/…}),
     * its 分值, 执行率 and 得分, each indicator's 得分, the 一级指标 cell with its points on the first row of its
     * run ({@code 产出指标（50分）}), and 总分 ({@code /forms/0/totalWeight}, {@code /forms/0/totalScore}).
     */
    @Override
    public Map<String, String> computed(SelfEvaluationDocument document) {
        Map<String, String> computed = new LinkedHashMap<>();
        for (int i = 0; i < document.forms().size(); i++) {
            SelfEvaluationView.Form form = view(document.forms().get(i), "form-" + i);
            String path = "/forms/" + i;
            SelfEvaluationView.FundRow total = form.funds().get(0);
            computed.put(path + "/funds/total/initialBudget", total.initialBudget());
            computed.put(path + "/funds/total/annualBudget", total.annualBudget());
            computed.put(path + "/funds/total/executed", total.executed());
            computed.put(path + "/executionWeight", total.weight());
            computed.put(path + "/executionRate", total.rate());
            computed.put(path + "/fundsScore", total.score());
            for (int k = 0; k < form.indicators().size(); k++) {
                SelfEvaluationView.IndicatorRow row = form.indicators().get(k);
                if (row.level1Start()) {
                    computed.put(path + "/indicators/" + k + "/level1", row.level1() + row.level1Points());
                }
                computed.put(path + "/indicators/" + k + "/score", row.score());
            }
            computed.put(path + "/totalWeight", form.totalWeight());
            computed.put(path + "/totalScore", form.totalScore());
        }
        return computed;
    }

    private static SelfEvaluationView.Form view(SelfEvaluationForm form, String anchor) {
        return new SelfEvaluationView.Form(
                anchor,
                text(form.attachment()),
                TITLE,
                "（" + form.year() + "年度）",
                form.projectName(),
                form.department(),
                form.implementingUnit(),
                fundRows(form),
                text(form.goals().expected()),
                text(form.goals().achieved()),
                IndicatorTable.rows(form.indicators()),
                points(totalWeight(form)),
                totalScore(form).toPlainString(),
                text(form.preparer()),
                text(form.phone()),
                Dates.chinese(form.reportDate()));
    }

    /** 年度资金总额 with its 分值, 执行率 and 得分 (stated, else worked out), then the 其中 rows with dashes. */
    private static List<SelfEvaluationView.FundRow> fundRows(SelfEvaluationForm form) {
        FundsBlock block = FundsBlock.of(form);
        String rate = Optional.ofNullable(form.executionRate()).or(block::rate).map(r -> r.toPlainString() + "%").orElse("");
        String score = Optional.ofNullable(form.fundsScore()).or(block::score).map(BigDecimal::toPlainString).orElse("");
        List<SelfEvaluationView.FundRow> rows = new ArrayList<>();
        rows.add(fundRow("年度资金总额", block.total(), block.weight().toPlainString(), rate, score));
        rows.add(fundRow("其中：当年财政拨款", form.funds().fiscal(), "—", "", "—"));
        rows.add(fundRow("上年结转资金", form.funds().carryOver(), "—", "", "—"));
        rows.add(fundRow("其他资金", form.funds().other(), "—", "", "—"));
        return rows;
    }

    private static SelfEvaluationView.FundRow fundRow(String label, FundRow amounts, String weight, String rate, String score) {
        FundRow row = amounts == null ? new FundRow(null, null, null) : amounts;
        return new SelfEvaluationView.FundRow(label, amount(row.initialBudget()), amount(row.annualBudget()),
                amount(row.executed()), weight, rate, score);
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : Amounts.format(amount);
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    @Override
    public String fileName(SelfEvaluationDocument document) {
        List<SelfEvaluationForm> forms = document.forms();
        if (forms.size() == 1) {
            return FileNames.of(forms.get(0).projectName(), TITLE);
        }
        String unit = forms.get(0).implementingUnit();
        String department = forms.get(0).department();
        if (forms.stream().allMatch(f -> f.implementingUnit().equals(unit))) {
            return FileNames.of(unit, TITLE);
        }
        return FileNames.of(forms.stream().allMatch(f -> f.department().equals(department)) ? department : "", TITLE);
    }
}
