/**
 * Indicator values and the checks an auditor makes of them, for every form type.
 *
 * <p>{@link cn.jixiao.forms.form.indicator.IndicatorValue} reads what a value written as free text says
 * ({@code ≥95%}, {@code 不少于1000人次}, {@code 2024年12月31日前}, {@code 有效提升}); the text itself is always
 * printed verbatim.
 *
 * <p>{@link cn.jixiao.forms.form.indicator.IndicatorChecks} warns (never refuses) about: a 率/比例 indicator
 * not in percent, above 100 % or {@code ≥100%}; a 数量指标 in percent; a 成本指标 without an amount or above
 * the project's budget; a 时效指标 without a date, deadline or duration; a 满意度指标 without a number or
 * below the configured minimum; two values of one indicator in different units; the budget's execution
 * (预算执行率, 资金到位率, 拨付率 …) counted as 产出 or 效益; a project without 产出 or 效益 indicators.
 * Each warning sits at the JSON pointer of what it concerns and says, in Chinese, what to change.
 *
 * <p>A form type uses them in its {@code validate}: for each project it builds a
 * {@link cn.jixiao.forms.form.indicator.ProjectContext} (name, path of its indicator list, budget with its
 * unit if the form states one) and one {@link cn.jixiao.forms.form.indicator.IndicatorDescription} per
 * indicator (path, 一级, 二级 if the form has the column, name, and its values, each a
 * {@link cn.jixiao.forms.form.indicator.NamedValue} with the column's label, path and role), then calls
 * {@code checks.check(project, indicators, problems)} on the {@code IndicatorChecks} the registry handed it.
 * Targets ({@code TARGET}: 年度指标值, 实施周期指标值, 应完成的绩效目标值) get every check; what was achieved
 * ({@code ACTUAL}: a 自评表's 实际完成值) is compared with the targets' units, and a share no work beyond plan can pass (合格率, 覆盖率 …) may not pass 100 %. A 自评表 would thus pass
 * its 年度指标值 as a target and its 实际完成值 as an actual, and its 全年预算数 as a budget in 万元.
 * A value the form leaves blank is not judged.
 */
package cn.jixiao.forms.form.indicator;
