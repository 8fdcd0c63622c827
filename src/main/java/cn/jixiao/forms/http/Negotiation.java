package cn.jixiao.forms.http;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.OutputFormat;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a request asks for and what it brings: the output format, and a JSON body. */
final class Negotiation {
    private Negotiation() {
    }

    /** {@code ?format=} wins; otherwise {@code Accept}; PDF when the client does not say. */
    static OutputFormat format(Context ctx) {
        String requested = ctx.queryParam("format");
        if (requested != null) {
            return OutputFormat.byName(requested.trim()).orElseThrow(() -> new RequestError(RequestError.Kind.UNSUPPORTED_FORMAT,
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
        throw new RequestError(RequestError.Kind.NOT_ACCEPTABLE, "无法提供 Accept 所要求的格式：" + accept
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

    /** The body, which must be JSON; a request that does not say what it is, is read as JSON. */
    static byte[] jsonBody(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw new RequestError(RequestError.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "请求体应为 JSON（Content-Type: application/json），收到的是 " + mediaType);
            }
        }
        return ctx.bodyAsBytes();
    }
}
