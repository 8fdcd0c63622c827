package cn.jixiao.forms;

import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.http.HttpApi;
import cn.jixiao.forms.render.DocxRenderer;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.PdfRenderer;
import cn.jixiao.forms.render.Templates;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring and start-up; nothing else. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final FormService service;
    private final Javalin server;
    private final AtomicBoolean ready = new AtomicBoolean();

    public App(Config config) {
        FontLibrary fonts = FontLibrary.bundled();
        DocxRenderer docx = new DocxRenderer(fonts);
        this.service = new FormService(
                FormRegistry.standard(config.limits(), new TextRules(fonts::canDraw)),
                Templates.bundled(),
                List.of(new PdfRenderer(fonts), docx));
        this.server = new HttpApi(service, ready::get).create(config.limits().bodyBytes());
    }

    public FormService service() {
        return service;
    }

    /** Starts serving, then warms up; {@code /healthz} says ready once fonts and templates are loaded. */
    public App start(int port) {
        server.start(port);
        long started = System.nanoTime();
        try {
            service.warmUp();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        ready.set(true);
        LOG.info("ready on port {} (warm-up {} ms)", server.port(), (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    public int port() {
        return server.port();
    }

    public void stop() {
        server.stop();
    }

    public static void main(String[] args) {
        Config config = Config.fromEnvironment(System.getenv());
        App app = new App(config).start(config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    }
}
