package cn.jixiao.forms.testing;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService;
import cn.jixiao.forms.render.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One running service for all tests of a JVM, on a free port, with the bundled fonts and templates. */
public final class TestServer {
    private static App app;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer() {
    }

    public static synchronized App app() {
        if (app == null) {
            app = new App(config()).start(0);
        }
        return app;
    }

    /**
     * The defaults, but for where layouts and fonts come from: JIXIAO_TEMPLATE_DIR and JIXIAO_FONT_DIR are
     * honoured, so that a maintainer can run the approval tests against a layout kept outside the source. And a
     * request waits up to a minute for a render slot: the tests that share this service run side by side on a busy
     * machine (the wait itself is tested on services of their own).
     */
    public static Config config() {
        Map<String, String> env = new HashMap<>(Map.of("JIXIAO_QUEUE_WAIT_MS", "60000"));
        for (String name : new String[]{"JIXIAO_TEMPLATE_DIR", "JIXIAO_FONT_DIR"}) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return Config.fromEnvironment(env);
    }

    /** Renders a document through the service's front door, as a request would. */
    public static FormService.RenderedFile render(String formId, byte[] body, OutputFormat format) {
        FormService service = app().service();
        return service.render(service.form(formId), body, format);
    }

    public static URI uri(String path) {
        return URI.create("http://localhost:" + app().port() + path);
    }

    public static HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public static HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            request.header("Content-Type", "application/json");
        }
        return send(request.timeout(Duration.ofSeconds(60)).build());
    }

    public static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] example(String formId) {
        try {
            return Files.readAllBytes(Path.of("examples", formId + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
