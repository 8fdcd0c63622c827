/**
 * jixiao-forms: budget-performance forms (预算绩效) from JSON to PDF and DOCX. {@code App} wires the parts
 * and reads the configuration; {@link cn.jixiao.forms.FormService} is the one front door to the pipeline
 * (read → check → view model → XHTML → file), and {@link cn.jixiao.forms.RenderQueue} bounds how much of
 * the machine that pipeline may take at once. Everything HTTP lives in {@code http}, every form type in
 * {@code form}, every output format in {@code render}.
 */
package cn.jixiao.forms;
