package cn.jixiao.forms.hostile;

import cn.jixiao.forms.form.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.Samples;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutates the examples at random (seeded, so a failure can be replayed) and sends every mutant: no
 * answer may be a 5xx, every answer must come back in time, and the service must keep serving.
 */
class FuzzTest {
    private static final long SEED = 20261124L;
    /** Enough that every form served gets its share of each kind of mutant. */
    private static final int MUTANTS = Samples.of(360);
    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\\u0000", "\\ud800", "\\uFFFF", "1e999",
            "-", "null", "true", "0.001", "😀", "𪚥", "\u0000", "\u202E", "<", "&", "${", "]]>", "\n", "\t", "\u3000"};
    private static final Object[] VALUES = {null, true, false, -1, 0, "1e400", 1.005, "", "x".repeat(6000), "[]", "{}",
            "2021-02-30", "😀", "<w:p>", "${7*7}", "\uFFFE", 9.99e20, "产出指标", "31", 31, "[[[[[[[[[[]]]]]]]]]]"};

    @Test
    void mutantsNeverCauseAServerErrorOrAHang() {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> forms = TestServer.app().service().forms().stream().filter(f -> f.example().isPresent())
                .map(RegisteredForm::id).toList();
        for (int i = 0; i < MUTANTS; i++) {
            String form = forms.get(random.nextInt(forms.size()));
            byte[] mutant = random.nextInt(3) == 0 ? mutateBytes(TestServer.example(form), random) : mutateTree(TestServer.example(form), random);
            String endpoint = random.nextInt(4) == 0 ? "/validate" : "/render?format=" + (random.nextBoolean() ? "pdf" : "docx");
            HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + form + endpoint, mutant);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                failures.add("mutant " + i + " (" + form + endpoint + "): " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            } else if (response.statusCode() >= 400) {
                JsonNode error = Json.MAPPER.readTree(response.body());
                assertTrue(error.at("/error/code").isString(), "JSON error for mutant " + i);
            }
        }
        assertEquals(List.of(), failures, "statuses: " + statuses);
        assertTrue(statuses.getOrDefault(200, 0) > 10 && statuses.getOrDefault(422, 0) > 10 && statuses.getOrDefault(400, 0) > 10,
                "the mutants reach every stage: " + statuses);
        assertEquals(200, TestServer.get("/healthz").statusCode());
    }

    private static byte[] mutateBytes(byte[] original, Random random) {
        String text = new String(original, StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
                case 1 -> text = text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
                case 2 -> text = text.substring(0, at);
                default -> {
                    int end = Math.min(text.length(), at + random.nextInt(200));
                    text = text.substring(0, end) + text.substring(at, end) + text.substring(end);
                }
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] mutateTree(byte[] original, Random random) {
        JsonNode root = Json.MAPPER.readTree(original);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            Object value = VALUES[random.nextInt(VALUES.length)];
            JsonNode replacement = value instanceof String s && (s.startsWith("[") || s.startsWith("{"))
                    ? Json.MAPPER.readTree(s) : Json.MAPPER.valueToTree(value);
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>(object.propertyNames());
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set("extra" + random.nextInt(3), replacement);
                    default -> object.set(name, replacement);
                }
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                int index = random.nextInt(array.size());
                switch (random.nextInt(3)) {
                    case 0 -> array.remove(index);
                    case 1 -> array.add(array.get(index).deepCopy());
                    default -> array.set(index, replacement);
                }
            }
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }
}
