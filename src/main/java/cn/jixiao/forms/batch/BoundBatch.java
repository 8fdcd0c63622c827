package cn.jixiao.forms.batch;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.pdf.PdfBinder;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A batch as one PDF: every item rendered in turn (a render slot at a time) and bound, its outline entry named
 * after its file with its projects below; PDF/A when asked, the whole batch request attached to a PDF/A-3 file.
 */
public final class BoundBatch {
    private final FormService service;

    public BoundBatch(FormService service) {
        this.service = service;
    }

    /** @param source the batch request, attached as the source of a PDF/A-3 file */
    public void write(BatchRequest batch, FormService.PdfExtras extras, byte[] source, String title, OutputStream out,
                      BooleanSupplier clientPresent) {
        FormService.PdfExtras perItem = new FormService.PdfExtras(extras.archive(), false);
        try (PdfBinder binder = new PdfBinder()) {
            Set<String> taken = new HashSet<>();
            for (BatchRequest.Item item : batch.items()) {
                BatchCutOff.unlessPresent(clientPresent, item.index(), batch.items().size());
                FormService.RenderedFile file = service.render(item.form(), item.document(), OutputFormat.PDF, perItem);
                String name = file.fileName();
                binder.add(BatchFiles.unique(name.substring(0, name.length() - ".pdf".length()), taken), file.bytes());
            }
            binder.write(new RenderOptions(title, extras.archive(), source, false), out);
        }
    }
}
