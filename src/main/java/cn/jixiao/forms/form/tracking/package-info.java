/**
 * 项目支出绩效跟踪表 (performance tracking table): one A4 portrait form per project, its document records,
 * the check of the stated 预算执行进度 against the amounts, and the view model with merged 一级目标 rows.
 */
package cn.jixiao.forms.form.tracking;
