package cn.jixiao.forms;

import cn.jixiao.forms.form.RegisteredForm;
import java.util.Objects;
import java.util.function.Function;

/**
 * A document checked once, as it travels the pipeline to each file made of it: its form, what the check made of it
 * (its figures, its warnings) and the bytes it came as, attached to a PDF/A-3 file as its source. The XHTML its
 * form's template makes of it is made once too, when first asked for, however many files and page estimates read
 * it (a batch item estimated, then bound; an item in PDF, DOCX and XLSX).
 */
public final class CheckedDocument {
    private final RegisteredForm form;
    private final RegisteredForm.Validated validated;
    private final byte[] source;
    private volatile String xhtml;

    public CheckedDocument(RegisteredForm form, RegisteredForm.Validated validated, byte[] source) {
        this.form = Objects.requireNonNull(form);
        this.validated = Objects.requireNonNull(validated);
        this.source = source;
    }

    public RegisteredForm form() {
        return form;
    }

    public RegisteredForm.Validated validated() {
        return validated;
    }

    public byte[] source() {
        return source;
    }

    /** File name without extension for a download, e.g. {@code <项目名称>-项目支出绩效跟踪表}. */
    public String fileName() {
        return form.fileName(validated);
    }

    /** The XHTML {@code make} makes of this document, made by the first caller; the same text for every later one. */
    String xhtml(Function<CheckedDocument, String> make) {
        String made = xhtml;
        if (made == null) {
            made = make.apply(this);
            xhtml = made;
        }
        return made;
    }
}
