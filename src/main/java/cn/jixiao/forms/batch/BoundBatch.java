package cn.jixiao.forms.batch;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.pdf.PdfBinder;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A batch as one PDF: every item rendered in turn (a render slot at a time) and bound, its outline entry named
 * after its file with its projects below; PDF/A when asked, the whole batch request attached to a PDF/A-3 file.
 * The bound file has a page and a byte budget of its own ({@code JIXIAO_MAX_BATCH_PAGES},
 * {@code JIXIAO_MAX_BATCH_OUTPUT_BYTES}): checked from the items' page estimates before anything is rendered,
 * and counted as the items are bound and the file is written.
 */
public final class BoundBatch {
    static final String PAGES_LIMIT = "JIXIAO_MAX_BATCH_PAGES";
    static final String BYTES_LIMIT = "JIXIAO_MAX_BATCH_OUTPUT_BYTES";

    private final FormService service;
    private final int maxPages;
    private final int maxBytes;

    public BoundBatch(FormService service, int maxPages, int maxBytes) {
        this.service = service;
        this.maxPages = maxPages;
        this.maxBytes = maxBytes;
    }

    /** Refuses, before anything is rendered, a batch whose items need more pages together than the bound PDF may have. */
    public void check(BatchRequest batch) {
        long pages = 0;
        for (BatchRequest.Item item : batch.items()) {
            pages += service.pagesAtLeast(item.document());
            if (pages > maxPages) {
                throw tooManyPages("估计至少 " + pages + " 页");
            }
        }
    }

    /** @param source the batch request, attached as the source of a PDF/A-3 file */
    public void write(BatchRequest batch, FormService.PdfExtras extras, byte[] source, String title, OutputStream out,
                      BooleanSupplier clientPresent) {
        FormService.PdfExtras perItem = new FormService.PdfExtras(extras.archive(), false);
        try (PdfBinder binder = new PdfBinder()) {
            Set<String> taken = new HashSet<>();
            long pages = 0;
            long bytes = 0;
            for (BatchRequest.Item item : batch.items()) {
                BatchCutOff.unlessPresent(clientPresent, item.index(), batch.items().size());
                FormService.RenderedFile file = service.render(item.document(), OutputFormat.PDF, perItem);
                bytes += file.bytes().length;
                if (bytes > maxBytes) {
                    throw tooLarge();
                }
                String name = file.fileName();
                pages += binder.add(BatchFiles.unique(name.substring(0, name.length() - ".pdf".length()), taken,
                        Integer.MAX_VALUE), file.bytes());
                if (pages > maxPages) {
                    throw tooManyPages("前 " + (item.index() + 1) + " 项已有 " + pages + " 页");
                }
            }
            BatchOutput answer = new BatchOutput(out, maxBytes, (written, limit) -> tooLarge());
            binder.write(new RenderOptions(title, extras.archive(), source, false), answer);
        }
    }

    private FormError tooManyPages(String found) {
        return FormError.invalid(List.of(new Problem("/items", "合订的 PDF 过长：" + found + "，超过合订文件最多 " + maxPages
                + " 页的限制（" + PAGES_LIMIT + "）；请分成几批提交，或用 format=zip 每项一份文件", PAGES_LIMIT)));
    }

    private FormError tooLarge() {
        return FormError.invalid(List.of(new Problem("/items", "合订的 PDF 过大：超过 " + maxBytes + " 字节的限制（"
                + BYTES_LIMIT + "）；请分成几批提交，或用 format=zip 每项一份文件", BYTES_LIMIT)));
    }
}
