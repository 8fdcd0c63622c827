package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code /healthz} and {@code /metrics} are outside the per-client request limit: from an address whose two
 * requests at once are taken by bodies that never finish (and two more wait behind them), as from a busy proxy,
 * both still answer.
 */
@Tag("load")
class HealthFromABusyAddressTest {
    private static final String BUSY = "127.0.0.6";
    private static App app;

    @BeforeAll
    static void start() {
        app = new App(Config.fromEnvironment(Map.of("JIXIAO_THREADS_PER_CLIENT", "2",
                "JIXIAO_MIN_UPLOAD_BYTES_PER_SECOND", "0"))).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        app = null; // a stopped service still holds its fonts and caches while the test class stays loaded
    }

    @Test
    void healthAndMetricsAnswerAnAddressThatHoldsItsLimit() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = ClientSockets.open(app, BUSY);
                held.add(socket);
                ClientSockets.send(socket, "POST /api/v1/forms/performance-tracking/validate HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"forms\":");
            }
            while (app.requestsInFlight() < 4) {
                Thread.sleep(5);
            }
            for (String path : new String[]{"/healthz", "/metrics"}) {
                try (Socket socket = ClientSockets.open(app, BUSY)) {
                    socket.setSoTimeout(10_000);
                    ClientSockets.send(socket, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                    String answer = statusLine(socket);
                    assertTrue(answer.startsWith("HTTP/1.1 200"), path + ": " + answer);
                }
            }
        } finally {
            ClientSockets.closeAll(held);
        }
    }

    private static String statusLine(Socket socket) {
        try {
            byte[] line = socket.getInputStream().readNBytes(12);
            return new String(line, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
