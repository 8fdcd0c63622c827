package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Json;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names every request, counts the API requests not yet answered (so that shutting down can wait for them),
 * and writes one structured line per request on the {@code access} logger — never the document's content.
 */
final class RequestLog {
    static final String ID = "request-id";
    static final String BYTES = "response-bytes";
    static final String FORMAT = "format";
    private static final String COUNTED = "counted";
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** API requests between arriving and their access-log line, which is written after the response. */
    private final AtomicInteger active = new AtomicInteger();

    /** Every response names its request, so that a client's report and the log line meet. */
    void identify(Context ctx) {
        String given = ctx.header("X-Request-Id");
        String id = given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ID, id);
        ctx.header("X-Request-Id", id);
    }

    void count(Context ctx) {
        ctx.attribute(COUNTED, Boolean.TRUE);
        active.incrementAndGet();
    }

    /** Waits until every counted request has been answered, at most {@code grace}. */
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

    void log(Context ctx, Float millis) {
        if (ctx.attribute(COUNTED) != null) {
            active.decrementAndGet();
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", ctx.attribute(ID));
        line.put("method", ctx.method().name());
        line.put("path", ctx.path());
        String form = ctx.pathParamMap().get("id");
        if (form != null) {
            line.put("form", form);
        }
        Object format = ctx.attribute(FORMAT);
        if (format != null) {
            line.put("format", format);
        }
        line.put("status", ctx.statusCode());
        line.put("ms", Math.round(millis * 10) / 10.0);
        Object bytes = ctx.attribute(BYTES);
        line.put("bytes", bytes == null ? 0 : bytes);
        ACCESS.info(Json.MAPPER.writeValueAsString(line));
    }
}
