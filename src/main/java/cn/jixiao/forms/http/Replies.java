package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Json;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Writes a response body, or aborts one. */
final class Replies {
    static final String JSON = "application/json; charset=utf-8";

    private Replies() {
    }

    static void json(Context ctx, int status, Object body) {
        bytes(ctx, status, JSON, Json.MAPPER.writeValueAsBytes(body));
    }

    static void bytes(Context ctx, int status, String contentType, byte[] bytes) {
        ctx.status(status).contentType(contentType).result(bytes);
    }

    /** Ends the answer without ending it well: the connection closes with the answer incomplete, whatever was sent. */
    static void abort(Context ctx, Throwable cause) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint().close(cause);
    }
}
