package cn.jixiao.forms.hostile;

import cn.jixiao.forms.App;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to a service of a test's own, started with its own configuration. */
final class OverloadTestClient {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private OverloadTestClient() {
    }

    static HttpResponse<byte[]> post(App app, String path, byte[] body) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
