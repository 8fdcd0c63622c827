package cn.jixiao.forms.http;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the server answers for the failures that never reach a route — a request line or header it cannot
 * parse, an over-long URI, an error thrown past every handler (out of memory included): the same JSON error
 * model as every other answer, from {@link ErrorResponses}, with {@code X-Request-Id}; never an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    static final String NO_VERSION = "请求行格式错误：缺少 HTTP 版本，或版本不受支持；请用 HTTP/1.1";

    /** Every method gets the JSON body, not only GET, POST and HEAD (Jetty's default): OPTIONS, PUT, DELETE … too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        // Jetty says 505 for a request line without a version (GET /healthz) or with one it does not know: the
        // client's mistake, so a 4xx.
        int answered = status == 505 ? 400 : status;
        response.setStatus(answered);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
        response.getHeaders().put("X-Request-Id", RequestLog.idOf(request));
        response.write(true, ByteBuffer.wrap(status == 505 ? ErrorResponses.body(RequestError.Kind.BAD_REQUEST.code(),
                NO_VERSION, List.of()) : ErrorResponses.serverError(answered)), callback);
    }
}
