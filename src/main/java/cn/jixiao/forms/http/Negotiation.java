package cn.jixiao.forms.http;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpException;

/** What a request asks for and what it brings: the output format, and a JSON body. */
final class Negotiation {
    /** A request attribute set once its body has been asked for (and, for {@code Expect: 100-continue}, invited). */
    static final String BODY_READ = "jixiao.body-read";

    private Negotiation() {
    }

    /**
     * {@code ?format=} wins; otherwise {@code Accept} with its q-values (the most specific range that matches a
     * format gives its weight; the heaviest format wins, PDF on a tie); PDF when the client does not say.
     */
    static OutputFormat format(Context ctx) {
        String requested = ctx.queryParam("format");
        if (requested != null) {
            return OutputFormat.byName(requested.trim()).orElseThrow(() -> new RequestError(RequestError.Kind.UNSUPPORTED_FORMAT,
                    "不支持的格式：" + requested + "；可用：" + formats("、"),
                    List.of(new Problem("format", "应为 " + formats(" 或 ")))));
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return OutputFormat.PDF;
        }
        OutputFormat best = null;
        double bestWeight = 0;
        for (OutputFormat format : OutputFormat.values()) {
            double weight = weight(accept, format.mediaType());
            if (weight > bestWeight) {
                best = format;
                bestWeight = weight;
            }
        }
        if (best == null) {
            throw new RequestError(RequestError.Kind.NOT_ACCEPTABLE, "无法提供 Accept 所要求的格式：" + accept
                    + "；可用：" + String.join("、", Arrays.stream(OutputFormat.values()).map(OutputFormat::mediaType).toList()));
        }
        return best;
    }

    /** {@code ?pdfa=2b|3b} and {@code ?signatureFields=true|false}: what a PDF is to be beyond its document. */
    static FormService.PdfExtras pdfExtras(Context ctx, OutputFormat format) {
        String pdfa = ctx.queryParam("pdfa");
        String fields = ctx.queryParam("signatureFields");
        RenderOptions.Archive archive = RenderOptions.Archive.NONE;
        if (pdfa != null) {
            archive = switch (pdfa.trim().toLowerCase(Locale.ROOT)) {
                case "2b" -> RenderOptions.Archive.PDFA_2B;
                case "3b" -> RenderOptions.Archive.PDFA_3B;
                default -> throw new RequestError(RequestError.Kind.UNSUPPORTED_FORMAT, "不支持的 PDF/A 级别：" + pdfa
                        + "；可用：2b、3b", List.of(new Problem("pdfa", "应为 2b 或 3b")));
            };
        }
        if (fields != null && !fields.equals("true") && !fields.equals("false")) {
            throw new RequestError(RequestError.Kind.UNSUPPORTED_FORMAT, "signatureFields 应为 true 或 false，收到的是 " + fields,
                    List.of(new Problem("signatureFields", "应为 true 或 false")));
        }
        FormService.PdfExtras extras = new FormService.PdfExtras(archive, "true".equals(fields));
        if (format != OutputFormat.PDF && !extras.equals(FormService.PdfExtras.NONE)) {
            throw new RequestError(RequestError.Kind.UNSUPPORTED_FORMAT, "pdfa 和 signatureFields 只适用于 PDF",
                    List.of(new Problem(pdfa != null ? "pdfa" : "signatureFields", "只适用于 format=pdf")));
        }
        return extras;
    }

    private static String formats(String separator) {
        return String.join(separator, Arrays.stream(OutputFormat.values()).map(OutputFormat::extension).toList());
    }

    /** The q-value {@code accept} gives a media type: that of the most specific matching range, 0 when none matches. */
    static double weight(String accept, String mediaType) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        int bestSpecificity = -1;
        double weight = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            int specificity = name.equals(mediaType) ? 2 : name.equals(type + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                weight = quality(parts);
            }
        }
        return weight;
    }

    private static double quality(String[] rangeAndParameters) {
        for (int i = 1; i < rangeAndParameters.length; i++) {
            String[] parameter = rangeAndParameters[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(parameter[1].trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** What a workbook may be declared as; a request that does not say is read by its content. */
    static final List<String> WORKBOOK_TYPES = List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel", "application/octet-stream");

    /**
     * The body, which must be JSON in UTF-8 (a request that does not say what it is, is read as such), sent
     * as is or gzip-compressed; gzip is inflated within the body limit.
     */
    static byte[] jsonBody(Context ctx, int maxBytes) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            String[] parts = contentType.split(";");
            String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw new RequestError(RequestError.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "请求体应为 JSON（Content-Type: application/json），收到的是 " + mediaType);
            }
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                String charset = parameter.length == 2 ? parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT) : "";
                if (parameter[0].trim().equalsIgnoreCase("charset") && !charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new RequestError(RequestError.Kind.UNSUPPORTED_MEDIA_TYPE,
                            "请求体应为 UTF-8 编码的 JSON，收到的字符集是 " + parameter[1].trim());
                }
            }
        }
        return body(ctx, maxBytes);
    }

    /** The body as a workbook: declared as one of {@link #WORKBOOK_TYPES} or not at all; gzip as for JSON. */
    static byte[] workbookBody(Context ctx, int maxBytes) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!WORKBOOK_TYPES.contains(mediaType)) {
                throw new RequestError(RequestError.Kind.UNSUPPORTED_MEDIA_TYPE, "请求体应为 Excel 工作簿（.xlsx 或 .xls），收到的是 "
                        + mediaType + "；Content-Type 可为 " + String.join("、", WORKBOOK_TYPES));
            }
        }
        return body(ctx, maxBytes);
    }

    private static byte[] body(Context ctx, int maxBytes) {
        String encoding = ctx.header("Content-Encoding");
        boolean gzip = false;
        if (encoding != null && !encoding.isBlank()) {
            String name = encoding.trim().toLowerCase(Locale.ROOT);
            gzip = name.equals("gzip") || name.equals("x-gzip");
            if (!gzip && !name.equals("identity")) {
                throw new RequestError(RequestError.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "不支持的 Content-Encoding：" + encoding.trim() + "；请求体可不压缩，或用 gzip 压缩");
            }
        }
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new RequestError(RequestError.Kind.BODY_TOO_LARGE, "请求体过大：最多 " + maxBytes + " 字节");
        }
        byte[] body;
        try {
            ctx.attribute(BODY_READ, Boolean.TRUE);
            body = ctx.bodyAsBytes();
        } catch (Exception e) { // Javalin passes the connection's IOException on undeclared
            throw unreadable(e);
        }
        if (body.length > maxBytes) {
            throw new RequestError(RequestError.Kind.BODY_TOO_LARGE, "请求体过大：最多 " + maxBytes + " 字节");
        }
        return gzip ? inflate(body, maxBytes) : body;
    }

    private static byte[] inflate(byte[] body, int maxBytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(maxBytes + 1);
            if (inflated.length > maxBytes) {
                throw new RequestError(RequestError.Kind.BODY_TOO_LARGE, "请求体解压后过大：最多 " + maxBytes + " 字节");
            }
            return inflated;
        } catch (IOException e) {
            throw new RequestError(RequestError.Kind.BAD_REQUEST, "请求体声明为 gzip 压缩，但无法解压：" + e.getMessage());
        }
    }

    /** A body that could not be read is the connection's fault: cut off, or arriving too slowly. */
    private static RuntimeException unreadable(Exception failure) {
        // A read too slow may come wrapped in an IOException: the whole chain is asked about time first.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof HttpException bad && bad.getCode() == 408) {
                return new RequestError(RequestError.Kind.REQUEST_TIMEOUT, "请求超时：请求体发送过慢或停顿过久");
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new RequestError(RequestError.Kind.INCOMPLETE_BODY, RequestError.message(RequestError.Kind.INCOMPLETE_BODY));
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
