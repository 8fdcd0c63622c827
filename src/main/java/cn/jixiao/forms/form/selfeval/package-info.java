/**
 * 项目支出绩效自评表 (project self-evaluation form, 财预〔2020〕10号 附件1): one A4 portrait form per project,
 * its document records, the 项目资金 block summed with its 执行率 and 得分, each indicator's 得分 worked out from
 * its target and result, stated figures checked against the arithmetic, and the view model with merged
 * 一级/二级指标 rows.
 */
package cn.jixiao.forms.form.selfeval;
