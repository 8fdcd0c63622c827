package cn.jixiao.forms.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Puts the request's id ({@link RequestLog}) into the log context of the thread that handles it, so that every
 * line logged for it names it; the render queue carries the context on to its own threads. Sits below the
 * per-client limit, which may hand a request to another thread.
 */
final class RequestIdInLog extends Handler.Wrapper {
    /** The key of the log context, printed by the log pattern. */
    static final String KEY = "request";

    RequestIdInLog(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        MDC.put(KEY, RequestLog.idOf(request));
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(KEY);
        }
    }
}
