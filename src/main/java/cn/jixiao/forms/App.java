package cn.jixiao.forms;

import cn.jixiao.forms.excel.Workbooks;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.http.Metrics;
import cn.jixiao.forms.http.Routes;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.docx.DocxRenderer;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import cn.jixiao.forms.render.pdf.direct.DirectPdfRenderer;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring and start-up; nothing else. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** How long shutting down waits for renders in flight. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * Whether a service of this JVM renders or has rendered every example: loaded and compiled code belongs to
     * the process, so a further service started in it (tests, tools) finds nothing left to warm.
     */
    private static final AtomicBoolean CODE_WARM = new AtomicBoolean();

    private final FormService service;
    private final RenderQueue queue;
    private final Routes routes;
    private final FontLibrary fonts;
    private final Javalin server;
    private final AtomicBoolean ready = new AtomicBoolean();

    public App(Config config) {
        this.fonts = config.fontDir().map(FontLibrary::fromDirectory).orElseGet(FontLibrary::bundled);
        Templates templates = config.templateDir()
                .map(dir -> Templates.fromDirectory(dir.toFile(), config.development()))
                .orElseGet(Templates::bundled);
        RenderBudget budget = new RenderBudget(config.limits().pages(), config.limits().outputBytes());
        this.queue = new RenderQueue(config.renderThreads(), config.queueWait(), config.renderTimeout());
        TextRules textRules = new TextRules(fonts::canDraw);
        IndicatorChecks checks = new IndicatorChecks(config.minSatisfactionPercent());
        FormRegistry forms = config.templateDir()
                .map(dir -> FormRegistry.fromDirectory(dir, config.development(), config.limits(), textRules, checks))
                .orElseGet(() -> FormRegistry.bundled(config.limits(), textRules, checks));
        PdfRenderer pdf = new PdfRenderer(fonts, budget);
        this.service = new FormService(
                forms,
                templates,
                List.of(pdf, new DocxRenderer(fonts, budget)),
                directPdf(config.pdfWriter(), forms, pdf, budget),
                new Workbooks(config.limits()),
                queue);
        this.routes = new Routes(service, new Metrics(queue::inFlight), config, () -> ready.get() && queue.sound());
        this.server = routes.create();
    }

    /**
     * The forms whose PDF the direct layout writes when switched on: those whose form.json says {@code "pdfLayout":
     * "direct"}, having been checked against openhtmltopdf; every other form keeps openhtmltopdf.
     */
    private Map<String, Renderer> directPdf(Config.PdfWriter writer, FormRegistry forms, PdfRenderer pdf, RenderBudget budget) {
        if (writer != Config.PdfWriter.DIRECT) {
            return Map.of();
        }
        DirectPdfRenderer direct = new DirectPdfRenderer(fonts, budget, pdf);
        return forms.all().stream().filter(form -> form.definition().directPdfLayout())
                .collect(Collectors.toMap(RegisteredForm::id, form -> direct));
    }

    public FormService service() {
        return service;
    }

    /** Starts serving, renders every example once unless this JVM has, then says ready: what tests and tools want. */
    public App start(int port) {
        return start(port, true);
    }

    /**
     * Starts serving. With {@code warmFirst}, {@code /healthz} says ready once every example has been rendered
     * in every format; without, once the templates compile and make every example's XHTML (a broken layout
     * still stops the start), while the examples are rendered on a background thread so that the code the
     * first requests need is loaded and compiled. Should a background render fail, the service says it is no
     * longer ready. Either way the examples are rendered only by the first service of the JVM.
     */
    public App start(int port, boolean warmFirst) {
        server.start(port);
        long started = System.nanoTime();
        boolean rendered;
        try {
            service.check();
            rendered = warmFirst && warmCode();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        ready.set(true);
        LOG.info("ready on port {} ({} in {} ms)", server.port(), rendered ? "every example rendered" : "templates checked",
                (System.nanoTime() - started) / 1_000_000);
        if (!warmFirst) {
            Thread warming = new Thread(() -> warmUpBehind(System.nanoTime()), "warm-up");
            warming.setDaemon(true);
            warming.setPriority(Thread.MIN_PRIORITY);
            warming.start();
        }
        return this;
    }

    /** Renders every example once, unless a service of this JVM does or did so: whether it did. */
    private boolean warmCode() {
        if (!CODE_WARM.compareAndSet(false, true)) {
            return false;
        }
        try {
            service.warmUp();
            return true;
        } catch (RuntimeException | Error e) {
            CODE_WARM.set(false);
            throw e;
        }
    }

    private void warmUpBehind(long started) {
        try {
            boolean rendered = warmCode();
            // The fallback fonts are parsed for a document only when it needs one; a broken file shows here.
            fonts.fallbacks().forEach(FontLibrary.Face::verify);
            LOG.info("{}fallback fonts verified, in {} ms", rendered ? "every example rendered once, " : "",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            // An Error too (out of memory, a class that will not load): the thread ends here, and so does ready.
            ready.set(false);
            LOG.error("an example no longer renders; not ready: {}", e.getMessage(), e);
        }
    }

    public int rendersInFlight() {
        return queue.inFlight();
    }

    /** API requests arrived and not yet finished (answered, failed or abandoned by their client). */
    public int requestsInFlight() {
        return routes.requestsInFlight();
    }

    public int port() {
        return server.port();
    }

    /** Stops taking renders, lets those in flight finish and answer, then stops serving. */
    public void stop() {
        ready.set(false);
        if (!queue.drain(GRACE) || !routes.awaitIdle(GRACE)) {
            LOG.warn("requests still running after {} s; stopping anyway", GRACE.toSeconds());
        }
        try {
            server.stop();
        } catch (RuntimeException late) {
            // Jetty stops everything and then reports connections it had to close when its own grace ran out
            // (an idle keep-alive connection can be caught half-way); the service is stopped all the same.
            LOG.warn("stopped; some connections were closed when the grace ran out: {}", late.toString());
        }
    }

    /** The README starts the JVM with its heap bounded; without a bound the heap grows to a quarter of the machine and stays. */
    private static void sayHeapBound() {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        boolean bounded = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize=")
                        || option.startsWith("-XX:MaxRAMPercentage=") || option.startsWith("-XX:MaxRAM="));
        if (bounded) {
            LOG.info("heap bounded at {} MB", mb);
        } else {
            LOG.info("heap not bounded: the JVM may take {} MB and keep it; start with -Xmx512m as the README does", mb);
        }
    }

    public static void main(String[] args) {
        Config config = Config.fromEnvironment(System.getenv());
        if (args.length > 0 && args[0].equals("render-examples")) {
            if (args.length != 2) {
                System.err.println("usage: java -jar jixiao-forms.jar render-examples DIR");
                System.exit(2);
            }
            App app = new App(config);
            ExampleRenderer.renderAll(app.service(), Path.of(args[1]), System.out);
            return;
        }
        if (args.length > 0 && args[0].equals("check-form")) {
            FormCheck.main(args, config);
            return;
        }
        if (args.length == 1 && args[0].equals("class-archive-training")) {
            ClassArchiveTraining.run(config);
            System.exit(0);
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar jixiao-forms.jar [render-examples DIR | check-form templates/<form-id> [DIR]]");
            System.exit(2);
        }
        sayHeapBound();
        try {
            App app = new App(config).start(config.port(), false);
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        } catch (RuntimeException e) {
            LOG.error("cannot start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
