package cn.jixiao.forms.form;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong (or worth a second look) in a document, located by a JSON pointer into the request
 * body. {@code limit} names the configured limit that was exceeded (its environment variable), if any;
 * {@code cell} the workbook cell the value came from ({@code Sheet1!C9}), when the document was imported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String path, String message, String limit, String cell) {
    public Problem(String path, String message) {
        this(path, message, null, null);
    }

    public Problem(String path, String message, String limit) {
        this(path, message, limit, null);
    }

    /** The same problem, found at a workbook's cell. */
    public Problem at(String workbookCell) {
        return new Problem(path, message, limit, workbookCell);
    }
}
