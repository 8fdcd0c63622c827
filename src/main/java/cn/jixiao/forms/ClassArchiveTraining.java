package cn.jixiao.forms;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The run the package step makes under {@code -XX:ArchiveClassesAtExit}: the service starts as it does for
 * users, answers {@code /healthz}, the page and a render of every example in every format over HTTP, and stops.
 * The classes it loaded go into the class-data archive that the README's start command names, so that a
 * fresh service finds them parsed and verified.
 */
final class ClassArchiveTraining {
    private ClassArchiveTraining() {
    }

    static void run(Config config) {
        App app = new App(config).start(0, true);
        try {
            String base = "http://localhost:" + app.port();
            exchange(base + "/healthz", null);
            exchange(base + "/", null);
            exchange(base + "/openapi.json", null);
            for (RegisteredForm form : app.service().forms()) {
                String path = base + "/api/v1/forms/" + form.id();
                byte[] example = form.example().orElse(null);
                if (example == null) {
                    continue;
                }
                exchange(path + "/validate", example);
                for (OutputFormat format : OutputFormat.values()) {
                    exchange(path + "/render?format=" + format.extension(), example);
                }
            }
        } finally {
            app.stop();
        }
    }

    private static void exchange(String url, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            if (body != null) {
                connection.setRequestMethod("POST");
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
