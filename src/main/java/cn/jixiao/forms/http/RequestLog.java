package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Around every request, at the server's edge: names it (its {@code X-Request-Id}, or a new one), counts the
 * API requests not yet finished (so that shutting down can wait for them), and writes one structured line on
 * the {@code access} logger when it has finished — answered, failed, or abandoned by a client that hung up.
 * Never the document's content.
 */
final class RequestLog extends Handler.Wrapper {
    static final String ID = "request-id";
    static final String FORM = "form";
    static final String FORMAT = "format";
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final AtomicInteger active = new AtomicInteger();

    /** The request's id: the client's own when it is a sane token, else a new one. */
    static String idOf(Request request) {
        Object known = request.getAttribute(ID);
        if (known instanceof String id) {
            return id;
        }
        String given = request.getHeaders().get("X-Request-Id");
        return given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        String id = idOf(request);
        request.setAttribute(ID, id);
        response.getHeaders().put("X-Request-Id", id);
        boolean counted = Request.getPathInContext(request).startsWith("/api/");
        if (counted) {
            active.incrementAndGet();
        }
        AtomicBoolean logged = new AtomicBoolean();
        Runnable answered = () -> done(request, response, started, counted, false, logged);
        Runnable abandoned = () -> done(request, response, started, counted, true, logged);
        Callback finished = new Callback() {
            @Override
            public void succeeded() {
                answered.run();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                abandoned.run();
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        try {
            if (super.handle(request, response, finished)) {
                return true;
            }
        } catch (Exception | Error e) {
            abandoned.run();
            throw e;
        }
        answered.run();
        return false;
    }

    private void done(Request request, Response response, long started, boolean counted, boolean aborted, AtomicBoolean once) {
        if (!once.compareAndSet(false, true)) {
            return;
        }
        if (counted) {
            active.decrementAndGet();
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", request.getAttribute(ID));
        line.put("method", request.getMethod());
        line.put("path", Request.getPathInContext(request));
        putIfPresent(line, FORM, request.getAttribute(FORM));
        putIfPresent(line, FORMAT, request.getAttribute(FORMAT));
        line.put("status", response.getStatus());
        line.put("ms", Math.round((System.nanoTime() - started) / 100_000.0) / 10.0);
        line.put("bytes", Response.getContentBytesWritten(response));
        if (aborted) {
            line.put("aborted", true);
        }
        ACCESS.info(Json.MAPPER.writeValueAsString(line));
    }

    private static void putIfPresent(Map<String, Object> line, String key, Object value) {
        if (value != null) {
            line.put(key, value);
        }
    }

    int inFlight() {
        return active.get();
    }

    /** Waits until every counted request has finished, at most {@code grace}. */
    boolean awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (active.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
