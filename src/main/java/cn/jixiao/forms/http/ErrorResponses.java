package cn.jixiao.forms.http;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place where a {@link FormError} becomes an HTTP status and a JSON body. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static int status(FormError.Kind kind) {
        return switch (kind) {
            case MALFORMED_JSON, UNSUPPORTED_FORMAT -> 400;
            case UNAUTHORIZED -> 401;
            case UNKNOWN_FORM_TYPE, NOT_FOUND -> 404;
            case NOT_ACCEPTABLE -> 406;
            case BODY_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case INVALID_DOCUMENT, LIMIT_EXCEEDED -> 422;
            case OVERLOADED, RENDER_TIMEOUT -> 503;
        };
    }

    static Map<String, Object> body(String code, String message, List<Problem> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return Map.of("error", error);
    }

    static Map<String, Object> body(FormError error) {
        return body(error.code(), error.getMessage(), error.details());
    }
}
