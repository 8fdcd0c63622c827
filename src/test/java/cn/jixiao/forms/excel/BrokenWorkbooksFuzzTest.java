package cn.jixiao.forms.excel;

import cn.jixiao.forms.testing.Samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
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

/**
 * Valid workbooks made by POI, mutated at random (seeded, so a failure can be replayed) and imported: bytes of
 * an .xls flipped, bytes of an .xlsx flipped, or the XML inside it edited. Every answer is a 2xx or a 4xx in
 * the one error model, never a 500, and the service serves on.
 */
class BrokenWorkbooksFuzzTest {
    private static final int MUTANTS = Samples.of(200);
    private static final String[] XML_TOKENS = {"\"", "<", ">", "/>", "&", "t=\"zz\"", "t=\"d\"", "t=\"e\"", "t=\"s\"", "t=\"b\"", "9999999999",
            "-1", "NaN", "INF", "#DIV/0!", "r=\"XFE1\"", "r=\"A0\"", "ref=\"B5:A1\"", "s=\"999\"", "\u0000", "]]>", "<v>", "</c>", "1E308"};

    private static final byte[] XLS = BrokenWorkbooks.xls(book -> SeedWorkbook.write(book, SeedWorkbook.rows()));
    private static final byte[] TARGET = SeedWorkbook.xlsx(SeedWorkbook.rows());
    private static final byte[] TRACKING = TestServer.render("performance-tracking", TestServer.example("performance-tracking"),
            OutputFormat.XLSX).bytes();

    @Test
    void mutatedXlsFilesAreAnsweredWithoutAServerError() {
        assertNoServerError("performance-target", xlsMutants(20261205L, MUTANTS));
    }

    @Test
    void mutatedXlsxFilesAreAnsweredWithoutAServerError() {
        List<List<byte[]>> mutants = xlsxMutants(20261206L, MUTANTS);
        assertNoServerError("performance-target", mutants.get(0));
        assertNoServerError("performance-tracking", mutants.get(1));
    }

    /**
     * Mutants that once gave a 500, from longer runs of other seeds: a workbook without sheets, a style number
     * that is no number, an .xls cell whose style points past the styles, number formats POI cannot list.
     */
    @Test
    void mutantsThatOnceFailedAreAnsweredWithoutAServerError() {
        List<byte[]> xls = xlsMutants(77L, 871);
        assertNoServerError("performance-target", List.of(xls.get(289), xls.get(384), xls.get(870)));
        List<byte[]> targets = xlsxMutants(78L, 600).get(0);
        assertNoServerError("performance-target", List.of(targets.get(29), targets.get(53), targets.get(271)));
        assertNoServerError("performance-target", List.of(xlsxMutants(92L, 64).get(0).get(31)));
    }

    private static List<byte[]> xlsMutants(long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> mutants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mutants.add(flipped(XLS, random, 512));
        }
        return mutants;
    }

    /** Mutants of the target table's workbook and of the tracking form's, alternately: the two lists. */
    private static List<List<byte[]>> xlsxMutants(long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> targets = new ArrayList<>();
        List<byte[]> trackings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<byte[]> into = i % 2 == 0 ? targets : trackings;
            byte[] original = i % 2 == 0 ? TARGET : TRACKING;
            into.add(random.nextInt(4) == 0 ? flipped(original, random, 0) : editedXml(original, random));
        }
        return List.of(targets, trackings);
    }

    private static void assertNoServerError(String form, List<byte[]> mutants) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + form + "/import", mutants.get(i),
                    "Content-Type", "application/octet-stream");
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() >= 500) {
                failures.add("mutant " + i + ": " + response.statusCode() + " " + body);
            } else if (response.statusCode() >= 400) {
                JsonNode error = Json.MAPPER.readTree(response.body());
                assertTrue(error.at("/error/code").isString() && error.at("/error/details").isArray(), "mutant " + i + ": " + body);
            }
        }
        assertEquals(List.of(), failures, "statuses: " + statuses);
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 400), "some mutants are refused: " + statuses);
        assertEquals(200, TestServer.get("/healthz").statusCode());
    }

    /** The file with one to eight bytes after {@code from} set at random. */
    private static byte[] flipped(byte[] original, Random random, int from) {
        byte[] mutant = original.clone();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            mutant[from + random.nextInt(mutant.length - from)] = (byte) random.nextInt(256);
        }
        return mutant;
    }

    /** The workbook with one of its XML parts edited where the cells, strings and styles are: a token put in, or text cut out. */
    private static byte[] editedXml(byte[] original, Random random) {
        Map<String, byte[]> entries = BrokenWorkbooks.entries(original);
        List<String> parts = entries.keySet().stream().filter(name -> name.endsWith(".xml") || name.endsWith(".rels")).toList();
        String part = random.nextInt(2) == 0 ? "xl/worksheets/sheet1.xml" : parts.get(random.nextInt(parts.size()));
        String xml = new String(entries.get(part), StandardCharsets.UTF_8);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(xml.length());
            xml = random.nextBoolean() ? xml.substring(0, at) + XML_TOKENS[random.nextInt(XML_TOKENS.length)] + xml.substring(at)
                    : xml.substring(0, at) + xml.substring(Math.min(xml.length(), at + 1 + random.nextInt(12)));
        }
        entries.put(part, xml.getBytes(StandardCharsets.UTF_8));
        return BrokenWorkbooks.zip(entries);
    }
}
