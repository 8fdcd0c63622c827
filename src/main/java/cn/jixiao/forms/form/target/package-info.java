/**
 * 项目支出绩效目标表 (performance target table): one A4 landscape table of an organisation's fund-using units
 * and projects, with 总计 checked, subtotals and 合计 summed, and the canonical composed 绩效指标 text.
 */
package cn.jixiao.forms.form.target;
