package cn.jixiao.forms.hostile;

import cn.jixiao.forms.App;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare connections to a service of a test's own from a loopback address of the test's choosing (127.0.0.2
 * acts as another client than 127.0.0.1), and the health checks from 127.0.0.1 that tell whether the other
 * clients are still served.
 */
final class ClientSockets {
    private ClientSockets() {
    }

    static Socket open(App app, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
        return socket;
    }

    /** Writes what it can: the server may have closed the connection already, which the test finds out later. */
    static void send(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closed) {
            // the answer, or its absence, says so
        }
    }

    static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** What went wrong with health checks from 127.0.0.1, each given a second, 200 ms apart: nothing, when all answered 200. */
    static List<String> healthFailures(App app, int probes, Runnable beforeEach) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + app.port() + "/healthz");
        List<String> failures = new ArrayList<>();
        for (int probe = 0; probe < probes; probe++) {
            beforeEach.run();
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    failures.add("probe " + probe + ": " + response.statusCode());
                }
            } catch (IOException e) {
                failures.add("probe " + probe + ": " + e);
            }
            Thread.sleep(200);
        }
        return failures;
    }
}
