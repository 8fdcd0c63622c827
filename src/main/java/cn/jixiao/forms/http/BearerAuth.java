package cn.jixiao.forms.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** When a token is configured, {@code /api/} answers only requests that carry it; compared in constant time. */
final class BearerAuth {
    private final byte[] expected;

    /** @param token the configured token; empty: no authentication */
    BearerAuth(String token) {
        this.expected = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return expected != null;
    }

    void check(Context ctx) {
        if (expected == null || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String header = ctx.header("Authorization");
        byte[] given = header == null ? new byte[0] : header.trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"jixiao-forms\"");
            throw new RequestError(RequestError.Kind.UNAUTHORIZED, "需要有效的访问令牌：Authorization: Bearer <token>");
        }
    }
}
