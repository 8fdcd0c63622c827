package cn.jixiao.forms;

import cn.jixiao.forms.excel.Workbooks;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.rules.FormDefinitionError;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.TemplateFailure;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.docx.DocxRenderer;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar jixiao-forms.jar check-form templates/<form-id> [DIR]}: a template maintainer's check of one form's
 * folder, with nothing to compile. Loads the folder (its form.json, its schema and every expression in it), renders its
 * example in every format — into DIR when given — and lists the example's warnings. Every fault is printed with its
 * file, line and column; the exit status is 0 only when there is none.
 */
final class FormCheck {
    private final PrintStream out;
    private final List<String> faults = new ArrayList<>();

    private FormCheck(PrintStream out) {
        this.out = out;
    }

    /** Checks {@code folder}, printing to {@code out}; the faults found (none: the folder is fine). */
    static List<String> run(Path folder, Path outputs, Config config, PrintStream out) {
        FormCheck check = new FormCheck(out);
        check.check(folder.toAbsolutePath().normalize(), outputs, config);
        return check.faults;
    }

    private void check(Path folder, Path outputs, Config config) {
        out.println("检查 " + folder);
        FontLibrary fonts = config.fontDir().map(FontLibrary::fromDirectory).orElseGet(FontLibrary::bundled);
        IndicatorChecks indicatorChecks = new IndicatorChecks(config.minSatisfactionPercent());
        RegisteredForm form;
        try {
            form = FormRegistry.load(folder, config.limits(), new TextRules(fonts::canDraw), indicatorChecks);
        } catch (FormDefinitionError e) {
            e.faults().forEach(fault -> fault(fault.toString()));
            return;
        }
        try {
            FormRegistry.linkDerivations(form, from -> sibling(folder.resolveSibling(from), config, fonts, indicatorChecks),
                    folder);
        } catch (FormDefinitionError e) {
            e.faults().forEach(fault -> fault(fault.toString()));
            return;
        }
        out.println("  form.json、schema.json：" + form.title() + "，" + form.shapes().shapes().size() + " 种对象，"
                + form.compiledExpressions() + " 个表达式，均通过检查");
        Templates templates = Templates.fromDirectory(folder.getParent().toFile(), false);
        try {
            templates.compile(form.id());
        } catch (TemplateFailure e) {
            fault(e.getMessage());
            return;
        }
        out.println("  form.ftlh：编译通过");
        if (form.example().isEmpty()) {
            fault("templates/" + form.id() + "/example.json: 缺少示例：请放一份填好的文档（最好是一张公开发布的表，照录），"
                    + "检查才能把它生成出来");
            return;
        }
        byte[] example = form.example().get();
        RegisteredForm.Verdict verdict = form.verdict(example);
        if (!verdict.valid()) {
            verdict.errors().forEach(error -> fault("示例 " + error.path() + "：" + error.message()));
            return;
        }
        RegisteredForm.Validated validated = form.read(example);
        validated.evaluation().failures().forEach(failure -> fault("表达式在示例上出错：" + failure));
        out.println("  示例：无错误，" + verdict.warnings().size() + " 条提醒");
        for (Problem warning : verdict.warnings()) {
            out.println("    " + warning.path() + "  " + warning.message());
        }
        RenderBudget budget = new RenderBudget(config.limits().pages(), config.limits().outputBytes());
        RenderQueue queue = new RenderQueue(1, Duration.ofSeconds(5), Duration.ofMinutes(2));
        FormService service = new FormService(FormRegistry.of(form), templates,
                List.of(new PdfRenderer(fonts, budget), new DocxRenderer(fonts, budget)), new Workbooks(config.limits()), queue);
        try {
            for (OutputFormat format : OutputFormat.values()) {
                render(service, form, example, format, outputs);
            }
        } finally {
            queue.drain(Duration.ofSeconds(5)); // its thread would otherwise keep the fonts for as long as the JVM runs
        }
        if (faults.isEmpty()) {
            out.println("通过" + (outputs == null ? "" : "；文件在 " + outputs));
        }
    }

    /** A form beside the one checked, that it is derived from; null when there is none or it does not load. */
    private RegisteredForm sibling(Path folder, Config config, FontLibrary fonts, IndicatorChecks checks) {
        if (!Files.isRegularFile(folder.resolve("form.json"))) {
            out.println("  注意：form.json 的 derive 中的「" + folder.getFileName() + "」不在旁边的文件夹中，这一生成方式未检查，"
                    + "服务中也只在有这张表时提供");
            return null;
        }
        try {
            return FormRegistry.load(folder, config.limits(), new TextRules(fonts::canDraw), checks);
        } catch (FormDefinitionError e) {
            fault(folder.getFileName() + " 本身有误，无法检查由它生成的规则：" + e.faults().get(0));
            return null;
        }
    }

    private void render(FormService service, RegisteredForm form, byte[] example, OutputFormat format, Path outputs) {
        try {
            FormService.RenderedFile file = service.render(form, example, format);
            out.println("  " + format.extension().toUpperCase(Locale.ROOT) + "：" + file.fileName() + "，"
                    + describe(file, format));
            if (outputs != null) {
                Files.createDirectories(outputs);
                Files.write(outputs.resolve(form.id() + "." + format.extension()), file.bytes());
            }
        } catch (TemplateFailure | FormError e) {
            fault(format.extension() + "：" + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(FormService.RenderedFile file, OutputFormat format) {
        String size = (file.bytes().length + 1023) / 1024 + " KB";
        return format == OutputFormat.PDF ? file.pages() + " 页，" + size : size;
    }

    private void fault(String message) {
        faults.add(message);
        out.println("  错误：" + message);
    }

    /** The command: exits 0 when the folder is fine, 1 on any fault, 2 on a wrong call. */
    static void main(String[] args, Config config) {
        if (args.length < 2 || args.length > 3 || !Files.isDirectory(Path.of(args[1]))) {
            System.err.println("usage: java -jar jixiao-forms.jar check-form templates/<form-id> [OUTPUT-DIR]");
            System.exit(2);
        }
        List<String> faults = run(Path.of(args[1]), args.length == 3 ? Path.of(args[2]) : null, config, System.out);
        System.exit(faults.isEmpty() ? 0 : 1);
    }

}
