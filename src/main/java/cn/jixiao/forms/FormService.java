package cn.jixiao.forms;

import cn.jixiao.forms.excel.ImportedWorkbook;
import cn.jixiao.forms.excel.Workbooks;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.BudgetExceeded;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.PageEstimate;
import cn.jixiao.forms.render.PagePicture;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.css.Cascades;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one front door to the pipeline, one direction: bytes → checked document ({@link CheckedDocument}, checked
 * once however many files are made of it) → a {@link DocumentWriter} by format: view model → XHTML → PDF or DOCX,
 * or the document → XLSX; a workbook read back into a document first. Checking,
 * rendering and reading workbooks run in a slot of the {@link RenderQueue}, so that none can take more of the
 * machine than the operator allows; a workbook rendered straight away is read, checked and rendered in one. Knows form types only through the registry and formats only through
 * their renderers and the workbooks.
 */
public final class FormService {
    private static final Logger LOG = LoggerFactory.getLogger(FormService.class);
    private final FormRegistry registry;
    private final Templates templates;
    private final Map<OutputFormat, DocumentWriter> writers;
    private final FormMarkup markup;
    private final RenderQueue queue;
    private final Workbooks workbooks;
    private final Map<String, byte[]> emptyWorkbooks;
    private final Cascades cascades;

    public FormService(FormRegistry registry, Templates templates, List<Renderer> renderers, Workbooks workbooks,
                       RenderQueue queue) {
        this(registry, templates, renderers, Map.of(), workbooks, queue);
    }

    /** @param formRenderers by form id, a renderer that lays out that form in its format instead of the general one */
    public FormService(FormRegistry registry, Templates templates, List<Renderer> renderers, Map<String, Renderer> formRenderers,
                       Workbooks workbooks, RenderQueue queue) {
        this.registry = registry;
        this.templates = templates;
        this.workbooks = workbooks;
        this.markup = new FormMarkup(templates);
        this.writers = new EnumMap<>(OutputFormat.class);
        for (Renderer renderer : renderers) {
            Map<String, Renderer> byForm = new HashMap<>();
            formRenderers.forEach((form, special) -> {
                if (special.format() == renderer.format()) {
                    byForm.put(form, special);
                }
            });
            this.writers.put(renderer.format(), new XhtmlWriter(markup, renderer, Map.copyOf(byForm)));
        }
        this.writers.put(OutputFormat.XLSX, new WorkbookWriter(workbooks, markup));
        this.queue = queue;
        this.emptyWorkbooks = new ConcurrentHashMap<>();
        this.cascades = new Cascades();
    }

    private FormService(FormService service, RenderQueue queue) {
        this.registry = service.registry;
        this.templates = service.templates;
        this.workbooks = service.workbooks;
        this.writers = service.writers;
        this.markup = service.markup;
        this.emptyWorkbooks = service.emptyWorkbooks;
        this.cascades = service.cascades;
        this.queue = queue;
    }

    /** The same service for the items of a batch already started: its work waits its turn behind single renders. */
    public FormService forBatchItems() {
        return new FormService(this, queue.forBatchItems());
    }

    /** The form types, in the registry's order. */
    public Collection<RegisteredForm> forms() {
        return registry.all();
    }

    /** A form type by its id; {@link FormError} {@code unknown_form_type} when there is none. */
    public RegisteredForm form(String id) {
        return registry.get(id);
    }

    /**
     * A rendered file of a form (its id) with its download name and the warnings of its document; {@code pages} as
     * the renderer laid them out (a PDF's), 0 for a format whose pages are laid out by the program that opens it.
     */
    public record RenderedFile(String form, byte[] bytes, String fileName, OutputFormat format, List<Problem> warnings,
                               int pages) {
    }

    /** Every error and warning of a document; only malformed JSON throws. */
    public RegisteredForm.Verdict validate(RegisteredForm form, byte[] body) {
        return queue.run(() -> form.verdict(body));
    }

    /** One check of a document already read as JSON, one item of a batch: its verdict, and what to render when it is valid. */
    public RegisteredForm.Examined examine(RegisteredForm form, JsonNode document) {
        return queue.run(() -> form.examine(document));
    }

    /** A document of {@code to} made from a body of {@code from}, with what is left to fill in. */
    public RegisteredForm.Derived derive(RegisteredForm to, RegisteredForm from, byte[] body) {
        return queue.run(() -> to.derive(from, body));
    }

    /** A document of {@code to} made from a body of {@code from}, to be checked as the caller's own document. */
    public ObjectNode derivedDocument(RegisteredForm to, RegisteredForm from, byte[] body) {
        return queue.run(() -> to.derivedDocument(from, body));
    }

    /** What a caller may ask of a PDF beyond its document: an archival level, fields to sign. */
    public record PdfExtras(RenderOptions.Archive archive, boolean signatureFields) {
        public static final PdfExtras NONE = new PdfExtras(RenderOptions.Archive.NONE, false);
    }

    public RenderedFile render(RegisteredForm form, byte[] body, OutputFormat format) {
        return render(form, body, format, PdfExtras.NONE);
    }

    public RenderedFile render(RegisteredForm form, byte[] body, OutputFormat format, PdfExtras extras) {
        return queue.run(() -> write(checked(form, body), format, extras));
    }

    /** A document checked already (an item of a batch) written as one format, without checking it again. */
    public RenderedFile render(CheckedDocument document, OutputFormat format, PdfExtras extras) {
        return queue.run(() -> write(document, format, extras));
    }

    /**
     * The document a workbook holds, with the errors and warnings of its cells and of the document (those of
     * {@code /validate}), each at its cell; {@link FormError} only when nothing of the form is found in it.
     */
    public ImportedWorkbook importWorkbook(RegisteredForm form, byte[] workbook) {
        return queue.forWorkbooks().run(() -> imported(form, workbook, false).imported());
    }

    /**
     * The same, read as whichever form the workbook holds ({@link ImportedWorkbook#form()}): {@code preferred}
     * unless another form's columns are named more.
     */
    public ImportedWorkbook importAnyWorkbook(RegisteredForm preferred, byte[] workbook) {
        return queue.forWorkbooks().run(() -> imported(preferred, workbook, true).imported());
    }

    /**
     * A workbook's document rendered as a request body would be, read, checked and rendered in one slot: its
     * problems shown at their cells. One with errors is refused with them all, as a request body with errors is.
     * {@code anyForm}: read as whichever form it holds, as {@link #importAnyWorkbook}.
     */
    public RenderedFile renderWorkbook(RegisteredForm form, byte[] workbook, boolean anyForm, OutputFormat format,
                                       PdfExtras extras) {
        return queue.forWorkbooks().run(() -> {
            ReadWorkbook read = imported(form, workbook, anyForm);
            ImportedWorkbook imported = read.imported();
            if (!imported.errors().isEmpty()) {
                throw FormError.invalid(imported.errors(), imported.errorsLeftOut());
            }
            try {
                RenderedFile file = write(read.document(), format, extras);
                return new RenderedFile(file.form(), file.bytes(), file.fileName(), format, imported.warnings(), file.pages());
            } catch (FormError refused) {
                throw new FormError(refused.kind(), refused.getMessage(), imported.locate(refused.details()));
            }
        });
    }

    /**
     * A workbook read and its document checked once: with its problems at their cells, and what to render, null
     * when it has errors (a workbook without errors of its own has none of its document either).
     */
    private record ReadWorkbook(ImportedWorkbook imported, CheckedDocument document) {
    }

    private ReadWorkbook imported(RegisteredForm form, byte[] workbook, boolean anyForm) {
        ImportedWorkbook imported = anyForm ? workbooks.readAny(List.copyOf(registry.all()), form, workbook)
                : workbooks.read(form, workbook);
        RegisteredForm held = registry.get(imported.form());
        // Read as a request body is, once, so that what is checked is what a PDF/A-3 carries as its source.
        byte[] json = imported.json();
        RegisteredForm.Examined examined = held.examine(json);
        RegisteredForm.Verdict verdict = examined.verdict();
        return new ReadWorkbook(imported.checked(verdict.errors(), verdict.warnings()),
                verdict.valid() ? new CheckedDocument(held, examined.validated(), json) : null);
    }

    /** The empty workbook of a form, to fill in, and its file name; made once per form. */
    public RenderedFile template(RegisteredForm form) {
        byte[] bytes = emptyWorkbooks.computeIfAbsent(form.id(), id -> workbooks.template(form));
        return new RenderedFile(form.id(), bytes.clone(), form.title() + "（填写模板）.xlsx", OutputFormat.XLSX, List.of(), 0);
    }

    /**
     * One page of a document's PDF as a picture, with the document's warnings and the page each item of its outline
     * starts on ({@link SectionPages}).
     */
    public record PagePreview(PagePicture picture, List<Problem> warnings, Map<String, List<Integer>> sections) {
    }

    /** The {@code page}-th page (from 1) of the PDF, {@code width} pixels wide; no picture past the last page. */
    public PagePreview page(RegisteredForm form, byte[] body, int page, int width) {
        return queue.run(() -> {
            CheckedDocument document = checked(form, body);
            RenderedFile pdf = write(document, OutputFormat.PDF, PdfExtras.NONE);
            PagePicture picture = PagePicture.of(pdf.bytes(), page, width);
            return new PagePreview(picture, pdf.warnings(),
                    SectionPages.of(form.definition().outline(), document.validated().document(), picture.outline()));
        });
    }

    /** The fewest pages the document's PDF can have, from its XHTML alone ({@link PageEstimate}), before any layout. */
    public long pagesAtLeast(RegisteredForm form, byte[] body) {
        return pagesAtLeast(checked(form, body));
    }

    /** As {@link #pagesAtLeast(RegisteredForm, byte[])} for a document checked already. */
    public long pagesAtLeast(CheckedDocument document) {
        return queue.run(() -> {
            Document xhtml = markup.parsed(document);
            return PageEstimate.atLeast(xhtml, cascades.of(xhtml).page());
        });
    }

    /** The XHTML the form's template makes of a document: what both renderers receive. */
    public String markup(RegisteredForm form, byte[] body) {
        return queue.run(() -> read(form, body));
    }

    private String read(RegisteredForm form, byte[] body) {
        return markup.text(form, form.read(body));
    }

    /** The body checked once, to travel the rest of the pipeline; {@link FormError} when it has an error. */
    private static CheckedDocument checked(RegisteredForm form, byte[] body) {
        return new CheckedDocument(form, form.read(body), body);
    }

    private RenderedFile write(CheckedDocument document, OutputFormat format, PdfExtras extras) {
        String name = document.fileName();
        RenderOptions options = new RenderOptions(name, extras.archive(), document.source(), extras.signatureFields());
        try {
            Rendered file = writers.get(format).write(document, options);
            return new RenderedFile(document.form().id(), file.bytes(), name + "." + format.extension(), format,
                    document.validated().warnings(), file.pages());
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
        return FormError.invalid(List.of(new Problem("", message, variable)));
    }

    /**
     * Compiles every template and makes every example's XHTML, quickly, so that a broken layout stops the start.
     * An example beyond the configured limits is skipped (its template is still compiled).
     */
    public void check() {
        // Each form on its own, on as many cores as there are.
        registry.all().parallelStream().forEach(form -> {
            templates.compile(form.id());
            if (form.example().isEmpty()) {
                return;
            }
            try {
                FormMarkup.parse(form, read(form, form.example().get()));
            } catch (FormError refused) {
                LOG.warn("the example of {} is beyond the configured limits ({})", form.id(), refused.getMessage());
            }
        });
    }

    /**
     * Compiles every template and renders every example once in every format, so that the first requests
     * find the code loaded and compiled. An example beyond the configured limits is skipped (its template is
     * still compiled): limits are the operator's to set.
     */
    public void warmUp() {
        for (RegisteredForm form : registry.all()) {
            templates.compile(form.id());
            if (form.example().isEmpty()) {
                continue;
            }
            for (OutputFormat format : OutputFormat.values()) {
                try {
                    byte[] example = form.example().get();
                    write(checked(form, example), format, PdfExtras.NONE);
                } catch (FormError refused) {
                    LOG.warn("the example of {} is beyond the configured limits ({}); not rendered at start-up", form.id(),
                            refused.getMessage());
                    break;
                }
            }
        }
    }
}
