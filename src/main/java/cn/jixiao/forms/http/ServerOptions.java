package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Json;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code OPTIONS *}: what the server as a whole takes (RFC 9110, 9.3.7), answered here, as no route has the
 * path {@code *}: 200 with {@code Allow} and the same in JSON.
 */
final class ServerOptions extends Handler.Wrapper {
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS");
    private static final byte[] BODY = Json.MAPPER.writeValueAsBytes(Map.of("methods", METHODS));

    ServerOptions(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"OPTIONS".equals(request.getMethod()) || !"*".equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", METHODS));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
        response.write(true, ByteBuffer.wrap(BODY), callback);
        return true;
    }
}
