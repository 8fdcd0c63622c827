package cn.jixiao.forms.http;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.Requester;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.PagePicture;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/forms/{id}/page?page=N&width=W}: one page of the PDF as a PNG, for a preview that shows
 * pages as pictures. The PDF is rendered as for a download, under the same budget; the picture is bounded
 * by {@link PagePicture}.
 */
final class PageRoutes {
    static final String PATH = FormRoutes.BASE + "/{id}/page";
    static final int DEFAULT_WIDTH = 1200;
    private static final int MAX_SECTIONS_HEADER = 2048;

    private final FormService service;
    private final Metrics metrics;
    private final int maxBodyBytes;

    PageRoutes(FormService service, Metrics metrics, int maxBodyBytes) {
        this.service = service;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::page);
    }

    private void page(Context ctx) {
        RegisteredForm form = service.form(ctx.pathParam("id"));
        ctx.attribute(RequestLog.FORM, form.id());
        ctx.attribute(RequestLog.FORMAT, "png");
        int page = number(ctx, "page", 1, 1, Integer.MAX_VALUE, "应为页码：从 1 起的整数");
        int width = number(ctx, "width", DEFAULT_WIDTH, PagePicture.MIN_WIDTH, PagePicture.MAX_WIDTH,
                "应为图片宽度的像素数：" + PagePicture.MIN_WIDTH + " 到 " + PagePicture.MAX_WIDTH + " 的整数");
        byte[] body = Negotiation.jsonBody(ctx, maxBodyBytes);
        long started = System.nanoTime();
        FormService.PagePreview preview = Requester.whilePresent(ClientPresence.of(ctx), () -> service.page(form, body, page, width));
        metrics.rendered(form.id(), "png", System.nanoTime() - started);
        int pages = preview.picture().pages();
        if (!preview.picture().exists()) {
            throw new RequestError(RequestError.Kind.BAD_REQUEST, "没有第 " + page + " 页：文件共 " + pages + " 页",
                    List.of(new Problem("page", "应为 1 到 " + pages + " 的页码")));
        }
        ctx.header("X-Page-Count", Integer.toString(pages));
        ctx.header("X-Page-Sections", sectionsHeader(preview.sections()));
        ctx.header("X-Warning-Count", Integer.toString(preview.warnings().size()));
        if (!preview.warnings().isEmpty()) {
            ctx.header("X-Warnings", FormRoutes.warningsHeader(preview.warnings()));
        }
        Replies.bytes(ctx, 200, "image/png", preview.picture().png());
        ctx.res().setCharacterEncoding(null);
    }

    /**
     * The page each item of the outline starts on, by its list's JSON pointer, as JSON: as many lists as fit in 2 KiB
     * of header beside X-Warnings' 4 KiB, in the outline's order (units before their projects).
     */
    static String sectionsHeader(Map<String, List<Integer>> sections) {
        Map<String, List<Integer>> shown = new LinkedHashMap<>();
        String header = "{}";
        for (Map.Entry<String, List<Integer>> list : sections.entrySet()) {
            shown.put(list.getKey(), list.getValue());
            String candidate = Json.MAPPER.writeValueAsString(shown);
            if (candidate.length() > MAX_SECTIONS_HEADER) {
                break;
            }
            header = candidate;
        }
        return header;
    }

    /** A query parameter that must be a whole number within bounds, or absent. */
    private static int number(Context ctx, String name, int fallback, int min, int max, String expected) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the refusal below, which names the parameter
        }
        throw new RequestError(RequestError.Kind.BAD_REQUEST, "参数 " + name + " 有误：" + Problems.quote(text),
                List.of(new Problem(name, expected)));
    }
}
