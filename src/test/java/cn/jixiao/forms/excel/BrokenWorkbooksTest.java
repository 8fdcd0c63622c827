package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of broken workbooks: each is refused with a 4xx in the one error model, naming the sheet and cell
 * where there is one, the service serving on, and no temporary file left behind.
 */
@Isolated("finds no temporary file left behind, where tests beside it make their own")
class BrokenWorkbooksTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String TARGET = "/api/v1/forms/performance-target/import";
    private static final String TRACKING = "/api/v1/forms/performance-tracking/import";
    private static Set<String> temporaryFilesBefore;
    /** Made before the temporary files are noted: POI's encryptor itself writes one. */
    private static byte[] encrypted;

    @BeforeAll
    static void noteTemporaryFiles() throws IOException {
        TestServer.app();
        encrypted = BrokenWorkbooks.encryptedXlsx();
        temporaryFilesBefore = temporaryFiles();
    }

    /**
     * What lies in java.io.tmpdir, two levels deep, but for what the test runner and the JVM's monitoring write
     * there meanwhile; a file that vanishes while it is listed is passed over.
     */
    private static Set<String> temporaryFiles() throws IOException {
        Set<String> names = new HashSet<>();
        Files.walkFileTree(Path.of(System.getProperty("java.io.tmpdir")), Set.of(), 2, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!file.toString().contains("surefire") && !file.toString().contains("hsperfdata")) {
                    names.add(file.toString());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException vanished) {
                return FileVisitResult.CONTINUE;
            }
        });
        return names;
    }

    /** name | path | workbook | Content-Type | status | code | cell (or text) the answer must name. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                row("plain text", TARGET, () -> "项目名称,总计".getBytes(StandardCharsets.UTF_8), XLSX, 400, "unreadable_workbook", "不是 Excel 工作簿"),
                row("empty body", TARGET, () -> new byte[0], XLSX, 400, "unreadable_workbook", "请求体为空"),
                row("a PDF", TARGET, () -> TestServer.render("performance-target", TestServer.example("performance-target"),
                        OutputFormat.PDF).bytes(), "application/octet-stream", 400, "unreadable_workbook", "PDF"),
                row("a Word document", TARGET, () -> TestServer.render("performance-tracking", TestServer.example("performance-tracking"),
                        OutputFormat.DOCX).bytes(), XLSX, 400, "unreadable_workbook", "不是 Excel 工作簿"),
                row("a zip of other files", TARGET, () -> BrokenWorkbooks.zip(Map.of("a.txt", new byte[10])), XLSX, 400,
                        "unreadable_workbook", "无法读取"),
                row("an OpenDocument spreadsheet", TARGET, BrokenWorkbooks::openDocument, XLSX, 400, "unreadable_workbook", ".ods"),
                row("a cut-off download", TARGET, () -> {
                    byte[] whole = SeedWorkbook.xlsx(SeedWorkbook.rows());
                    return Arrays.copyOf(whole, whole.length / 2);
                }, XLSX, 400, "unreadable_workbook", "无法读取"),
                row("an external entity", TARGET, BrokenWorkbooks::externalEntity, XLSX, 400, "unreadable_workbook", "XML"),
                row("encrypted with a password", TARGET, () -> encrypted, XLSX, 422, "unsupported_workbook", "密码"),
                row("an .xls with a password", TARGET, BrokenWorkbooks::passwordXls, "application/vnd.ms-excel", 422,
                        "unsupported_workbook", "密码"),
                row("macros (.xlsm)", TARGET, BrokenWorkbooks::macros, XLSX, 422, "unsupported_workbook", "宏"),
                row("no header row", TARGET, () -> BrokenWorkbooks.grid(5, 3), XLSX, 422, "invalid_document", "Sheet1"),
                row("too many sheets", TARGET, () -> BrokenWorkbooks.sheets(256), XLSX, 422, "limit_exceeded", "JIXIAO_MAX_WORKBOOK_SHEETS"),
                row("too many rows", TARGET, () -> BrokenWorkbooks.grid(20_001, 1), XLSX, 422, "limit_exceeded", "JIXIAO_MAX_WORKBOOK_ROWS"),
                row("too many cells", TARGET, () -> BrokenWorkbooks.grid(5_001, 11), XLSX, 422, "limit_exceeded",
                        "JIXIAO_MAX_WORKBOOK_CELLS"),
                row("a part compressed a thousandfold", TARGET, () -> BrokenWorkbooks.padded("xl/padding.bin", 8 << 20), XLSX, 422,
                        "limit_exceeded", "压缩"),
                row("parts inflating past the limit", TARGET, () -> BrokenWorkbooks.padded("xl/padding.bin", 70 << 20), XLSX, 422,
                        "limit_exceeded", "解压后过大"),
                row("declared as JSON", TARGET, () -> SeedWorkbook.xlsx(SeedWorkbook.rows()), "application/json", 415,
                        "unsupported_media_type", "Excel"),
                row("larger than the body limit", TARGET, () -> new byte[3 << 20], XLSX, 413, "body_too_large", "请求体过大"),
                row("a format it cannot make", TARGET + "?format=odt", () -> SeedWorkbook.xlsx(SeedWorkbook.rows()), XLSX, 400,
                        "unsupported_format", "xlsx"));
    }

    /** name | path | workbook | the cell whose error the answer must name: each loads, its error at its cell. */
    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of("an amount in words", TARGET, (Supplier<byte[]>) () -> BrokenWorkbooks.seedWith(11, 2, "一百万"), "Sheet1!C12"),
                Arguments.of("a 一级指标 outside the taxonomy", TARGET, (Supplier<byte[]>) () -> BrokenWorkbooks.seedWith(11, 6,
                        "1、1-产值指标：11-数量指标：占比；实施周期指标值：>21%；年度指标值：>21%。"), "Sheet1!G12"),
                Arguments.of("indicators that do not come apart", TARGET, (Supplier<byte[]>) () -> BrokenWorkbooks.seedWith(12, 6,
                        "设备验收通过率100%"), "Sheet1!G13"),
                Arguments.of("a 总计 that is not the sum", TARGET, (Supplier<byte[]>) () -> BrokenWorkbooks.seedWith(11, 1, "4800"),
                        "Sheet1!B12"),
                Arguments.of("a failed formula", TARGET, (Supplier<byte[]>) BrokenWorkbooks::formulaError, "Sheet1!C13"),
                Arguments.of("a date that is none", TRACKING, (Supplier<byte[]>) () -> trackingWith("2021-01-01", "2021年13月45日"), "!B5"),
                Arguments.of("是/否 answered otherwise", TRACKING, (Supplier<byte[]>) () -> trackingWith("是", "可能"), "!B7"));
    }

    /** A bad cell is an error at its cell, beside the document read from the rest; rendering it is refused naming the cell. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badCells")
    void loadsWithTheErrorAtItsCell(String name, String path, Supplier<byte[]> workbook, String cell) {
        byte[] bytes = workbook.get();
        HttpResponse<byte[]> response = TestServer.post(path, bytes, "Content-Type", XLSX);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), body.toString());
        assertTrue(body.path("document").isObject() && !body.path("document").isEmpty(), body.toString());
        assertTrue(body.path("errors").valueStream().anyMatch(e -> e.path("cell").asString().endsWith(cell)
                && e.path("message").asString().contains(e.path("cell").asString())), name + ": an error at " + cell + ": " + body);
        HttpResponse<byte[]> rendered = TestServer.post(path + "?format=pdf", bytes, "Content-Type", XLSX);
        JsonNode refusal = Json.MAPPER.readTree(rendered.body());
        assertEquals(422, rendered.statusCode(), refusal.toString());
        assertEquals("invalid_document", refusal.at("/error/code").asString());
        assertTrue(refusal.at("/error/details").valueStream().anyMatch(d -> d.path("cell").asString().endsWith(cell)), refusal.toString());
    }

    private static Arguments row(String name, String path, Supplier<byte[]> workbook, String contentType, int status, String code,
                                 String named) {
        return Arguments.of(name, path, workbook, contentType, status, code, named);
    }

    /** The tracking example's workbook of labels with one text replaced in its first sheet's values. */
    private static byte[] trackingWith(String was, String instead) {
        byte[] document = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/recurring", "true");
        byte[] exported = SheetsOfLabels.of("performance-tracking", document);
        return BrokenWorkbooks.changed(exported, was, instead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedNamingWhere(String name, String path, Supplier<byte[]> workbook, String contentType, int status, String code,
                              String named) {
        HttpResponse<byte[]> response = TestServer.post(path, workbook.get(), "Content-Type", contentType);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(status, response.statusCode(), body.toString());
        assertEquals(code, body.at("/error/code").asString(), body.toString());
        assertTrue(body.at("/error/details").isArray(), body.toString());
        assertTrue(body.toString().contains(named), name + ": the answer should name " + named + ": " + body);
        if (named.contains("!")) {
            assertTrue(body.at("/error/details").valueStream().anyMatch(d -> d.path("cell").asString().endsWith(named)),
                    "a detail with the cell " + named + ": " + body);
        }
    }

    @AfterAll
    static void theServiceServesOnAndNoTemporaryFileIsLeft() throws IOException {
        assertEquals(200, TestServer.get("/healthz").statusCode());
        HttpResponse<byte[]> render = TestServer.post("/api/v1/forms/performance-target/import",
                SeedWorkbook.xlsx(SeedWorkbook.rows()), "Content-Type", XLSX);
        assertEquals(200, render.statusCode());
        Set<String> added = new TreeSet<>(temporaryFiles());
        added.removeAll(temporaryFilesBefore);
        assertEquals(Set.of(), added, "temporary files left behind");
    }

    @Test
    void aWorkbookReadTwiceGivesTheSameAnswer() {
        byte[] workbook = BrokenWorkbooks.seedWith(11, 2, "一百万");
        assertArrayEquals(TestServer.post(TARGET, workbook, "Content-Type", XLSX).body(),
                TestServer.post(TARGET, workbook, "Content-Type", XLSX).body());
    }
}
