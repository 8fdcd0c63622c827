package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A sheet of labels (跟踪表, 自评表): a label renamed, a column added to 项目资金 — each said, none dropped silently. */
class SheetLabelsReadingTest {

    private static JsonNode imported(String formId, Consumer<Sheet> change) throws Exception {
        byte[] exported = SheetsOfLabels.of(formId, TestServer.example(formId));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported)); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            change.accept(book.getSheetAt(0));
            book.write(bytes);
            HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/import", bytes.toByteArray(),
                    "Content-Type", "application/octet-stream");
            JsonNode answer = Json.MAPPER.readTree(response.body());
            assertEquals(200, response.statusCode(), answer.toString());
            return answer;
        }
    }

    private static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row labelled " + label);
    }

    @Test
    void aRequiredLabelRenamedIsOneErrorAtTheLabelColumnAndItsRowIsListed() throws Exception {
        JsonNode answer = imported("performance-tracking", sheet -> rowLabelled(sheet, "项目名称").getCell(0).setCellValue("项目名"));
        List<JsonNode> errors = answer.path("errors").valueStream().toList();
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).path("message").asString();
        assertTrue(errors.get(0).path("cell").asString().matches(".*!A\\d+:A\\d+"), errors.toString());
        assertTrue(message.contains("左列没有「项目名称」一栏：找到的栏目名为 ") && message.contains("项目名、"), message);
        assertTrue(message.contains("「项目名称」一栏的栏目名可写作 项目名称"), message);
        JsonNode unread = answer.path("unread").valueStream().filter(u -> u.path("header").asString().equals("项目名")).findFirst()
                .orElseThrow(() -> new AssertionError(answer.path("unread").toString()));
        assertEquals(1, unread.path("filled").asInt());
        assertTrue(answer.path("warnings").valueStream().anyMatch(w -> w.path("message").asString().contains("「项目名」一行未导入")));
    }

    @Test
    void aColumnAddedToTheFundsGridIsListedAndWarnedAbout() throws Exception {
        JsonNode answer = imported("performance-self-evaluation", sheet -> {
            Row header = rowLabelled(sheet, "项目资金（万元）");
            int column = header.getLastCellNum();
            header.createCell(column).setCellValue("备注");
            sheet.getRow(header.getRowNum() + 1).createCell(column).setCellValue("含上年结转");
        });
        JsonNode unread = answer.path("unread").valueStream().filter(u -> u.path("header").asString().equals("备注")).findFirst()
                .orElseThrow(() -> new AssertionError(answer.path("unread").toString()));
        assertEquals(1, unread.path("filled").asInt());
        assertTrue(answer.path("warnings").valueStream().anyMatch(w -> w.path("message").asString().startsWith("「备注」一栏")
                && w.path("message").asString().contains("「项目资金（万元）」没有这一栏")), answer.path("warnings").toString());
    }
}
