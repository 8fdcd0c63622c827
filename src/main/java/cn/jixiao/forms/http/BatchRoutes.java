package cn.jixiao.forms.http;

import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService;
import cn.jixiao.forms.Unavailable;
import cn.jixiao.forms.batch.BatchCutOff;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/batch}: a department's forms in one request, as a ZIP of files or one bound PDF. Every item
 * is checked before the first byte is sent (a bad one refuses the whole batch, 422, with paths into it); then the
 * answer streams, rendered one item at a time in a render slot, each item waiting until no single render does, so
 * that a batch holds at most one slot and single renders go first. At most {@code JIXIAO_MAX_BATCHES} batches run
 * at once; one more waits up to the queue wait, then 503. A client that goes away stops the work at the next file;
 * a batch that fails once its answer has started is aborted, never ended.
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
    private final Config.Batches limits;
    private final Duration wait;
    private final Semaphore running;

    BatchRoutes(FormService service, Config config) {
        this.service = service;
        this.maxBytes = config.limits().batchBytes();
        this.maxItems = config.limits().batchItems();
        this.limits = config.batches();
        this.wait = config.queueWait();
        this.running = new Semaphore(limits.concurrent(), true);
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
        admit();
        try {
            answer(ctx, format, include, extras, body);
        } finally {
            running.release();
        }
    }

    /** A turn among the batches running at once, within the queue wait; 503 before the answer starts otherwise. */
    private void admit() {
        try {
            if (running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Unavailable(Unavailable.Kind.OVERLOADED, "服务繁忙：已有 " + limits.concurrent()
                + " 个批量任务在进行（限制 JIXIAO_MAX_BATCHES），请稍后重试");
    }

    private void answer(Context ctx, String format, Set<OutputFormat> include, FormService.PdfExtras extras, byte[] body)
            throws IOException {
        FormService items = service.forBatchItems();
        BatchRequest batch = BatchRequest.read(body, items, maxItems);
        BoundBatch bound = new BoundBatch(items, limits.boundPages(), limits.boundBytes());
        if (format.equals("pdf")) {
            bound.check(batch);
        }
        String name = "批量-" + batch.items().size() + "份";
        ctx.status(200);
        ctx.header("Content-Disposition", ContentDisposition.attachment(name + "." + format, "batch." + format));
        ctx.header("X-Warning-Count", Integer.toString(batch.warnings().size()));
        if (!batch.warnings().isEmpty()) {
            ctx.header("X-Warnings", FormRoutes.warningsHeader(batch.warnings()));
        }
        ctx.res().setContentType(format.equals("zip") ? "application/zip" : OutputFormat.PDF.mediaType());
        ctx.res().setCharacterEncoding(null);
        ClientPresence present = ClientPresence.of(ctx);
        OutputStream out = ctx.res().getOutputStream();
        try {
            if (format.equals("zip")) {
                new BatchFiles(items).write(batch, include, extras, out, present);
            } else {
                bound.write(batch, extras, body, name, out, present);
            }
        } catch (RuntimeException broken) {
            if (!ctx.res().isCommitted() && !(broken instanceof BatchCutOff)) {
                // Nothing sent yet: the failure is answered as any other, in JSON.
                ctx.res().reset();
                throw broken;
            }
            LOG.info("batch of {} items cut off: {}", batch.items().size(), broken.toString());
            // The answer has started: it is aborted, never ended, so that the client sees an incomplete download
            // (no last chunk) rather than one that looks whole.
            Replies.abort(ctx, broken);
            return;
        }
        if (present.tookAhead()) {
            out.close(); // the answer ends whole; the request begun behind it cannot be answered
            Replies.abort(ctx, new IOException("a request sent ahead of a batch's end"));
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
