package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/** Workbooks of the printed layout as a test handles them: exported, changed as a person would, imported, their cells found by field. */
final class PrintedWorkbooks {
    /** The forms whose templates mark their fields: their exports are laid out like the printed form. */
    static final List<String> MARKED = List.of("performance-self-evaluation", "performance-self-evaluation-sichuan", "performance-tracking",
            "performance-monitoring", "department-self-evaluation", "department-target");

    private PrintedWorkbooks() {
    }

    static byte[] exported(String formId, byte[] document) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/render?format=xlsx", document);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    static HttpResponse<byte[]> post(String formId, byte[] workbook, String query) {
        return TestServer.post("/api/v1/forms/" + formId + "/import" + query, workbook, "Content-Type", "application/octet-stream");
    }

    /** The import's answer, which must be a 200. */
    static JsonNode imported(String formId, byte[] workbook) {
        HttpResponse<byte[]> response = post(formId, workbook, "");
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer;
    }

    /** The workbook as {@code change} leaves it. */
    static byte[] changed(byte[] workbook, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell that holds the field at {@code pointer}, as the workbook's map says. */
    static Cell cell(XSSFWorkbook book, String pointer) {
        FieldMap.Entry entry = FieldMap.read(book).orElseThrow().entries().stream().filter(e -> e.pointers().contains(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell for " + pointer));
        Sheet sheet = book.getSheet(entry.sheet());
        Row row = sheet.getRow(entry.row());
        return row.getCell(entry.column()) == null ? row.createCell(entry.column()) : row.getCell(entry.column());
    }

    /** "Sheet!C7" of a cell. */
    static String name(Cell cell) {
        return new CellReference(cell.getSheet().getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), false, false)
                .formatAsString();
    }

    /**
     * Inserts a blank row below row {@code above} as Excel does: the rows below move down, formulas that refer to them
     * follow, and a merged cell that spans rows on both sides of the new row grows over it.
     */
    static void insertRowBelow(Sheet sheet, int above) {
        List<CellRangeAddress> spanning = sheet.getMergedRegions().stream().filter(r -> r.getFirstRow() <= above && r.getLastRow() > above).toList();
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            CellRangeAddress region = sheet.getMergedRegion(i);
            if (region.getFirstRow() <= above && region.getLastRow() > above) {
                sheet.removeMergedRegion(i);
            }
        }
        sheet.shiftRows(above + 1, sheet.getLastRowNum(), 1);
        sheet.createRow(above + 1);
        spanning.forEach(r -> sheet.addMergedRegion(new CellRangeAddress(r.getFirstRow(), r.getLastRow() + 1, r.getFirstColumn(), r.getLastColumn())));
    }
}
