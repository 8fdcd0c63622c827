package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.bench.WorkbookAttacks;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What once kept a render slot for minutes is read in the time its cells take: rows whose last cell stands at
 * XFD, a 绩效指标 cell of 300,000 characters, one long shared string in 44,000 cells. And an import past its
 * deadline stops, freeing its slot, as a render does.
 */
class BrokenWorkbooksDeadlineTest {
    private static final String IMPORT = "/api/v1/forms/performance-target/import";
    private static final String HEADER = header(1);
    private static final String PROJECT = "<row r=\"%d\">"
            + "<c r=\"A%1$d\" t=\"inlineStr\"><is><t>设备购置</t></is></c><c r=\"C%1$d\"><v>100</v></c>"
            + "<c r=\"D%1$d\" t=\"inlineStr\"><is><t>更新设备</t></is></c>"
            + "<c r=\"E%1$d\" t=\"inlineStr\"><is><t>1、1-产出指标：11-数量指标：购置台数；实施周期指标值：2台；年度指标值：2台。</t></is></c></row>";

    private static String header(int row) {
        return RawWorkbook.row(row, "项目名称", "总计", "财政拨款", "绩效目标", "绩效指标");
    }

    private static HttpResponse<byte[]> post(byte[] workbook) {
        return TestServer.post(IMPORT, workbook, "Content-Type", "application/octet-stream");
    }

    /** The answer to an import, which must have this status. */
    private static JsonNode answered(byte[] workbook, int status) {
        HttpResponse<byte[]> response = post(workbook);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(status, response.statusCode(), answer.toString());
        return answer;
    }

    /** Rows of one note in column A and one cell at XFD, {@code count} of them from row {@code from}. */
    private static String sparse(int from, int count) {
        StringBuilder rows = new StringBuilder();
        for (int r = from; r < from + count; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>备注</t></is></c><c r=\"XFD")
                    .append(r).append("\"><v>1</v></c></row>");
        }
        return rows.toString();
    }

    @Test
    void rowsEndingAtXfdAboveTheHeaderCostTheirCells() {
        String rows = sparse(1, 10_000) + RawWorkbook.row(10_001, "单位名称：某医院") + header(10_002) + String.format(PROJECT, 10_003);
        JsonNode answer = answered(RawWorkbook.of(rows).bytes(), 200);
        assertEquals("设备购置", answer.at("/document/units/0/projects/0/name").asString(), answer.toString());
        assertEquals("Sheet1!A10003", answer.at("/sources/~1units~10~1projects~10~1name").asString());
    }

    @Test
    void rowsEndingAtXfdWithoutAHeaderAreRefusedAtOnce() {
        HttpResponse<byte[]> response = post(RawWorkbook.of(sparse(1, 15_000)).bytes());
        assertEquals(422, response.statusCode());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("找不到目标表的表头行"));
    }

    @Test
    void rowsEndingAtXfdInAFormOfSheetsCostTheirCells() {
        byte[] workbook = RawWorkbook.of(RawWorkbook.row(1, "项目名称", "设备购置") + RawWorkbook.row(2, "预算单位", "某医院")
                + sparse(3, 10_000)).bytes();
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/import", workbook,
                "Content-Type", "application/octet-stream");
        assertTrue(response.statusCode() == 200 || response.statusCode() == 422, new String(response.body(), StandardCharsets.UTF_8));
    }

    /**
     * A cell longer than a field may be is cut before any pattern looks at it, and is an error at its cell: one
     * longer than Excel allows (32,767) too, as a file written by hand holds it. The rest of the workbook loads.
     */
    @ParameterizedTest
    @ValueSource(ints = {5001, 300_000})
    void aLongIndicatorCellIsRefusedAtItsCell(int length) {
        String composed = "1、1-产出指标：11-数量指标：" + RawWorkbook.varied(length) + "；实施周期指标值：1；年度指标值：1。";
        String project = String.format(PROJECT, 2).replaceFirst("<is><t>1、[^<]*</t>", "<is><t>" + composed + "</t>");
        JsonNode answer = answered(RawWorkbook.of(HEADER + project).bytes(), 200);
        assertEquals("Sheet1!E2", answer.at("/errors/0/cell").asString(), answer.toString());
        assertEquals("JIXIAO_MAX_FIELD_CHARS", answer.at("/errors/0/limit").asString());
        assertTrue(answer.at("/errors/0/message").asString().contains("共 " + composed.length() + " 个字符"), answer.toString());
        assertEquals("设备购置", answer.at("/document/units/0/projects/0/name").asString());
    }

    @Test
    void aLongGoalIsAnErrorAtItsCell() {
        JsonNode answer = answered(BrokenWorkbooks.seedWith(11, 5, "目".repeat(5001)), 200);
        assertEquals("Sheet1!F12", answer.at("/errors/0/cell").asString(), answer.toString().substring(0, 2000));
        assertEquals("JIXIAO_MAX_FIELD_CHARS", answer.at("/errors/0/limit").asString());
    }

    /** One shared string of 100,000 characters in 44,000 cells: read once, an error at the first cells it fills. */
    @Test
    void aLongSharedStringReusedEverywhereIsReadOnce() {
        JsonNode answer = answered(WorkbookAttacks.reusedLongString(), 200);
        assertEquals("JIXIAO_MAX_FIELD_CHARS", answer.at("/errors/0/limit").asString());
        assertEquals("Sheet1!A2", answer.at("/errors/0/cell").asString());
        assertTrue(answer.path("errorsLeftOut").asString().startsWith("另有 "), "the errors not listed are counted");
    }

    /**
     * One render slot, a deadline of 300 ms, a wait of 1.5 s for a slot: an import that would take seconds is
     * answered 503 at its deadline, and a request sent then finds the slot free within its wait.
     */
    @Test
    void anImportPastItsDeadlineFreesItsSlot() throws Exception {
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_RENDER_THREADS", "1", "JIXIAO_RENDER_TIMEOUT_MS", "300",
                "JIXIAO_QUEUE_WAIT_MS", "1500", "JIXIAO_MAX_BODY_BYTES", "33554432"))).start(0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://localhost:" + app.port());
            HttpResponse<byte[]> slow = client.send(HttpRequest.newBuilder(base.resolve(IMPORT)).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(hugeSheet(600 << 20))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(503, slow.statusCode(), new String(slow.body(), StandardCharsets.UTF_8));
            assertEquals("render_timeout", Json.MAPPER.readTree(slow.body()).at("/error/code").asString());
            HttpResponse<byte[]> next = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/forms/performance-tracking/validate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"forms\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, next.statusCode(), "the slot is free again: " + new String(next.body(), StandardCharsets.UTF_8));
        } finally {
            app.stop();
        }
    }

    /** A workbook whose one sheet inflates to {@code bytes} of identical rows: seconds to read, a few MB to send. */
    private static byte[] hugeSheet(int bytes) {
        Map<String, byte[]> entries = BrokenWorkbooks.entries(RawWorkbook.of(HEADER).bytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // the fastest level packs these rows 1:170 in a fifth of the time the default takes
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getKey().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(entry.getValue(), StandardCharsets.UTF_8);
                    int data = xml.indexOf("</sheetData>");
                    zip.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
                    byte[] rows = "<row><c><v>1</v></c></row>".repeat(4096).getBytes(StandardCharsets.UTF_8);
                    for (long written = 0; written < bytes; written += rows.length) {
                        zip.write(rows);
                    }
                    zip.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(entry.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
