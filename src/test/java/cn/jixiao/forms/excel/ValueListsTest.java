package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.SameDocument;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A list of values in a workbook of labels: the 监控表's 偏差原因 ticked, in one cell apart by 、; the 申报表's goals, one a line;
 * amounts of four places shown as given. Written, typed by hand and read back.
 */
class ValueListsTest {
    private static final String MONITORING = "performance-monitoring";
    private static final String DEPARTMENT = "department-target";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static byte[] monitoringWithCauses() {
        byte[] document = JsonEdit.edit(TestServer.example(MONITORING), "/forms/0/indicators/2/causes", "[\"经费保障\", \"硬件条件保障\"]");
        return JsonEdit.edit(document, "/forms/0/indicators/3/causes", "[\"其他\"]");
    }

    /** The document in the form's workbook of labels, where a list is one cell. */
    private static byte[] exported(String formId, byte[] document) {
        return SheetsOfLabels.of(formId, document);
    }

    private static JsonNode imported(String formId, byte[] workbook) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/import", workbook, "Content-Type", XLSX);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer;
    }

    /** The cell whose text is {@code text} on the first sheet. */
    private static Cell cell(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.toString().equals(text)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell " + text);
    }

    @Test
    void causesTickedComeBackFromOneCell() throws Exception {
        byte[] document = monitoringWithCauses();
        byte[] workbook = exported(MONITORING, document);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheetAt(0);
            Cell causes = cell(sheet, "经费保障、硬件条件保障");
            assertEquals("偏差原因分析", cell(sheet, "偏差原因分析").getStringCellValue());
            List<String> prompts = new ArrayList<>();
            for (DataValidation validation : sheet.getDataValidations()) {
                if (validation.getShowPromptBox() && validation.getRegions().getCellRangeAddress(0).getFirstColumn() == causes.getColumnIndex()) {
                    prompts.add(validation.getPromptBoxText());
                }
            }
            assertEquals(List.of("可多选，用顿号分隔：经费保障、制度保障、人员保障、硬件条件保障、其他"), prompts, "a prompt, not a drop-down of one");
        }
        SameDocument.assertSame(Json.MAPPER.readTree(document), imported(MONITORING, workbook).path("document"));
    }

    @Test
    void causesTypedByHandAreReadApartAndAnUnknownOneIsNamedWithItsCell() throws Exception {
        byte[] workbook = exported(MONITORING, monitoringWithCauses());
        String cellName;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Cell causes = cell(book.getSheetAt(0), "经费保障、硬件条件保障");
            causes.setCellValue("人员保障，经费保障 其他；");
            cellName = book.getSheetAt(0).getSheetName() + "!" + causes.getAddress().formatAsString();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            workbook = bytes.toByteArray();
        }
        JsonNode answer = imported(MONITORING, workbook);
        assertEquals("[\"人员保障\",\"经费保障\",\"其他\"]", answer.at("/document/forms/0/indicators/2/causes").toString());
        assertEquals(cellName, answer.at("/sources/~1forms~10~1indicators~12~1causes").asString());

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            cell(book.getSheetAt(0), "人员保障，经费保障 其他；").setCellValue("经费保障、资金不足");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            HttpResponse<byte[]> loaded = TestServer.post("/api/v1/forms/" + MONITORING + "/import", bytes.toByteArray(), "Content-Type", XLSX);
            JsonNode error = Json.MAPPER.readTree(loaded.body());
            assertEquals(200, loaded.statusCode(), "the workbook loads, the unknown cause an error at its cell: " + error);
            assertEquals(1, error.path("errors").size(), error.toString());
            JsonNode detail = error.at("/errors/0");
            assertEquals("/forms/0/indicators/2/causes/1", detail.path("path").asString(), error.toString());
            assertEquals(cellName, detail.path("cell").asString(), error.toString());
            assertTrue(detail.path("message").asString().contains("资金不足"), error.toString());
        }
    }

    @Test
    void goalsAreOneALineAndAmountsShowTheirOwnPlaces() throws Exception {
        byte[] workbook = exported(DEPARTMENT, TestServer.example(DEPARTMENT));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheetAt(0);
            Cell goals = cell(sheet, "年度总体目标").getRow().getCell(1);
            assertEquals(3, goals.getStringCellValue().split("\n").length, goals.getStringCellValue());
            assertTrue(goals.getCellStyle().getWrapText());
            Cell basic = cell(sheet, "基本支出").getRow().getCell(1);
            assertEquals(724.2318, basic.getNumericCellValue());
            assertEquals("#,##0.00##", basic.getCellStyle().getDataFormatString());
            assertTrue(book.getSheet(Workbooks.INSTRUCTIONS).getRow(4).getCell(0).getStringCellValue()
                    .contains("「年度总体目标」可填多条，在一格里每条一行"), "the instructions say how");
        }
        SameDocument.assertSame(Json.MAPPER.readTree(TestServer.example(DEPARTMENT)), imported(DEPARTMENT, workbook).path("document"));
    }
}
