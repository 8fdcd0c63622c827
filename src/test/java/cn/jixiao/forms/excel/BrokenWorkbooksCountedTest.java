package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The limits count what POI will read, whatever a part is called: sheets under any name and content type,
 * shared strings, styles; a part that two sheets share is refused, naming it.
 */
class BrokenWorkbooksCountedTest {
    private static final String IMPORT = "/api/v1/forms/performance-target/import";

    static JsonNode refused(byte[] workbook, int status, String code) {
        HttpResponse<byte[]> response = TestServer.post(IMPORT, workbook, "Content-Type", "application/octet-stream");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(status, response.statusCode(), body.toString());
        assertEquals(code, body.at("/error/code").asString(), body.toString());
        return body;
    }

    static String limitOf(JsonNode body) {
        return body.at("/error/details/0/limit").asString();
    }

    /** {@code rows} rows of {@code columns} numbers each. */
    static String numbers(int rows, int columns) {
        StringBuilder xml = new StringBuilder();
        for (int r = 1; r <= rows; r++) {
            xml.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < columns; c++) {
                xml.append("<c r=\"").append((char) ('A' + c)).append(r).append("\"><v>").append(r).append("</v></c>");
            }
            xml.append("</row>");
        }
        return xml.toString();
    }

    /** One sheet in a part of this name, declared a worksheet by its name or by its extension. */
    private static byte[] sheetIn(String part, boolean byExtension, String sheetData) {
        RawWorkbook workbook = new RawWorkbook().sheet("明细", part, sheetData);
        String extension = part.substring(part.lastIndexOf('.') + 1);
        return (byExtension ? workbook.byExtension(extension, "worksheet+xml") : workbook).bytes();
    }

    @ParameterizedTest
    @CsvSource({"worksheets/sheet1.bin, true", "worksheets/sheet1.bin, false", "worksheets/sheet1.XML, false",
            "worksheets/SHEET1.Xml, true", "data/明细.dat, false"})
    void cellsAreCountedInASheetOfAnyName(String part, boolean byExtension) {
        JsonNode body = refused(sheetIn(part, byExtension, numbers(10_001, 6)), 422, "limit_exceeded");
        assertEquals("JIXIAO_MAX_WORKBOOK_CELLS", limitOf(body), body.toString());
        assertTrue(body.toString().contains("60006"), body.toString());
    }

    /** A part declared a worksheet by its name alone (here a Chinese one, as URIs escape it) is counted too. */
    @Test
    void cellsAreCountedInAPartDeclaredASheetByNameOnly() {
        byte[] workbook = RawWorkbook.of(RawWorkbook.row(1, "项目名称"))
                .declared("worksheets/明细表.xml", RawWorkbook.worksheet(numbers(10_001, 6)), "worksheet+xml").bytes();
        assertEquals("JIXIAO_MAX_WORKBOOK_CELLS", limitOf(refused(workbook, 422, "limit_exceeded")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"worksheets/sheet1.bin", "worksheets/sheet1.XML"})
    void rowsAreCountedInASheetOfAnyNameAndTheSheetIsNamed(String part) {
        JsonNode body = refused(sheetIn(part, false, numbers(20_001, 1)), 422, "limit_exceeded");
        assertEquals("JIXIAO_MAX_WORKBOOK_ROWS", limitOf(body), body.toString());
        assertTrue(body.at("/error/details/0/message").asString().contains("工作表「明细」"), body.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoSheetsOnOnePartAreRefusedNamingIt(boolean sameRelationship) {
        RawWorkbook workbook = RawWorkbook.of(RawWorkbook.row(1, "项目名称", "绩效目标", "绩效指标"));
        for (int i = 2; i <= 200; i++) {
            workbook = sameRelationship ? workbook.sameRelationship("表" + i, "rId1") : workbook.sameTarget("表" + i, "worksheets/sheet1.xml");
        }
        JsonNode body = refused(workbook.bytes(), 400, "unreadable_workbook");
        String message = body.at("/error/message").asString();
        assertTrue(message.contains("/xl/worksheets/sheet1.xml") && message.contains("「Sheet1」与「表2」"), body.toString());
    }

    @Test
    void sharedStringsAreCountedByNumber() {
        String[] texts = new String[50_001];
        Arrays.setAll(texts, i -> "文字" + i);
        JsonNode body = refused(RawWorkbook.of(RawWorkbook.row(1, "项目名称")).sharedStrings(texts).bytes(), 422, "limit_exceeded");
        assertEquals("JIXIAO_MAX_WORKBOOK_STRINGS", limitOf(body), body.toString());
    }

    @Test
    void sharedStringsAreCountedByCharacters() {
        String[] texts = new String[51];
        Arrays.fill(texts, "绩".repeat(100_000));
        JsonNode body = refused(RawWorkbook.of(RawWorkbook.row(1, "项目名称")).sharedStrings(texts).bytes(), 422, "limit_exceeded");
        assertEquals("JIXIAO_MAX_WORKBOOK_STRING_CHARS", limitOf(body), body.toString());
        assertTrue(body.toString().contains("5100000"), body.toString());
    }

    /** A part named like anything, read as the shared strings because its relationship says so. */
    @Test
    void sharedStringsAreCountedWhateverTheirPartIsCalled() {
        String[] texts = new String[50_001];
        Arrays.setAll(texts, i -> "文字" + i);
        byte[] workbook = RawWorkbook.of(RawWorkbook.row(1, "项目名称")).sharedStrings(texts).bytes();
        UnaryOperator<byte[]> rename = bytes -> {
            Map<String, byte[]> entries = BrokenWorkbooks.entries(bytes);
            entries.put("xl/strings.bin", entries.remove("xl/sharedStrings.xml"));
            String types = new String(entries.get("[Content_Types].xml"), StandardCharsets.UTF_8)
                    .replace("/xl/sharedStrings.xml", "/xl/strings.bin");
            entries.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
            String rels = new String(entries.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8)
                    .replace("sharedStrings.xml", "strings.bin");
            entries.put("xl/_rels/workbook.xml.rels", rels.getBytes(StandardCharsets.UTF_8));
            return BrokenWorkbooks.zip(entries);
        };
        assertEquals("JIXIAO_MAX_WORKBOOK_STRINGS", limitOf(refused(rename.apply(workbook), 422, "limit_exceeded")));
    }

    @ParameterizedTest
    @CsvSource({"cellXfs, xf", "fonts, font", "borders, border"})
    void styleRecordsAreCounted(String list, String record) {
        String styles = "<styleSheet xmlns=\"" + RawWorkbook.MAIN + "\"><" + list + ">" + ("<" + record + "/>").repeat(100_001)
                + "</" + list + "></styleSheet>";
        JsonNode body = refused(RawWorkbook.of(RawWorkbook.row(1, "项目名称")).styles(styles).bytes(), 422, "limit_exceeded");
        assertEquals("JIXIAO_MAX_WORKBOOK_STYLES", limitOf(body), body.toString());
    }

    @ParameterizedTest
    @CsvSource({"zz, B1", "D, C1", "'', B1"})
    void aCellOfATypeExcelDoesNotKnowIsRefusedWithItsCell(String type, String cell) {
        String row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目名称</t></is></c><c r=\"" + cell + "\" t=\"" + type
                + "\"><v>1</v></c></row>";
        JsonNode body = refused(RawWorkbook.of(row).bytes(), 400, "unreadable_workbook");
        assertEquals("Sheet1!" + cell, body.at("/error/details/0/cell").asString(), body.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {">0", "-1", "1.5", "x"})
    void aCellWhoseStyleNumberIsNoNumberIsRefusedWithItsCell(String style) {
        String row = "<row r=\"1\"><c r=\"A1\" s=\"" + style + "\"><v>1</v></c></row>";
        assertEquals("Sheet1!A1", refused(RawWorkbook.of(row).bytes(), 400, "unreadable_workbook").at("/error/details/0/cell").asString());
    }

    @Test
    void aWorkbookWithoutSheetsIsRefused() {
        JsonNode body = refused(new RawWorkbook().bytes(), 400, "unreadable_workbook");
        assertTrue(body.at("/error/message").asString().contains("没有工作表"), body.toString());
    }

    @ParameterizedTest
    @CsvSource({"JIXIAO_MAX_WORKBOOK_STRINGS, 99", "JIXIAO_MAX_WORKBOOK_STRING_CHARS, 9999", "JIXIAO_MAX_WORKBOOK_STYLES, x",
            "JIXIAO_MAX_WORKBOOK_MERGED_CELLS, 0", "JIXIAO_MAX_WORKBOOK_MERGED_CELLS, 3000000000"})
    void badWorkbookLimitsStopTheStart(String variable, String value) {
        assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(variable, value)));
    }
}
