package cn.jixiao.forms;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.BudgetExceeded;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.PagePicture;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.Xhtml;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.w3c.dom.Document;
import org.slf4j.LoggerFactory;

/**
 * The one front door to the pipeline, one direction: bytes → validated document → view model → XHTML →
 * PDF or DOCX. Checking and rendering both run in a slot of the {@link RenderQueue}, so that neither can
 * take more of the machine than the operator allows. Knows form types only through the registry and
 * formats only through their renderers.
 */
public final class FormService {
    private static final Logger LOG = LoggerFactory.getLogger(FormService.class);
    private final FormRegistry registry;
    private final Templates templates;
    private final Map<OutputFormat, Renderer> renderers = new EnumMap<>(OutputFormat.class);
    private final RenderQueue queue;

    public FormService(FormRegistry registry, Templates templates, List<Renderer> renderers, RenderQueue queue) {
        this.registry = registry;
        this.templates = templates;
        for (Renderer renderer : renderers) {
            this.renderers.put(renderer.format(), renderer);
        }
        this.queue = queue;
    }

    /** The form types, in the registry's order. */
    public Collection<RegisteredForm<?>> forms() {
        return registry.all();
    }

    /** A form type by its id; {@link FormError} {@code unknown_form_type} when there is none. */
    public RegisteredForm<?> form(String id) {
        return registry.get(id);
    }

    /** A rendered file with its download name and the warnings of its document. */
    public record RenderedFile(byte[] bytes, String fileName, OutputFormat format, List<Problem> warnings) {
    }

    /** Every error and warning of a document; only malformed JSON throws. */
    public RegisteredForm.Verdict validate(RegisteredForm<?> form, byte[] body) {
        return queue.run(() -> form.verdict(body));
    }

    public RenderedFile render(RegisteredForm<?> form, byte[] body, OutputFormat format) {
        return queue.run(() -> pipeline(form, body, format));
    }

    /** One page of a document's PDF as a picture, with the document's warnings. */
    public record PagePreview(PagePicture picture, List<Problem> warnings) {
    }

    /** The {@code page}-th page (from 1) of the PDF, {@code width} pixels wide; no picture past the last page. */
    public PagePreview page(RegisteredForm<?> form, byte[] body, int page, int width) {
        return queue.run(() -> {
            RenderedFile pdf = pipeline(form, body, OutputFormat.PDF);
            return new PagePreview(PagePicture.of(pdf.bytes(), page, width), pdf.warnings());
        });
    }

    /** The XHTML the form's template makes of a document: what both renderers receive. */
    public String markup(RegisteredForm<?> form, byte[] body) {
        return queue.run(() -> read(form, body));
    }

    private <D> String read(RegisteredForm<D> form, byte[] body) {
        return markup(form, form.read(body).document());
    }

    private <D> RenderedFile pipeline(RegisteredForm<D> form, byte[] body, OutputFormat format) {
        RegisteredForm.Validated<D> validated = form.read(body);
        Document xhtml = Xhtml.parse(markup(form, validated.document()), form.id() + "/" + Templates.ENTRY);
        String fileName = form.type().fileName(validated.document()) + "." + format.extension();
        try {
            return new RenderedFile(renderers.get(format).render(xhtml), fileName, format, validated.warnings());
        } catch (BudgetExceeded beyond) {
            throw refusal(beyond);
        }
    }

    /** A file beyond its budget is the document's fault: a limit exceeded, named, as for any other limit. */
    private static FormError refusal(BudgetExceeded beyond) {
        boolean pages = beyond.measure() == BudgetExceeded.Measure.PAGES;
        String variable = Limits.environmentVariable(pages ? "pages" : "outputBytes");
        String message = pages
                ? (beyond.estimated() ? "文档过长：估计至少 " : "文档过长：共 ") + beyond.found() + " 页，超过每份文件最多 "
                        + beyond.limit() + " 页的限制（" + variable + "）；请分成几份提交，或缩短文字"
                : "生成的文件过大：超过 " + beyond.limit() + " 字节的限制（" + variable + "）；请分成几份提交";
        return FormError.invalid(List.of(new Problem("", message, variable)), false);
    }

    private <D> String markup(RegisteredForm<D> form, D document) {
        return templates.render(form.id(), form.type().view(document));
    }

    /**
     * Compiles every template and renders every example once, so that the first request is fast and a
     * broken layout stops the start. An example beyond the configured limits is skipped (its template is
     * still compiled): limits are the operator's to set.
     */
    public void warmUp() {
        for (RegisteredForm<?> form : registry.all()) {
            templates.compile(form.id());
            for (OutputFormat format : renderers.keySet()) {
                try {
                    pipeline(form, form.example(), format);
                } catch (FormError refused) {
                    LOG.warn("the example of {} is beyond the configured limits ({}); not rendered at start-up", form.id(),
                            refused.getMessage());
                    break;
                }
            }
        }
    }
}
