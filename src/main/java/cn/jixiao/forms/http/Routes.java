package cn.jixiao.forms.http;

import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The HTTP API, version 1, wired: which path goes to which handler, and what runs around every request
 * (its id, the token check, the access log). Failures become responses in {@link ErrorResponses}.
 */
public final class Routes {
    private final Config config;
    private final Metrics metrics;
    private final BooleanSupplier ready;
    private final RequestLog requests = new RequestLog();
    private final BearerAuth auth;
    private final FormRoutes forms;
    private final BatchRoutes batches;
    private final PageRoutes pages;
    private final ErrorResponses errors;
    private final OpenApi openApi;

    public Routes(FormService service, Metrics metrics, Config config, BooleanSupplier ready) {
        this.config = config;
        this.metrics = metrics;
        this.ready = ready;
        this.auth = new BearerAuth(config.apiToken());
        this.forms = new FormRoutes(service, metrics, config.limits().bodyBytes());
        this.batches = new BatchRoutes(service, config);
        this.pages = new PageRoutes(service, metrics, config.limits().bodyBytes());
        this.errors = new ErrorResponses(metrics, config.queueWait().toSeconds(),
                Math.max(config.limits().bodyBytes(), config.limits().batchBytes()));
        this.openApi = new OpenApi(service.forms(), auth.enabled());
    }

    /** Creates the server (not started). */
    public Javalin create() {
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            // The largest body any route takes; each route holds its own to its limit.
            javalin.http.maxRequestSize = Math.max(config.limits().bodyBytes(), config.limits().batchBytes());
            javalin.http.defaultContentType = Replies.JSON;
            javalin.http.prefer405over404 = true;
            javalin.jetty.modifyServer(server -> server.setStopTimeout(5_000));
            ConnectionLimits.apply(javalin, config.connections(), requests);
            CrossOrigin.configure(javalin, config.corsOrigins());
            StaffPage.configure(javalin);
            javalin.routes.before("/api/*", auth::check);
            javalin.routes.get("/healthz", this::health);
            javalin.routes.get("/metrics", ctx -> Replies.bytes(ctx, 200, metrics.contentType(), metrics.scrape()));
            javalin.routes.get("/openapi.json", ctx -> Replies.json(ctx, 200, openApi.document()));
            forms.register(javalin.routes);
            batches.register(javalin.routes);
            pages.register(javalin.routes);
            errors.register(javalin.routes);
            errors.register(javalin.router);
        });
    }

    /** API requests arrived and not yet finished. */
    public int requestsInFlight() {
        return requests.inFlight();
    }

    /** Waits until every API request has finished, at most {@code grace}. */
    public boolean awaitIdle(Duration grace) {
        return requests.awaitIdle(grace);
    }

    private void health(Context ctx) {
        boolean isReady = ready.getAsBoolean();
        Replies.json(ctx, isReady ? 200 : 503, Map.of("status", isReady ? "ready" : "starting"));
    }
}
