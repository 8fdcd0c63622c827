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
        BAD_REQUEST,
        INCOMPLETE_BODY,
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        UNSUPPORTED_FORMAT,
        NOT_ACCEPTABLE,
        REQUEST_TIMEOUT,
        BODY_TOO_LARGE,
        URI_TOO_LONG,
        UNSUPPORTED_MEDIA_TYPE,
        HEADERS_TOO_LARGE,
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

    /** What a kind means, for a failure that carries no message of its own. */
    static String message(Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> "请求格式错误";
            case INCOMPLETE_BODY -> "请求体不完整：连接在发送途中中断";
            case NOT_FOUND -> "没有这个地址";
            case METHOD_NOT_ALLOWED -> "此地址不支持这种请求方法";
            case UNSUPPORTED_FORMAT -> "不支持的格式";
            case NOT_ACCEPTABLE -> "无法提供所要求的格式";
            case REQUEST_TIMEOUT -> "请求超时：请求体发送过慢";
            case BODY_TOO_LARGE -> "请求体过大";
            case URI_TOO_LONG -> "地址过长";
            case UNSUPPORTED_MEDIA_TYPE -> "请求体类型不受支持";
            case HEADERS_TOO_LARGE -> "请求头过大";
            case UNAUTHORIZED -> "需要有效的访问令牌";
        };
    }

    Kind kind() {
        return kind;
    }

    List<Problem> details() {
        return details;
    }
}
