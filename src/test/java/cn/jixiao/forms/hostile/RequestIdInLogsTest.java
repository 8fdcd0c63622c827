package cn.jixiao.forms.hostile;

import cn.jixiao.forms.testing.LoggedLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A render that outlives its deadline is logged, on the render thread too, with the id the request came with. */
class RequestIdInLogsTest {
    @Test
    void aRenderPastItsDeadlineIsLoggedWithItsRequestsId() throws Exception {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_TIMEOUT_MS", "100"))).start(0);
        try (LoggedLines lines = LoggedLines.of("cn.jixiao.forms.RenderQueue")) {
            ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
            ArrayNode projects = (ArrayNode) document.at("/units/0/projects");
            ArrayNode original = projects.deepCopy();
            for (int i = 1; i < 6; i++) {
                projects.addAll(original.deepCopy());
            }
            HttpResponse<byte[]> slow = TestServer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                            + "/api/v1/forms/performance-target/render")).header("Content-Type", "application/json")
                    .header("X-Request-Id", "slow-render-7").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(document))).build());
            assertEquals(503, slow.statusCode());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!logged(lines, "after its deadline")) {
                assertTrue(System.nanoTime() < deadline, "the end of the abandoned render was logged: " + lines);
                Thread.sleep(10);
            }
            assertTrue(logged(lines, "abandoned at its deadline"), lines.toString());
        } finally {
            app.stop();
        }
    }

    private static boolean logged(LoggedLines lines, String words) {
        return lines.any(line -> line.getFormattedMessage().contains(words)
                && "slow-render-7".equals(line.getMDCPropertyMap().get("request")));
    }
}
