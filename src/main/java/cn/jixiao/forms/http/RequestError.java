package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Problem;
import java.util.List;
import java.util.Locale;

/**
 * A request the HTTP layer turns away before any document is read: a path or method it does not serve, a
 * format it cannot make, a body of the wrong kind or size, missing credentials.
 */
final class RequestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind {
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        UNSUPPORTED_FORMAT,
        NOT_ACCEPTABLE,
        BODY_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        UNAUTHORIZED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final transient List<Problem> details;

    RequestError(Kind kind, String message, List<Problem> details) {
        super(message);
        this.kind = kind;
        this.details = List.copyOf(details);
    }

    RequestError(Kind kind, String message) {
        this(kind, message, List.of());
    }

    Kind kind() {
        return kind;
    }

    List<Problem> details() {
        return details;
    }
}
