package cn.jixiao.forms.http;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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

    private final FormService service;
    private final OpenApi openApi;
    private final BooleanSupplier ready;

    public HttpApi(FormService service, BooleanSupplier ready) {
        this.service = service;
        this.openApi = new OpenApi(service.registry());
        this.ready = ready;
    }

    /** Creates the server (not started). */
    public Javalin create(int maxBodyBytes) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.http.defaultContentType = JSON;
            config.routes.get("/healthz", this::health);
            config.routes.get("/openapi.json", ctx -> json(ctx, 200, openApi.document()));
            config.routes.get("/api/v1/forms", this::listForms);
            config.routes.get("/api/v1/forms/{id}", ctx -> json(ctx, 200, describe(form(ctx))));
            config.routes.get("/api/v1/forms/{id}/schema", ctx -> {
                ctx.status(200).contentType("application/schema+json; charset=utf-8")
                        .result(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(form(ctx).schemaJson()));
            });
            config.routes.get("/api/v1/forms/{id}/example", ctx ->
                    ctx.status(200).contentType(JSON).result(form(ctx).example()));
            config.routes.post("/api/v1/forms/{id}/validate", this::validate);
            config.routes.post("/api/v1/forms/{id}/render", this::render);

            config.routes.exception(FormError.class, (error, ctx) -> error(ctx, error));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                FormError.Kind kind = e.getStatus() == 413 ? FormError.Kind.BODY_TOO_LARGE : FormError.Kind.NOT_FOUND;
                String message = e.getStatus() == 413 ? "请求体过大：最多 " + maxBodyBytes + " 字节" : e.getMessage();
                error(ctx, new FormError(kind, message));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                json(ctx, 500, ErrorResponses.body("internal_error", "服务内部错误，已记录", List.of()));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.res().getContentType().startsWith("application/json")) {
                    json(ctx, 404, ErrorResponses.body("not_found", "没有这个地址：" + ctx.path(), List.of()));
                }
            });
            config.routes.error(405, ctx -> json(ctx, 405,
                    ErrorResponses.body("method_not_allowed", "此地址不支持 " + ctx.method(), List.of())));
        });
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
        RegisteredForm.Verdict verdict = form.verdict(ctx.bodyAsBytes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", verdict.valid());
        body.put("errors", verdict.errors());
        body.put("warnings", verdict.warnings());
        json(ctx, 200, body);
    }

    private void render(Context ctx) {
        RegisteredForm<?> form = form(ctx);
        OutputFormat format = negotiate(ctx);
        requireJson(ctx);
        FormService.RenderedFile file = service.render(form.id(), ctx.bodyAsBytes(), format);
        ctx.status(200);
        ctx.res().setContentType(format.mediaType());
        ctx.res().setCharacterEncoding(null);
        ctx.header("Content-Disposition", ContentDisposition.attachment(file.fileName(), form.id() + "." + format.extension()));
        ctx.header("X-Warning-Count", Integer.toString(file.warnings().size()));
        if (!file.warnings().isEmpty()) {
            ctx.header("X-Warnings", warningsHeader(file.warnings()));
        }
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
            String mediaType = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
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

    private static void error(Context ctx, FormError error) {
        json(ctx, ErrorResponses.status(error.kind()), ErrorResponses.body(error));
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(Json.MAPPER.writeValueAsBytes(body));
    }
}
