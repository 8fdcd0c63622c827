package cn.jixiao.forms.form;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong (or worth a second look) in a document, located by a JSON pointer into the request
 * body. {@code limit} names the configured limit that was exceeded (its environment variable), if any;
 * {@code cell} the workbook cell the value came from ({@code Sheet1!C9}), when the document was imported;
 * {@code fix} one change that settles it, when the check knows one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String path, String message, String limit, String cell, Fix fix) {

    /**
     * A change that settles a problem: {@code value} written at {@code path}; {@code label} says it in the words
     * of a button ({@code 改列为12-质量指标}). Problems with the same label can be settled together: {@code group} names
     * them, to be counted in a list that offers one fix for all ({@code 数量指标以百分比表示}: 19 个数量指标以百分比表示).
     */
    public record Fix(String path, String value, String label, String group) {
    }

    public Problem(String path, String message) {
        this(path, message, null, null, null);
    }

    public Problem(String path, String message, String limit) {
        this(path, message, limit, null, null);
    }

    public Problem(String path, String message, String limit, String cell) {
        this(path, message, limit, cell, null);
    }

    /** The same problem, found at a workbook's cell. */
    public Problem at(String workbookCell) {
        return new Problem(path, message, limit, workbookCell, fix);
    }

    /** The same problem in a document placed at {@code prefix} of a larger one (a batch's item). */
    public Problem within(String prefix) {
        return new Problem(prefix + path, message, limit, cell,
                fix == null ? null : new Fix(prefix + fix.path(), fix.value(), fix.label(), fix.group()));
    }
}
