package cn.jixiao.forms.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The layouts: FreeMarker {@code .ftlh} templates with auto-escaping, one folder per form under
 * {@code templates/}, compiled once. Each form's entry point is {@code <form-id>/form.ftlh}.
 */
public final class Templates {
    public static final String ENTRY = "form.ftlh";
    private final Configuration configuration;

    private Templates(TemplateLoader loader, boolean development) {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(loader);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
        configuration.setLocale(Locale.SIMPLIFIED_CHINESE);
        configuration.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setTemplateUpdateDelayMilliseconds(development ? 0 : Long.MAX_VALUE);
    }

    /** The layouts bundled in the jar. */
    public static Templates bundled() {
        return new Templates(new ClassTemplateLoader(Templates.class, "/templates"), false);
    }

    /**
     * Layouts from a directory of the same structure as {@code templates/}; what it lacks ({@code common/}, say) comes
     * from the jar.
     */
    public static Templates fromDirectory(File directory, boolean development) {
        try {
            return new Templates(new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(directory),
                    new ClassTemplateLoader(Templates.class, "/templates")}), development);
        } catch (IOException e) {
            throw new IllegalArgumentException("template directory unusable: " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Compiles a form's template now, so that a broken layout stops the service at start-up. */
    public void compile(String formId) {
        template(formId);
    }

    /** The XHTML of a form's template: {@code doc} is the document's view, {@code form} what its form.json says. */
    public String render(String formId, Object view, Object form) {
        Template template = template(formId);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.process(Map.of("doc", view, "form", form), out);
        } catch (TemplateException e) {
            throw new TemplateFailure(describe(e), e);
        } catch (IOException e) {
            throw new TemplateFailure(formId + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Template template(String formId) {
        String name = formId + "/" + ENTRY;
        try {
            return configuration.getTemplate(name);
        } catch (ParseException e) {
            throw new TemplateFailure(e.getTemplateName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": " + e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new TemplateFailure(name + ": " + e.getMessage(), e);
        }
    }

    private static String describe(TemplateException e) {
        return e.getTemplateSourceName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
                + e.getMessageWithoutStackTop();
    }
}
