package cn.jixiao.forms.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
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
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Replies.JSON);
        fields.put("X-Request-Id", java.util.UUID.randomUUID().toString());
        return ByteBuffer.wrap(ErrorResponses.serverError(status));
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
        response.getHeaders().put("X-Request-Id", RequestLog.idOf(request));
        response.write(true, ByteBuffer.wrap(ErrorResponses.serverError(status)), callback);
    }
}
