package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One address opening more connections than a client may, and holding them with request heads that never end
 * (a header byte every now and then), on a service of the test's own allowing 20 connections a client and 40 in
 * all: the connections beyond 20 are closed at once (two of them after two seconds, having served nothing but a
 * health check), so another address (127.0.0.1) is still served; and once the first address lets its connections
 * go, it may open as many again and is served.
 */
@Tag("load")
class ClientConnectionsTest {
    private static final int PER_CLIENT = 20;
    private static final int OPENED = 50;
    private static App app;

    @BeforeAll
    static void start() {
        app = new App(Config.fromEnvironment(Map.of("JIXIAO_MAX_CONNECTIONS_PER_CLIENT", String.valueOf(PER_CLIENT),
                "JIXIAO_MAX_CONNECTIONS", "40"))).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        app = null; // a stopped service still holds its fonts and caches while the test class stays loaded
    }

    /** {@link #OPENED} connections from one address, each with a request head begun and not finished. */
    private static List<Socket> beginHeads(String from) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < OPENED; i++) {
            Socket socket = ClientSockets.open(app, from);
            sockets.add(socket);
            ClientSockets.send(socket, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Trickle: ");
        }
        return sockets;
    }

    /** Whether the server has closed the connection: it answers nothing to a head not yet finished. */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(10);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** The connections the server keeps open, once it has closed those it is going to (within a few seconds). */
    private static List<Socket> keptOpen(List<Socket> sockets) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Socket> open = new ArrayList<>(sockets);
        while (open.size() > PER_CLIENT && System.nanoTime() < deadline) {
            open.removeIf(ClientConnectionsTest::closedByServer);
            Thread.sleep(100);
        }
        return open;
    }

    private static void trickle(List<Socket> sockets) {
        for (Socket socket : sockets) {
            ClientSockets.send(socket, "a");
        }
    }

    @Test
    void connectionsBeyondAClientsShareAreClosedAndOthersAreServed() throws Exception {
        List<Socket> sockets = beginHeads("127.0.0.2");
        try {
            List<Socket> held = keptOpen(sockets);
            assertEquals(PER_CLIENT, held.size(), "connections of 127.0.0.2 the server keeps open");
            assertEquals(List.of(), ClientSockets.healthFailures(app, 10, () -> trickle(held)),
                    "the health check answered 127.0.0.1 within a second throughout");
            HttpResponse<byte[]> render = OverloadTestClient.post(app, "/api/v1/forms/performance-tracking/render",
                    TestServer.example("performance-tracking"));
            assertEquals(200, render.statusCode(), "renders go on");
            trickle(held);
            assertEquals(List.of(), held.stream().filter(ClientConnectionsTest::closedByServer).toList(),
                    "the connections within the share stay open");
        } finally {
            ClientSockets.closeAll(sockets);
        }
    }

    @Test
    void aConnectionPastTheShareServesAHealthCheckAndNothingElse() throws Exception {
        List<Socket> sockets = beginHeads("127.0.0.4");
        try {
            assertEquals(PER_CLIENT, keptOpen(sockets).size(), "connections of 127.0.0.4 the server keeps open");
            for (String path : new String[]{"/healthz", "/metrics"}) {
                String answer = answerOn("127.0.0.4", "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 200"), path + ": " + answer);
            }
            String refused = answerOn("127.0.0.4", "GET /api/v1/forms HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(refused.startsWith("HTTP/1.1 503") && refused.contains("\"overloaded\"")
                    && refused.contains("JIXIAO_MAX_CONNECTIONS_PER_CLIENT"), refused);
        } finally {
            ClientSockets.closeAll(sockets);
        }
    }

    /** The whole answer to one request on a connection of its own from {@code from}. */
    private static String answerOn(String from, String request) throws IOException {
        try (Socket socket = ClientSockets.open(app, from)) {
            socket.setSoTimeout(5000);
            ClientSockets.send(socket, request);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAddressWhoseConnectionsClosedMayOpenAsManyAgain() throws Exception {
        List<Socket> sockets = beginHeads("127.0.0.3");
        try {
            assertEquals(PER_CLIENT, keptOpen(sockets).size(), "connections of 127.0.0.3 the server keeps open");
        } finally {
            ClientSockets.closeAll(sockets);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> answers;
        do {
            Thread.sleep(100);
            answers = healthChecksAtOnce("127.0.0.3");
        } while (!answers.stream().allMatch(a -> a.startsWith("HTTP/1.1 200")) && System.nanoTime() < deadline);
        assertTrue(answers.stream().allMatch(a -> a.startsWith("HTTP/1.1 200")), answers.toString());
    }

    /** The start of the answer to each of as many health checks as a client may have connections, each on its own. */
    private static List<String> healthChecksAtOnce(String from) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < PER_CLIENT; i++) {
                Socket socket = ClientSockets.open(app, from);
                sockets.add(socket);
                ClientSockets.send(socket, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
            }
            for (Socket socket : sockets) {
                socket.setSoTimeout(5000);
                byte[] head = new byte[15];
                int read = 0;
                try {
                    for (int n; read < head.length && (n = socket.getInputStream().read(head, read, head.length - read)) > 0; ) {
                        read += n;
                    }
                } catch (IOException e) {
                    answers.add(e.toString());
                    continue;
                }
                answers.add(new String(head, 0, read, StandardCharsets.US_ASCII));
            }
            return answers;
        } finally {
            ClientSockets.closeAll(sockets);
        }
    }
}
