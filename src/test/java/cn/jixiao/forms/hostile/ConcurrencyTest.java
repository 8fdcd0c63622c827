package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 200 mixed requests from 16 threads at once: every answer right, none mixed up with another's. */
@Tag("load")
class ConcurrencyTest {
    private static final int REQUESTS = 200;
    private static final int THREADS = 16;

    @Test
    void everyResponseCarriesItsOwnDocument() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return exchange(n);
            }));
        }
        start.countDown();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (Future<String> result : results) {
            String failure = result.get(120, TimeUnit.SECONDS);
            if (failure != null) {
                failures.add(failure);
            }
        }
        pool.shutdown();
        assertEquals(List.of(), failures);
    }

    /** One request of a kind chosen by its number; null when its answer is right. */
    private static String exchange(int n) {
        String name = "并发项目" + n + "号";
        switch (n % 5) {
            case 0, 1 -> {
                String format = n % 5 == 0 ? "pdf" : "docx";
                byte[] body = JsonEdit.edit(JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/1", JsonEdit.REMOVE),
                        "/forms/0/projectName", Json.MAPPER.writeValueAsString(name));
                HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/render?format=" + format, body);
                return check(n, response, format, name);
            }
            case 2, 3 -> {
                String format = n % 5 == 2 ? "pdf" : "docx";
                byte[] body = JsonEdit.edit(TestServer.example("performance-target"), "/units/0/projects/5/name",
                        Json.MAPPER.writeValueAsString(name));
                HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-target/render?format=" + format, body);
                return check(n, response, format, name);
            }
            default -> {
                byte[] body = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/annualBudget", "-" + n);
                HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/validate", body);
                JsonNode verdict = Json.MAPPER.readTree(response.body());
                boolean right = response.statusCode() == 200 && !verdict.path("valid").asBoolean()
                        && verdict.at("/errors/0/message").asString().contains("-" + n);
                return right ? null : n + ": validate answered " + response.statusCode() + " " + verdict;
            }
        }
    }

    private static String check(int n, HttpResponse<byte[]> response, String format, String name) {
        if (response.statusCode() != 200) {
            return n + ": " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
        }
        String text = format.equals("pdf") ? PdfDigest.text(response.body()) : DocxDigest.text(response.body());
        String others = text.replace(name, "");
        if (!text.contains(name)) {
            return n + ": " + format + " lacks its own name " + name;
        }
        if (others.matches("(?s).*并发项目\\d+号.*")) {
            return n + ": " + format + " carries another request's name";
        }
        return null;
    }
}
