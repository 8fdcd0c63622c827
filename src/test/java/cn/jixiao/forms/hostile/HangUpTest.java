package cn.jixiao.forms.hostile;

import cn.jixiao.forms.App;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.LoggedLines;
import cn.jixiao.forms.testing.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client that hangs up while its single render runs stops it: {@code /render}, {@code /page} and
 * {@code /import?format=} of a 目标表 of 180 projects (seconds of layout), each abandoned once its client has gone,
 * long before it would end, and the slot is free again.
 */
@Tag("load")
class HangUpTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static App app;
    private static byte[] target;

    @BeforeAll
    static void start() {
        app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_THREADS", "1"))).start(0);
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
        ArrayNode projects = (ArrayNode) document.at("/units/0/projects");
        ArrayNode original = projects.deepCopy();
        for (int i = 1; i < 6; i++) {
            projects.addAll(original.deepCopy());
        }
        target = Json.MAPPER.writeValueAsBytes(document);
    }

    @AfterAll
    static void stop() {
        app.stop();
        app = null; // a stopped service still holds its fonts and caches while the test class stays loaded
    }

    private static void hangUpDuring(String path, byte[] body, String type) throws Exception {
        try (LoggedLines lines = LoggedLines.of("cn.jixiao.forms.http.ErrorResponses")) {
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                while (app.rendersInFlight() == 0) {
                    Thread.sleep(1);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!lines.anyContaining("its client went away")) {
                assertTrue(System.nanoTime() < deadline, path + ": the render was abandoned");
                Thread.sleep(5);
            }
            while (app.rendersInFlight() > 0) {
                Thread.sleep(5);
            }
            assertEquals(1, lines.count(l -> l.getFormattedMessage().contains(path.replaceAll("\\?.*", ""))), lines.toString());
        }
    }

    @Test
    void aRenderIsStoppedWhenItsClientHangsUp() throws Exception {
        hangUpDuring("/api/v1/forms/performance-target/render?format=pdf", target, "application/json");
    }

    @Test
    void aPagePictureIsStoppedWhenItsClientHangsUp() throws Exception {
        hangUpDuring("/api/v1/forms/performance-target/page?page=1", target, "application/json");
    }

    @Test
    void anImportRenderedAtOnceIsStoppedWhenItsClientHangsUp() throws Exception {
        byte[] workbook = app.service().render(app.service().form("performance-target"), target,
                OutputFormat.XLSX).bytes();
        hangUpDuring("/api/v1/forms/performance-target/import?format=pdf", workbook, XLSX);
    }
}
