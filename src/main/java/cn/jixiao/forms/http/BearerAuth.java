package cn.jixiao.forms.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * When a token is configured, {@code /api/} answers only requests that carry it as
 * {@code Authorization: Bearer <token>} (the scheme in any case, as HTTP has it); compared in constant time.
 */
final class BearerAuth {
    private final byte[] expected;

    /** @param token the configured token; empty: no authentication */
    BearerAuth(String token) {
        this.expected = token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return expected != null;
    }

    void check(Context ctx) {
        if (expected == null || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String header = ctx.header("Authorization");
        String credentials = header == null ? "" : header.trim();
        int space = credentials.indexOf(' ');
        boolean bearer = space > 0 && credentials.substring(0, space).equalsIgnoreCase("Bearer");
        byte[] given = bearer ? credentials.substring(space + 1).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(expected, given) || !bearer) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"jixiao-forms\"");
            throw new RequestError(RequestError.Kind.UNAUTHORIZED, "需要有效的访问令牌：Authorization: Bearer <token>");
        }
    }
}
