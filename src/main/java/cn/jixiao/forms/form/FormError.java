package cn.jixiao.forms.form;

import java.util.List;
import java.util.Locale;

/**
 * Every way a document can be refused: not JSON, not a readable workbook, breaking the contract, beyond a
 * limit, or of a form type that does not exist. How a request travels (its media type, size, credentials)
 * and whether the service has room for it are not a document's fault and are modelled elsewhere; the HTTP
 * layer maps every kind to a status in one place.
 */
public final class FormError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        MALFORMED_JSON,
        INVALID_DOCUMENT,
        LIMIT_EXCEEDED,
        UNKNOWN_FORM_TYPE,
        /** The bytes are no workbook that can be read: not a spreadsheet, or damaged. */
        UNREADABLE_WORKBOOK,
        /** A workbook of a kind that is refused: encrypted, with macros, or of Excel 95 and before. */
        UNSUPPORTED_WORKBOOK,
        /** A form asked to be made from a form it declares no way to be made from. */
        NOT_DERIVABLE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final transient List<Problem> details;

    public FormError(Kind kind, String message, List<Problem> details) {
        super(message);
        this.kind = kind;
        this.details = List.copyOf(details);
    }

    public FormError(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** 422: {@code limit_exceeded} when every problem is a limit, {@code invalid_document} otherwise; all listed. */
    public static FormError invalid(List<Problem> problems) {
        return invalid(problems, "");
    }

    /**
     * 422: {@code limit_exceeded} when every problem is a limit, {@code invalid_document} otherwise.
     * {@code leftOut}: what more was found than is listed ({@link Problems#errorsLeftOut()}), empty for nothing.
     */
    public static FormError invalid(List<Problem> problems, String leftOut) {
        if (!problems.isEmpty() && problems.stream().allMatch(p -> p.limit() != null)) {
            return new FormError(Kind.LIMIT_EXCEEDED, "文档超出限制：" + problems.get(0).message(), problems);
        }
        return new FormError(Kind.INVALID_DOCUMENT, !leftOut.isEmpty()
                ? "文档不符合约定：错误过多，只列出前 " + problems.size() + " 处（" + leftOut + "），请先改正这些"
                : "文档不符合约定：共 " + problems.size() + " 处错误，每处的位置与原因逐一列出", problems);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return kind.code();
    }

    public List<Problem> details() {
        return details;
    }
}
