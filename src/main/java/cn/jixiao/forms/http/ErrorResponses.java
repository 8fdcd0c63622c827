package cn.jixiao.forms.http;

import cn.jixiao.forms.Requester;
import cn.jixiao.forms.Unavailable;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.rules.FormDefinitionError;
import cn.jixiao.forms.render.TemplateFailure;
import io.javalin.config.RouterConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an HTTP status and a JSON body
 * {@code {"error": {"code", "message", "details": [{"path", "message"}]}}}: the document's faults
 * ({@link FormError}), the request's ({@link RequestError}), the service's lack of room ({@link Unavailable}),
 * a broken layout (development mode only) and the service's own defects.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    static final String TEMPLATE_ERROR = "template_error";
    static final String INTERNAL_ERROR = "internal_error";
    /** Counted, never sent: nobody is there to read it. */
    static final String CLIENT_GONE = "client_gone";

    /** How long the rest of a refused body is read at most: 5 s take a 32 MiB batch at 50 Mbit/s. */
    private static final Duration DRAIN_TIME = Duration.ofSeconds(5);

    private final Metrics metrics;
    private final long retryAfterSeconds;
    private final int maxBodyBytes;

    ErrorResponses(Metrics metrics, long retryAfterSeconds, int maxBodyBytes) {
        this.metrics = metrics;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        this.maxBodyBytes = maxBodyBytes;
    }

    static int status(FormError.Kind kind) {
        return switch (kind) {
            case MALFORMED_JSON, UNREADABLE_WORKBOOK -> 400;
            case UNKNOWN_FORM_TYPE, NOT_DERIVABLE -> 404;
            case INVALID_DOCUMENT, LIMIT_EXCEEDED, UNSUPPORTED_WORKBOOK -> 422;
        };
    }

    static int status(RequestError.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST, INCOMPLETE_BODY, UNSUPPORTED_FORMAT -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case REQUEST_TIMEOUT -> 408;
            case BODY_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case HEADERS_TOO_LARGE -> 431;
        };
    }

    /**
     * The answer to a failure the server met before any route did (a request it could not parse, an error
     * thrown past every handler): its status and JSON body.
     */
    static byte[] serverError(int status) {
        RequestError.Kind kind = switch (status) {
            case 404 -> RequestError.Kind.NOT_FOUND;
            case 405 -> RequestError.Kind.METHOD_NOT_ALLOWED;
            case 408 -> RequestError.Kind.REQUEST_TIMEOUT;
            case 413 -> RequestError.Kind.BODY_TOO_LARGE;
            case 414 -> RequestError.Kind.URI_TOO_LONG;
            case 431 -> RequestError.Kind.HEADERS_TOO_LARGE;
            default -> status < 500 ? RequestError.Kind.BAD_REQUEST : null;
        };
        if (kind == null) {
            return body(status == 503 ? Unavailable.Kind.OVERLOADED.code() : INTERNAL_ERROR,
                    status == 503 ? "服务繁忙，请稍后重试" : "服务内部错误，已记录", List.of());
        }
        return body(kind.code(), RequestError.message(kind), List.of());
    }

    static int status(Unavailable.Kind kind) {
        return switch (kind) {
            case OVERLOADED, RENDER_TIMEOUT -> 503;
        };
    }

    /** The status of an error kind of any of the three families. */
    static int status(Enum<?> kind) {
        if (kind instanceof FormError.Kind form) {
            return status(form);
        }
        if (kind instanceof RequestError.Kind request) {
            return status(request);
        }
        return status((Unavailable.Kind) kind);
    }

    /** Errors thrown past the handlers (out of memory, a stack overflow): logged, answered in JSON, never an empty 500. */
    void register(RouterConfig router) {
        router.javaLangErrorHandler((response, error) -> {
            LOG.error("serious failure while answering a request", error);
            metrics.rejected(INTERNAL_ERROR);
            try {
                response.setStatus(500);
                response.setContentType(Replies.JSON);
                response.getOutputStream().write(body(INTERNAL_ERROR, "服务内部错误，已记录", List.of()));
            } catch (IOException | RuntimeException unanswerable) {
                LOG.debug("could not answer after {}", error.toString(), unanswerable);
            }
        });
    }

    void register(RoutesConfig routes) {
        routes.exception(FormError.class, (e, ctx) -> send(ctx, status(e.kind()), e.code(), e.getMessage(), e.details()));
        routes.exception(RequestError.class, (e, ctx) -> send(ctx, status(e.kind()), e.kind().code(), e.getMessage(), e.details()));
        routes.exception(Unavailable.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds));
            send(ctx, status(e.kind()), e.kind().code(), e.getMessage(), List.of());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            // Javalin's own refusals: a body beyond maxRequestSize, a path it has no route for, a method the path does not take.
            RequestError error = switch (e.getStatus()) {
                case 413 -> new RequestError(RequestError.Kind.BODY_TOO_LARGE, "请求体过大：最多 " + maxBodyBytes + " 字节");
                case 405 -> new RequestError(RequestError.Kind.METHOD_NOT_ALLOWED, "此地址不支持 " + ctx.method().name()
                        + " 请求" + allowed(e.getDetails()));
                default -> new RequestError(RequestError.Kind.NOT_FOUND, "没有这个地址：" + ctx.method().name() + " " + ctx.path());
            };
            if (e.getStatus() == 405 && e.getDetails().containsKey("availableMethods")) {
                ctx.header("Allow", e.getDetails().get("availableMethods").replaceAll("[\\[\\]]", ""));
            }
            send(ctx, status(error.kind()), error.kind().code(), error.getMessage(), List.of());
        });
        routes.exception(Requester.Gone.class, (e, ctx) -> {
            LOG.info("render abandoned on {} {} (request {}): its client went away", ctx.method(), ctx.path(), ctx.attribute(RequestLog.ID));
            metrics.rejected(CLIENT_GONE);
            Replies.abort(ctx, e);
        });
        routes.exception(TemplateFailure.class, (e, ctx) -> {
            // Only in development mode can a broken layout reach a request: at start-up it stops the service.
            LOG.error("broken template: {}", e.getMessage());
            send(ctx, 500, TEMPLATE_ERROR, "模板有误：" + e.getMessage(), List.of());
        });
        routes.exception(FormDefinitionError.class, (e, ctx) -> {
            // Likewise a form's folder changed into one that cannot be served.
            LOG.error("broken form folder: {}", e.getMessage());
            send(ctx, 500, TEMPLATE_ERROR, "表的定义有误：" + e.getMessage(), List.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), ctx.attribute(RequestLog.ID), e);
            send(ctx, 500, INTERNAL_ERROR, "服务内部错误，已记录（请求编号 " + ctx.attribute(RequestLog.ID) + "）", List.of());
        });
        routes.error(404, ctx -> {
            String contentType = ctx.res().getContentType();
            if (contentType == null || !contentType.startsWith("application/json")) {
                send(ctx, 404, RequestError.Kind.NOT_FOUND.code(), "没有这个地址：" + ctx.path(), List.of());
            }
        });
    }

    private static String allowed(Map<String, String> details) {
        String methods = details.get("availableMethods");
        return methods == null ? "" : "；可用：" + methods.replaceAll("[\\[\\]]", "");
    }

    private void send(Context ctx, int status, String code, String message, List<Problem> details) {
        metrics.rejected(code);
        finishReading(ctx, status);
        Replies.bytes(ctx, status, Replies.JSON, body(code, message, details));
    }

    /**
     * A request refused before its body was read to its end (a bad parameter, a missing token, a body over its
     * route's limit) has the rest read and dropped first, up to the largest body any route accepts: closing a
     * connection with unread bytes makes TCP reset it, and the reset can destroy the answer before the client
     * reads it. Reading takes at most a few seconds. A larger or slower body, one that timed out, and one whose
     * client waits for {@code 100 Continue} (it has sent nothing yet) end the connection instead.
     */
    private void finishReading(Context ctx, int status) {
        long length = ctx.req().getContentLengthLong();
        if (length == 0 || ctx.req().getMethod().equals("GET")) {
            return;
        }
        if (waitsToSend(ctx) && ctx.attribute(Negotiation.BODY_READ) == null) { // asking for the body would send 100 Continue
            ctx.header("Connection", "close");
            return;
        }
        try {
            ServletInputStream in = ctx.req().getInputStream();
            if (in.isFinished()) {
                return;
            }
            if (status != 408 && length <= maxBodyBytes && drained(in)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            // read already, the client is gone, or its body comes too slowly (Jetty's 408): read no more of it
        }
        ctx.header("Connection", "close");
    }

    private static boolean waitsToSend(Context ctx) {
        String expect = ctx.header("Expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    /**
     * Reads and drops what is left of a body; false when more than the largest acceptable body is left, or it has
     * not ended within {@link #DRAIN_TIME} (a client sending slowly, at the minimum rate, would otherwise hold the
     * thread for as long as the body takes).
     */
    private boolean drained(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = maxBodyBytes + 1L;
        long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
        for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
            left -= n;
            if (left == 0 || System.nanoTime() > deadline) {
                return false;
            }
        }
        return true;
    }

    static byte[] body(String code, String message, List<Problem> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return Json.MAPPER.writeValueAsBytes(Map.of("error", error));
    }
}
