package cn.jixiao.forms.http;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.Requester;
import cn.jixiao.forms.Unavailable;
import cn.jixiao.forms.excel.ImportedWorkbook;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;

/**
 * {@code /api/v1/forms/…}: handlers that only translate between HTTP and the {@link FormService}. A form is
 * looked up once per request and handed to the service.
 */
final class FormRoutes {
    static final String BASE = "/api/v1/forms";
    /** What a request that reads a document may be refused for, besides what every API request may be. */
    static final List<Enum<?>> DOCUMENT_FAILURES = List.of(FormError.Kind.MALFORMED_JSON, FormError.Kind.UNKNOWN_FORM_TYPE,
            FormError.Kind.INVALID_DOCUMENT, FormError.Kind.LIMIT_EXCEEDED, RequestError.Kind.BAD_REQUEST,
            RequestError.Kind.INCOMPLETE_BODY, RequestError.Kind.REQUEST_TIMEOUT, RequestError.Kind.BODY_TOO_LARGE,
            RequestError.Kind.UNSUPPORTED_MEDIA_TYPE, Unavailable.Kind.OVERLOADED, Unavailable.Kind.RENDER_TIMEOUT);
    /** What rendering adds: a format the service cannot make. */
    static final List<Enum<?>> FORMAT_FAILURES = List.of(RequestError.Kind.UNSUPPORTED_FORMAT, RequestError.Kind.NOT_ACCEPTABLE);
    /** What reading a workbook adds: bytes that are none, or one of a refused kind. */
    static final List<Enum<?>> WORKBOOK_FAILURES = List.of(FormError.Kind.UNREADABLE_WORKBOOK, FormError.Kind.UNSUPPORTED_WORKBOOK);

    /** Warnings travel in a header: JSON with every non-ASCII character escaped. */
    private static final ObjectWriter ASCII_JSON = Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final int MAX_WARNINGS_HEADER = 4096;

    private final FormService service;
    private final Metrics metrics;
    private final int maxBodyBytes;

    FormRoutes(FormService service, Metrics metrics, int maxBodyBytes) {
        this.service = service;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", ctx -> Replies.json(ctx, 200, describe(form(ctx))));
        routes.get(BASE + "/{id}/schema", ctx -> Replies.bytes(ctx, 200, "application/schema+json; charset=utf-8",
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(form(ctx).schemaJson())));
        routes.get(BASE + "/{id}/example", ctx -> {
            RegisteredForm form = form(ctx);
            Replies.bytes(ctx, 200, Replies.JSON, form.example().orElseThrow(() -> new RequestError(RequestError.Kind.NOT_FOUND,
                    "「" + form.title() + "」没有示例：可在 templates/" + form.id() + "/example.json 放一份")));
        });
        routes.post(BASE + "/{id}/validate", this::validate);
        routes.post(BASE + "/{id}/render", this::render);
        routes.post(BASE + "/{id}/import", this::importWorkbook);
        routes.post(BASE + "/{id}/derive", this::derive);
        routes.get(BASE + "/{id}/template.xlsx", this::template);
    }

    private RegisteredForm form(Context ctx) {
        RegisteredForm form = service.form(ctx.pathParam("id"));
        ctx.attribute(RequestLog.FORM, form.id());
        return form;
    }

    private void list(Context ctx) {
        List<Map<String, Object>> forms = new ArrayList<>();
        for (RegisteredForm form : service.forms()) {
            forms.add(describe(form));
        }
        Replies.json(ctx, 200, Map.of("forms", forms));
    }

    private static Map<String, Object> describe(RegisteredForm form) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", form.id());
        entry.put("title", form.title());
        entry.put("description", form.description());
        String base = BASE + "/" + form.id();
        entry.put("links", Map.of("schema", base + "/schema", "example", base + "/example",
                "validate", base + "/validate", "render", base + "/render", "import", base + "/import",
                "template", base + "/template.xlsx", "derive", base + "/derive"));
        entry.put("derivableFrom", List.copyOf(form.derivableFrom()));
        return entry;
    }

    private void validate(Context ctx) {
        RegisteredForm form = form(ctx);
        RegisteredForm.Verdict verdict = service.validate(form, Negotiation.jsonBody(ctx, maxBodyBytes));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", verdict.valid());
        answer.put("errors", verdict.errors());
        answer.put("warnings", verdict.warnings());
        answer.put("truncated", verdict.truncated());
        answer.put("computed", verdict.computed());
        Replies.json(ctx, 200, answer);
    }

    /** A document of this form made from one of another ({@code ?from=}): what carries, and what is left to fill in. */
    private void derive(Context ctx) {
        RegisteredForm form = form(ctx);
        String from = ctx.queryParam("from");
        if (from == null || from.isBlank()) {
            throw new RequestError(RequestError.Kind.BAD_REQUEST, "缺少参数 from：要由哪张表生成，如 ?from=performance-target",
                    List.of(new Problem("from", "缺少参数 from")));
        }
        RegisteredForm source = service.form(from);
        RegisteredForm.Derived derived = service.derive(form, source, Negotiation.jsonBody(ctx, maxBodyBytes));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("document", derived.document());
        answer.put("warnings", derived.notes());
        Replies.json(ctx, 200, answer);
    }

    private void render(Context ctx) {
        RegisteredForm form = form(ctx);
        OutputFormat format = Negotiation.format(ctx);
        FormService.PdfExtras extras = Negotiation.pdfExtras(ctx, format);
        ctx.attribute(RequestLog.FORMAT, format.extension());
        byte[] body = Negotiation.jsonBody(ctx, maxBodyBytes);
        send(ctx, format, () -> service.render(form, body, format, extras));
    }

    /**
     * A workbook read into the document the other endpoints take, with its warnings and where each value came
     * from; with {@code ?format=} rendered straight away instead; with {@code ?anyForm=true} read as whichever
     * form it holds, this one unless another's columns are named more.
     */
    private void importWorkbook(Context ctx) {
        RegisteredForm form = form(ctx);
        OutputFormat format = ctx.queryParam("format") == null ? null : Negotiation.format(ctx);
        FormService.PdfExtras extras = Negotiation.pdfExtras(ctx, format);
        byte[] body = Negotiation.workbookBody(ctx, maxBodyBytes);
        boolean anyForm = "true".equals(ctx.queryParam("anyForm"));
        if (format == null) {
            ImportedWorkbook imported = Requester.whilePresent(ClientPresence.of(ctx),
                    () -> anyForm ? service.importAnyWorkbook(form, body) : service.importWorkbook(form, body));
            Replies.json(ctx, 200, answer(imported));
            return;
        }
        ctx.attribute(RequestLog.FORMAT, format.extension());
        send(ctx, format, () -> service.renderWorkbook(form, body, anyForm, format, extras));
    }

    /** What an import answers: the document, its problems at their cells, where each value came from, the columns read and not. */
    static Map<String, Object> answer(ImportedWorkbook imported) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("form", imported.form());
        answer.put("document", imported.document());
        answer.put("errors", imported.errors());
        if (!imported.errorsLeftOut().isEmpty()) {
            answer.put("errorsLeftOut", imported.errorsLeftOut());
        }
        answer.put("warnings", imported.warnings());
        answer.put("sources", imported.sources());
        answer.put("columns", imported.columns());
        answer.put("unread", imported.unread());
        return answer;
    }

    private void template(Context ctx) {
        RegisteredForm form = form(ctx);
        FormService.RenderedFile file = service.template(form);
        ctx.header("Content-Disposition", ContentDisposition.attachment(file.fileName(), form.id() + "-template.xlsx"));
        Replies.bytes(ctx, 200, OutputFormat.XLSX.mediaType(), file.bytes());
        ctx.res().setCharacterEncoding(null);
    }

    /** Renders, counting the time in the metrics under the form of the file, and sends it with its name and warnings. */
    private void send(Context ctx, OutputFormat format, Supplier<FormService.RenderedFile> render) {
        long started = System.nanoTime();
        FormService.RenderedFile file = Requester.whilePresent(ClientPresence.of(ctx), render);
        metrics.rendered(file.form(), format.extension(), System.nanoTime() - started);
        ctx.header("Content-Disposition", ContentDisposition.attachment(file.fileName(), file.form() + "." + format.extension()));
        ctx.header("X-Warning-Count", Integer.toString(file.warnings().size()));
        if (!file.warnings().isEmpty()) {
            ctx.header("X-Warnings", warningsHeader(file.warnings()));
        }
        Replies.bytes(ctx, 200, format.mediaType(), file.bytes());
        ctx.res().setCharacterEncoding(null);
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
}
