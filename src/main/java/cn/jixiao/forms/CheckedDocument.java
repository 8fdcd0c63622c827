package cn.jixiao.forms;

import cn.jixiao.forms.form.RegisteredForm;

/**
 * A document checked once, as it travels the pipeline to each file made of it: its form, what the check made of it
 * (its figures, its warnings) and the bytes it came as, attached to a PDF/A-3 file as its source.
 */
public record CheckedDocument(RegisteredForm form, RegisteredForm.Validated validated, byte[] source) {
    /** File name without extension for a download, e.g. {@code <项目名称>-项目支出绩效跟踪表}. */
    public String fileName() {
        return form.fileName(validated);
    }
}
