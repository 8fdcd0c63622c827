package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.SameDocument;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What a user writes is exported as text and comes back as written: text that looks like a formula is shown by
 * Excel as text (quote prefix) and never evaluated; a project named like the instructions sheet, or like the
 * sheet Excel keeps for itself (History), gets a sheet name of its own.
 */
class ExportedTextTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static byte[] exported(String form, byte[] document) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + form + "/render?format=xlsx", document);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    private static void importsBackTheSame(String form, byte[] document, byte[] workbook) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + form + "/import", workbook, "Content-Type", XLSX);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        SameDocument.assertSame(Json.MAPPER.readTree(document), answer.path("document"));
    }

    private static List<Cell> cellsReading(Workbook workbook, String text) {
        List<Cell> found = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                        found.add(cell);
                    }
                }
            }
        }
        return found;
    }

    /** Form, where in its document, and text that looks like a formula: each of Excel's four leading signs. */
    static Stream<Arguments> formulaLooking() {
        return Stream.of(
                Arguments.of("performance-tracking", "/forms/0/projectName", "=cmd|' /C calc'!A0"),
                Arguments.of("performance-tracking", "/forms/0/budgetUnit", "+1+1"),
                Arguments.of("performance-tracking", "/forms/0/indicators/0/name", "-2-3"),
                Arguments.of("performance-target", "/title", "@SUM(A1:A9)"),
                Arguments.of("performance-target", "/organization", "=HYPERLINK(\"http://x.example\",\"点击\")"),
                Arguments.of("performance-target", "/units/0/name", "-单位"),
                Arguments.of("performance-target", "/units/0/projects/0/name", "+项目"),
                Arguments.of("performance-target", "/units/0/projects/0/indicators/0/name", "=1+1"));
    }

    @ParameterizedTest
    @MethodSource("formulaLooking")
    void formulaLookingTextIsWrittenAsTextAndComesBack(String form, String pointer, String text) throws IOException {
        byte[] document = JsonEdit.edit(TestServer.example(form), pointer, Json.MAPPER.writeValueAsString(text));
        byte[] workbook = exported(form, document);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<Cell> cells = cellsReading(book, text);
            assertFalse(cells.isEmpty(), text + " is written as a text cell");
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertEquals(cell.getCellType() == CellType.STRING && CellStyles.formulaLike(cell.getStringCellValue()),
                                cell.getCellStyle().getQuotePrefixed(), "quote-prefixed when, and only when, it looks like a formula: "
                                        + cell.getAddress());
                    }
                }
            }
        }
        importsBackTheSame(form, document, workbook);
    }

    @ParameterizedTest
    @ValueSource(strings = {"填写说明", "History", "history", "HISTORY"})
    void aProjectNamedLikeAReservedSheetGetsASheetOfItsOwn(String name) throws IOException {
        byte[] document = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/projectName",
                Json.MAPPER.writeValueAsString(name));
        byte[] workbook = exported("performance-tracking", document);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(1, names.stream().filter(n -> n.equals(Workbooks.INSTRUCTIONS)).count(), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.equalsIgnoreCase("History")), names.toString());
            assertTrue(names.contains(name + "(2)"), names.toString());
        }
        importsBackTheSame("performance-tracking", document, workbook);
    }
}
