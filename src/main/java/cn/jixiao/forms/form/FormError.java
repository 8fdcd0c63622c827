package cn.jixiao.forms.form;

import java.util.List;

/**
 * Every way a request can fail on the client's side or under load, modelled once. The HTTP layer maps
 * {@link Kind} to a status in a single place; everything else only throws.
 */
public final class FormError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        MALFORMED_JSON,
        INVALID_DOCUMENT,
        LIMIT_EXCEEDED,
        BODY_TOO_LARGE,
        UNKNOWN_FORM_TYPE,
        NOT_FOUND,
        UNSUPPORTED_FORMAT,
        NOT_ACCEPTABLE,
        UNSUPPORTED_MEDIA_TYPE,
        UNAUTHORIZED,
        OVERLOADED,
        RENDER_TIMEOUT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
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

    /** 422: {@code limit_exceeded} when every problem is a limit, {@code invalid_document} otherwise. */
    public static FormError invalid(List<Problem> problems) {
        if (!problems.isEmpty() && problems.stream().allMatch(p -> p.limit() != null)) {
            return new FormError(Kind.LIMIT_EXCEEDED, "文档超出限制：" + problems.get(0).message(), problems);
        }
        return new FormError(Kind.INVALID_DOCUMENT,
                "文档不符合约定：共 " + problems.size() + " 处错误，详见 details", problems);
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
