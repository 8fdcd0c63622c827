package cn.jixiao.forms.http;

import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService;
import cn.jixiao.forms.RenderQueue;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.TemplateFailure;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;

/**
 * The HTTP API, version 1. Handlers only translate between HTTP and the {@link FormService}; every
 * failure is a {@link FormError}, turned into a status and a JSON body in {@link ErrorResponses}.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    /** Warnings travel in a header: JSON with every non-ASCII character escaped. */
    private static final ObjectWriter ASCII_JSON = Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final int MAX_WARNINGS_HEADER = 4096;

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Scripts and styles only from this origin; the PDF preview is a blob: frame; no plug-ins, no framing. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final FormService service;
    private final RenderQueue queue;
    private final Metrics metrics;
    private final Config config;
    private final OpenApi openApi;
    private final BooleanSupplier ready;
    /** API requests between arriving and their access-log line, which is written after the response. */
    private final java.util.concurrent.atomic.AtomicInteger activeRequests = new java.util.concurrent.atomic.AtomicInteger();

    public HttpApi(FormService service, RenderQueue queue, Metrics metrics, Config config, BooleanSupplier ready) {
        this.service = service;
        this.queue = queue;
        this.metrics = metrics;
        this.config = config;
        this.openApi = new OpenApi(service.registry());
        this.ready = ready;
    }

    /** Creates the server (not started). */
    public Javalin create() {
        int maxBodyBytes = config.limits().bodyBytes();
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = maxBodyBytes;
            javalin.http.defaultContentType = JSON;
            if (!config.corsOrigins().isEmpty()) {
                javalin.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    if (config.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(config.corsOrigins().get(0),
                                config.corsOrigins().subList(1, config.corsOrigins().size()).toArray(String[]::new));
                    }
                    for (String header : List.of("Content-Disposition", "X-Warnings", "X-Warning-Count", "X-Request-Id")) {
                        rule.exposeHeader(header);
                    }
                }));
            }
            javalin.requestLogger.http(this::log);
            // The staff page: bundled HTML, CSS and script, nothing from outside, no inline script.
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of(
                        "Content-Security-Policy", PAGE_POLICY,
                        "X-Content-Type-Options", "nosniff",
                        "Referrer-Policy", "no-referrer",
                        "Cache-Control", "no-cache");
            });
            javalin.routes.before(this::identify);
            javalin.routes.before("/api/*", ctx -> {
                ctx.attribute(COUNTED, Boolean.TRUE);
                activeRequests.incrementAndGet();
            });
            javalin.routes.before("/api/*", this::authenticate);
            javalin.jetty.modifyServer(server -> server.setStopTimeout(5_000));
            javalin.routes.get("/healthz", this::health);
            javalin.routes.get("/metrics", ctx -> {
                byte[] text = metrics.scrape();
                ctx.status(200).contentType(metrics.contentType());
                ctx.attribute(BYTES, text.length);
                ctx.result(text);
            });
            javalin.routes.get("/openapi.json", ctx -> json(ctx, 200, openApi.document()));
            javalin.routes.get("/api/v1/forms", this::listForms);
            javalin.routes.get("/api/v1/forms/{id}", ctx -> json(ctx, 200, describe(form(ctx))));
            javalin.routes.get("/api/v1/forms/{id}/schema", ctx -> {
                ctx.status(200).contentType("application/schema+json; charset=utf-8")
                        .result(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(form(ctx).schemaJson()));
            });
            javalin.routes.get("/api/v1/forms/{id}/example", ctx ->
                    ctx.status(200).contentType(JSON).result(form(ctx).example()));
            javalin.routes.post("/api/v1/forms/{id}/validate", this::validate);
            javalin.routes.post("/api/v1/forms/{id}/render", this::render);

            javalin.routes.exception(FormError.class, this::error);
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> {
                FormError.Kind kind = e.getStatus() == 413 ? FormError.Kind.BODY_TOO_LARGE : FormError.Kind.NOT_FOUND;
                String message = e.getStatus() == 413 ? "请求体过大：最多 " + maxBodyBytes + " 字节" : e.getMessage();
                error(new FormError(kind, message), ctx);
            });
            javalin.routes.exception(TemplateFailure.class, (e, ctx) -> {
                // Only in development mode can a broken layout reach a request: at start-up it stops the service.
                LOG.error("broken template: {}", e.getMessage());
                metrics.rejected("template_error");
                json(ctx, 500, ErrorResponses.body("template_error", "模板有误：" + e.getMessage(), List.of()));
            });
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), ctx.attribute(ID), e);
                metrics.rejected("internal_error");
                json(ctx, 500, ErrorResponses.body("internal_error", "服务内部错误，已记录（请求编号 " + ctx.attribute(ID) + "）", List.of()));
            });
            javalin.routes.error(404, ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith("application/json")) {
                    metrics.rejected("not_found");
                    json(ctx, 404, ErrorResponses.body("not_found", "没有这个地址：" + ctx.path(), List.of()));
                }
            });
            javalin.routes.error(405, ctx -> {
                metrics.rejected("method_not_allowed");
                json(ctx, 405, ErrorResponses.body("method_not_allowed", "此地址不支持 " + ctx.method(), List.of()));
            });
        });
    }

    private static final String ID = "request-id";
    private static final String BYTES = "response-bytes";
    private static final String FORMAT = "format";
    private static final String COUNTED = "counted";

    /** Every response names its request, so that a client's report and the log line meet. */
    private void identify(Context ctx) {
        String given = ctx.header("X-Request-Id");
        String id = given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ID, id);
        ctx.header("X-Request-Id", id);
    }

    private void authenticate(Context ctx) {
        if (config.apiToken().isEmpty() || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        String header = ctx.header("Authorization");
        byte[] expected = ("Bearer " + config.apiToken()).getBytes(StandardCharsets.UTF_8);
        byte[] given = header == null ? new byte[0] : header.trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"jixiao-forms\"");
            throw new FormError(FormError.Kind.UNAUTHORIZED, "需要有效的访问令牌：Authorization: Bearer <token>");
        }
    }

    /** Waits until every API request has been answered, at most {@code grace}. */
    public boolean awaitIdle(java.time.Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (activeRequests.get() > 0) {
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

    /** One structured line per request; never the document's content. */
    private void log(Context ctx, Float millis) {
        if (ctx.attribute(COUNTED) != null) {
            activeRequests.decrementAndGet();
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

    private void health(Context ctx) {
        boolean isReady = ready.getAsBoolean();
        json(ctx, isReady ? 200 : 503, Map.of("status", isReady ? "ready" : "starting"));
    }

    private void listForms(Context ctx) {
        List<Map<String, Object>> forms = new ArrayList<>();
        for (RegisteredForm<?> form : service.registry().all()) {
            forms.add(describe(form));
        }
        json(ctx, 200, Map.of("forms", forms));
    }

    private static Map<String, Object> describe(RegisteredForm<?> form) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", form.id());
        entry.put("title", form.type().title());
        entry.put("description", form.type().description());
        String base = "/api/v1/forms/" + form.id();
        entry.put("links", Map.of("schema", base + "/schema", "example", base + "/example",
                "validate", base + "/validate", "render", base + "/render"));
        return entry;
    }

    private RegisteredForm<?> form(Context ctx) {
        return service.registry().get(ctx.pathParam("id"));
    }

    private void validate(Context ctx) {
        RegisteredForm<?> form = form(ctx);
        requireJson(ctx);
        byte[] body = ctx.bodyAsBytes();
        RegisteredForm.Verdict verdict = queue.run(() -> form.verdict(body));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", verdict.valid());
        answer.put("errors", verdict.errors());
        answer.put("warnings", verdict.warnings());
        json(ctx, 200, answer);
    }

    private void render(Context ctx) {
        RegisteredForm<?> form = form(ctx);
        OutputFormat format = negotiate(ctx);
        ctx.attribute(FORMAT, format.extension());
        requireJson(ctx);
        byte[] body = ctx.bodyAsBytes();
        long started = System.nanoTime();
        FormService.RenderedFile file = queue.run(() -> service.render(form.id(), body, format));
        metrics.rendered(form.id(), format.extension(), System.nanoTime() - started);
        ctx.status(200);
        ctx.res().setContentType(format.mediaType());
        ctx.res().setCharacterEncoding(null);
        ctx.header("Content-Disposition", ContentDisposition.attachment(file.fileName(), form.id() + "." + format.extension()));
        ctx.header("X-Warning-Count", Integer.toString(file.warnings().size()));
        if (!file.warnings().isEmpty()) {
            ctx.header("X-Warnings", warningsHeader(file.warnings()));
        }
        ctx.attribute(BYTES, file.bytes().length);
        ctx.result(file.bytes());
    }

    /** As many warnings as fit in 4 KiB of header; X-Warning-Count has them all, /validate lists them all. */
    static String warningsHeader(List<Problem> warnings) {
        List<Problem> shown = new ArrayList<>();
        String header = "[]";
        for (Problem warning : warnings) {
            shown.add(warning);
            String candidate = ASCII_JSON.writeValueAsString(shown);
            if (candidate.length() > MAX_WARNINGS_HEADER) {
                break;
            }
            header = candidate;
        }
        return header;
    }

    /** {@code ?format=} wins; otherwise {@code Accept}; PDF when the client does not say. */
    static OutputFormat negotiate(Context ctx) {
        String requested = ctx.queryParam("format");
        if (requested != null) {
            return OutputFormat.byName(requested.trim()).orElseThrow(() -> new FormError(FormError.Kind.UNSUPPORTED_FORMAT,
                    "不支持的格式：" + requested + "；可用：pdf、docx",
                    List.of(new Problem("format", "应为 pdf 或 docx"))));
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return OutputFormat.PDF;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (refused(parts)) {
                continue;
            }
            String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
            if (mediaType.equals("*/*") || mediaType.equals("application/*")) {
                return OutputFormat.PDF;
            }
            Optional<OutputFormat> format = OutputFormat.byMediaType(mediaType);
            if (format.isPresent()) {
                return format.get();
            }
        }
        throw new FormError(FormError.Kind.NOT_ACCEPTABLE, "无法提供 Accept 所要求的格式：" + accept
                + "；可用：" + OutputFormat.PDF.mediaType() + "、" + OutputFormat.DOCX.mediaType());
    }

    /** A media range with q=0 says the client does not want it. */
    private static boolean refused(String[] rangeAndParameters) {
        for (int i = 1; i < rangeAndParameters.length; i++) {
            String[] parameter = rangeAndParameters[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(parameter[1].trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** A body must be JSON; a request that does not say what it is, is read as JSON. */
    private static void requireJson(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new FormError(FormError.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "请求体应为 JSON（Content-Type: application/json），收到的是 " + mediaType);
        }
    }

    private void error(FormError error, Context ctx) {
        int status = ErrorResponses.status(error.kind());
        metrics.rejected(error.code());
        if (status == 503) {
            ctx.header("Retry-After", Long.toString(Math.max(1, config.queueWait().toSeconds())));
        }
        json(ctx, status, ErrorResponses.body(error));
    }

    static void json(Context ctx, int status, Object body) {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        ctx.attribute(BYTES, bytes.length);
        ctx.status(status).contentType(JSON).result(bytes);
    }
}
