package cn.jixiao.forms.http;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.Unavailable;
import cn.jixiao.forms.batch.BatchFiles;
import cn.jixiao.forms.batch.BatchRequest;
import cn.jixiao.forms.batch.BoundBatch;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.OutputFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/batch}: a department's forms in one request, as a ZIP of files or one bound PDF. Every item
 * is checked before the first byte is sent (a bad one refuses the whole batch, 422, with paths into it); then the
 * answer streams, rendered one item at a time in a render slot like any single render, so that a batch holds at
 * most one slot and single renders keep their turn between its items. A client that goes away stops the work at
 * the next file.
 */
final class BatchRoutes {
    static final String PATH = "/api/v1/batch";
    private static final Logger LOG = LoggerFactory.getLogger(BatchRoutes.class);
    /** What a batch may be refused for before its answer starts. */
    static final List<Enum<?>> FAILURES = List.of(FormError.Kind.MALFORMED_JSON, FormError.Kind.INVALID_DOCUMENT,
            FormError.Kind.LIMIT_EXCEEDED, RequestError.Kind.UNSUPPORTED_FORMAT, RequestError.Kind.BAD_REQUEST,
            RequestError.Kind.INCOMPLETE_BODY, RequestError.Kind.REQUEST_TIMEOUT, RequestError.Kind.BODY_TOO_LARGE,
            RequestError.Kind.UNSUPPORTED_MEDIA_TYPE, Unavailable.Kind.OVERLOADED, Unavailable.Kind.RENDER_TIMEOUT);

    private final FormService service;
    private final int maxBytes;
    private final int maxItems;

    BatchRoutes(FormService service, int maxBytes, int maxItems) {
        this.service = service;
        this.maxBytes = maxBytes;
        this.maxItems = maxItems;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::batch);
    }

    private void batch(Context ctx) throws IOException {
        String format = query(ctx, "format", "zip");
        if (!format.equals("zip") && !format.equals("pdf")) {
            throw refused("format", "不支持的批量格式：" + format + "；可用：zip、pdf", "应为 zip 或 pdf");
        }
        Set<OutputFormat> include = include(ctx, format);
        FormService.PdfExtras extras = Negotiation.pdfExtras(ctx, OutputFormat.PDF);
        if (format.equals("pdf") && extras.signatureFields()) {
            throw refused("signatureFields", "合订的 PDF 不带签名域：请用 format=zip，每份文件各自带签名域", "只适用于 format=zip");
        }
        ctx.attribute(RequestLog.FORMAT, format);
        byte[] body = Negotiation.jsonBody(ctx, maxBytes);
        BatchRequest batch = BatchRequest.read(body, service, maxItems);
        String name = "批量-" + batch.items().size() + "份";
        ctx.status(200);
        ctx.header("Content-Disposition", ContentDisposition.attachment(name + "." + format, "batch." + format));
        ctx.header("X-Warning-Count", Integer.toString(batch.warnings().size()));
        if (!batch.warnings().isEmpty()) {
            ctx.header("X-Warnings", FormRoutes.warningsHeader(batch.warnings()));
        }
        ctx.res().setContentType(format.equals("zip") ? "application/zip" : OutputFormat.PDF.mediaType());
        ctx.res().setCharacterEncoding(null);
        ClientPresence present = new ClientPresence(ctx);
        OutputStream out = ctx.res().getOutputStream();
        try {
            if (format.equals("zip")) {
                new BatchFiles(service).write(batch, include, extras, out, present);
            } else {
                new BoundBatch(service).write(batch, extras, body, name, out, present);
            }
        } catch (RuntimeException broken) {
            // The status is sent: a client gone away, or a failure after it, can only cut the answer off, so that the
            // client sees an incomplete download rather than one that looks whole.
            LOG.info("batch of {} items cut off: {}", batch.items().size(), broken.toString());
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().close();
        }
    }

    private static Set<OutputFormat> include(Context ctx, String format) {
        String include = query(ctx, "include", null);
        if (include == null) {
            return EnumSet.of(OutputFormat.PDF, OutputFormat.DOCX);
        }
        if (format.equals("pdf")) {
            throw refused("include", "include 只适用于 format=zip", "只适用于 format=zip");
        }
        return switch (include) {
            case "pdf" -> EnumSet.of(OutputFormat.PDF);
            case "docx" -> EnumSet.of(OutputFormat.DOCX);
            case "xlsx" -> EnumSet.of(OutputFormat.XLSX);
            default -> throw refused("include", "不支持的 include：" + include + "；可用：pdf、docx、xlsx", "应为 pdf、docx 或 xlsx");
        };
    }

    private static String query(Context ctx, String name, String fallback) {
        String value = ctx.queryParam(name);
        return value == null ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    private static RequestError refused(String parameter, String message, String detail) {
        return new RequestError(RequestError.Kind.UNSUPPORTED_FORMAT, message, List.of(new Problem(parameter, detail)));
    }
}
