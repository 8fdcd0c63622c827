package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Json;
import io.javalin.http.Context;

/** Writes a response body. */
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
}
