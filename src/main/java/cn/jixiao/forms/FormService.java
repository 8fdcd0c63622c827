package cn.jixiao.forms;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.Xhtml;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline, one direction: bytes → validated document → view model → XHTML → PDF or DOCX.
 * Knows form types only through the registry and formats only through their renderers.
 */
public final class FormService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FormService.class);
    private final FormRegistry registry;
    private final Templates templates;
    private final Map<OutputFormat, Renderer> renderers = new EnumMap<>(OutputFormat.class);

    public FormService(FormRegistry registry, Templates templates, List<Renderer> renderers) {
        this.registry = registry;
        this.templates = templates;
        for (Renderer renderer : renderers) {
            this.renderers.put(renderer.format(), renderer);
        }
    }

    public FormRegistry registry() {
        return registry;
    }

    /** A rendered file with its download name and the warnings of its document. */
    public record RenderedFile(byte[] bytes, String fileName, OutputFormat format, List<Problem> warnings) {
    }

    public RenderedFile render(String formId, byte[] body, OutputFormat format) {
        return render(registry.get(formId), body, format);
    }

    private <D> RenderedFile render(RegisteredForm<D> form, byte[] body, OutputFormat format) {
        RegisteredForm.Validated<D> validated = form.read(body);
        String markup = templates.render(form.id(), form.type().view(validated.document()));
        byte[] bytes = renderers.get(format).render(Xhtml.parse(markup, form.id() + "/" + Templates.ENTRY));
        String fileName = form.type().fileName(validated.document()) + "." + format.extension();
        return new RenderedFile(bytes, fileName, format, validated.warnings());
    }

    /** The XHTML a template makes of a document: what both renderers receive. */
    public String markup(String formId, byte[] body) {
        return markup(registry.get(formId), body);
    }

    private <D> String markup(RegisteredForm<D> form, byte[] body) {
        return templates.render(form.id(), form.type().view(form.read(body).document()));
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
                    render(form, form.example(), format);
                } catch (FormError refused) {
                    LOG.warn("the example of {} is beyond the configured limits ({}); not rendered at start-up", form.id(),
                            refused.getMessage());
                    break;
                }
            }
        }
    }
}
