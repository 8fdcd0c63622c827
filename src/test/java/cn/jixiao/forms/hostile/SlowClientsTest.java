package cn.jixiao.forms.hostile;

import cn.jixiao.forms.testing.LoggedLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their bodies, or hang up halfway, on a service of the test's own with the default
 * configuration. A slow client (here from 127.0.0.2, on as many connections as one client may have, and
 * more, which are closed) may not starve the others (from 127.0.0.1): the health
 * check answers within its one-second timeout throughout, and renders go on.
 */
class SlowClientsTest {
    private static final String RENDER = "/api/v1/forms/performance-tracking/render";
    private static App app;

    @BeforeAll
    static void start() {
        app = new App(Config.fromEnvironment(Map.of())).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        app = null; // a stopped service still holds its fonts and caches while the test class stays loaded
    }

    private static Socket open(String from) throws IOException {
        return ClientSockets.open(app, from);
    }

    private static void sendHead(Socket socket, int contentLength, String requestId) {
        ClientSockets.send(socket, "POST " + RENDER + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Request-Id: " + requestId + "\r\nContent-Length: " + contentLength + "\r\n\r\n");
    }

    @Test
    void aTrickleOfBytesFromManyConnectionsDoesNotStarveOtherClients() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        Thread attacker = new Thread(() -> {
            List<Socket> sockets = new ArrayList<>();
            try {
                while (attacking.get()) {
                    while (sockets.size() < 300) {
                        Socket socket = open("127.0.0.2");
                        sendHead(socket, 100_000, "slow");
                        sockets.add(socket);
                    }
                    for (int i = sockets.size() - 1; i >= 0; i--) {
                        try {
                            OutputStream out = sockets.get(i).getOutputStream();
                            out.write(' ');
                            out.flush();
                        } catch (IOException cutOff) {
                            sockets.remove(i).close();
                        }
                    }
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException e) {
                // the attack ends with the test
            } finally {
                ClientSockets.closeAll(sockets);
            }
        }, "slow-clients");
        attacker.start();
        try {
            Thread.sleep(1000);
            assertEquals(List.of(), ClientSockets.healthFailures(app, 30, () -> { }), "the health check answered within a second throughout");
            HttpResponse<byte[]> render = OverloadTestClient.post(app, RENDER, TestServer.example("performance-tracking"));
            assertEquals(200, render.statusCode(), "renders go on");
        } finally {
            attacking.set(false);
            attacker.join(10_000);
        }
    }

    @Test
    void aBodyTooSlowIsCutOffWith408() throws Exception {
        try (Socket socket = open("127.0.0.1")) {
            socket.setSoTimeout(20_000);
            sendHead(socket, 1000, "trickle");
            OutputStream out = socket.getOutputStream();
            try {
                for (int i = 0; i < 10; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException cutOff) {
                // the server gave up on us, as it should
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"code\":\"request_timeout\""), answer);
        }
    }

    @Test
    void aClientThatHangsUpDuringARenderIsLoggedAndNoLongerCounted() throws Exception {
        try (LoggedLines lines = LoggedLines.of("access")) {
            byte[] body = TestServer.example("performance-target");
            for (int i = 0; i < 3; i++) {
                try (Socket socket = open("127.0.0.1")) {
                    sendHead(socket, body.length, "hang-up-" + i);
                    socket.getOutputStream().write(body);
                    socket.getOutputStream().flush();
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((app.requestsInFlight() > 0 || lines.count(e -> e.getFormattedMessage().contains("hang-up-")) < 3)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, app.requestsInFlight(), "nothing left for a shutdown to wait for");
            for (int i = 0; i < 3; i++) {
                String id = "\"hang-up-" + i + "\"";
                assertTrue(lines.anyContaining(id), "an access line for " + id);
            }
        }
    }
}
