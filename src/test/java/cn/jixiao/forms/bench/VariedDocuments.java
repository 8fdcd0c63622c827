package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents that differ in their text, made from a form's example so that no two share a font subset or a cache
 * entry: every free-text field (names, units, narratives, indicator texts) is written again from clauses of every
 * form's example, at another length (a third to twice the original), by a generator seeded with the document's
 * number, so the same number always gives the same document. A field whose new text the form refuses (a choice
 * from a list, a code) keeps the example's; every document made is checked, and one that is refused is not used.
 * <p>
 * {@code java -cp target/jixiao-forms.jar:target/test-classes cn.jixiao.forms.bench.VariedDocuments <form> <count> <dir>}
 * writes {@code <dir>/0.json} … for the load run.
 */
public final class VariedDocuments {
    private final RegisteredForm form;
    private final JsonNode example;
    private final List<String> clauses;
    private final Set<String> fixed = new HashSet<>();
    private int refused;

    public VariedDocuments(RegisteredForm form, Collection<RegisteredForm> all) {
        this.form = form;
        this.example = Json.MAPPER.readTree(form.example().orElseThrow());
        this.clauses = clauses(all);
        probe();
    }

    /** Documents {@code from} … {@code from + count - 1}, each checked; fewer when some were refused. */
    public List<byte[]> documents(int from, int count) {
        List<byte[]> documents = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            JsonNode document = document(n);
            if (form.verdict(document).valid()) {
                documents.add(Json.MAPPER.writeValueAsBytes(document));
            } else {
                refused++;
            }
        }
        return documents;
    }

    /** How many documents made so far the form refused (none is expected). */
    public int refused() {
        return refused;
    }

    /** Document number {@code n}: the example with its free text written again. */
    JsonNode document(long n) {
        Random random = new Random(0x5eed_0000L + n);
        JsonNode copy = example.deepCopy();
        rewrite(copy, "", random);
        return copy;
    }

    private void rewrite(JsonNode node, String pointer, Random random) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                String at = pointer + "/" + field.getKey();
                if (free(field.getValue(), at)) {
                    object.put(field.getKey(), text(field.getValue().asString(), random));
                } else {
                    rewrite(field.getValue(), at, random);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = pointer + "/" + i;
                if (free(array.get(i), at)) {
                    array.set(i, text(array.get(i).asString(), random));
                } else {
                    rewrite(array.get(i), at, random);
                }
            }
        }
    }

    private boolean free(JsonNode value, String pointer) {
        return value.isString() && chinese(value.asString()) && !fixed.contains(general(pointer));
    }

    /** Fields whose rewritten text the form refuses, by their path with array indexes left out. */
    private void probe() {
        Map<String, Integer> groups = new LinkedHashMap<>();
        collect(example, "", groups);
        for (String group : groups.keySet()) {
            JsonNode trial = example.deepCopy();
            only(trial, "", group, new Random(group.hashCode()));
            if (!form.verdict(trial).valid()) {
                fixed.add(group);
            }
        }
    }

    private void collect(JsonNode node, String pointer, Map<String, Integer> groups) {
        if (node.isString() && chinese(node.asString())) {
            groups.merge(general(pointer), 1, Integer::sum);
        } else if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> collect(field.getValue(), pointer + "/" + field.getKey(), groups));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), pointer + "/" + i, groups);
            }
        }
    }

    /** Rewrites only the fields of one group. */
    private void only(JsonNode node, String pointer, String group, Random random) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                String at = pointer + "/" + field.getKey();
                if (field.getValue().isString() && general(at).equals(group)) {
                    object.put(field.getKey(), text(field.getValue().asString(), random));
                } else {
                    only(field.getValue(), at, group, random);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                only(array.get(i), pointer + "/" + i, group, random);
            }
        }
    }

    /** New text for {@code original}: clauses drawn at random, a third to twice as long, ending as it ended. */
    private String text(String original, Random random) {
        int length = Math.max(2, (int) Math.round(original.length() * (0.33 + random.nextDouble() * 1.67)));
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (!text.isEmpty()) {
                text.append(random.nextInt(4) == 0 ? '；' : '，');
            }
            text.append(clauses.get(random.nextInt(clauses.size())));
        }
        text.setLength(length);
        if (original.endsWith("。") && length > 2) {
            text.setCharAt(length - 1, '。');
        }
        return text.toString();
    }

    private static String general(String pointer) {
        return pointer.replaceAll("/\\d+(?=/|$)", "/*");
    }

    private static boolean chinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Every clause of two or more characters of every form's example, between punctuation, in a fixed order. */
    private static List<String> clauses(Collection<RegisteredForm> forms) {
        Set<String> clauses = new LinkedHashSet<>();
        for (RegisteredForm each : forms) {
            each.example().ifPresent(bytes -> strings(Json.MAPPER.readTree(bytes), clauses));
        }
        return List.copyOf(clauses);
    }

    private static void strings(JsonNode node, Set<String> clauses) {
        if (node.isString()) {
            for (String clause : node.asString().split("[，。；、：:,;.!！？?（）()“”\"\\s]+")) {
                if (clause.length() >= 2 && chinese(clause)) {
                    clauses.add(clause);
                }
            }
        }
        node.forEach(child -> strings(child, clauses));
    }

    public static void main(String[] args) throws Exception {
        String id = args[0];
        int count = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        App app = new App(Config.defaults());
        VariedDocuments varied = new VariedDocuments(app.service().form(id), app.service().forms());
        Files.createDirectories(dir);
        Set<String> distinct = new HashSet<>();
        int n = 0;
        for (byte[] document : varied.documents(0, count)) {
            Files.write(dir.resolve(n++ + ".json"), document);
            distinct.add(new String(document, StandardCharsets.UTF_8));
        }
        System.out.printf("%d documents of %s in %s (%d distinct, %d refused, %d kinds of field kept as in the example)%n",
                n, id, dir, distinct.size(), varied.refused(), varied.fixed.size());
        System.exit(0);
    }
}
