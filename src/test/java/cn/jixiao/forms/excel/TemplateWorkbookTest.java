package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The workbook to fill in: drop-downs from the taxonomy and for 是/否, amount formats, frozen headers, print set-up. */
class TemplateWorkbookTest {
    static List<String> forms() {
        return RoundTripTest.forms();
    }

    private static XSSFWorkbook template(String formId) throws Exception {
        HttpResponse<byte[]> response = TestServer.get("/api/v1/forms/" + formId + "/template.xlsx");
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElse(""));
        String disposition = URLDecoder.decode(response.headers().firstValue("Content-Disposition").orElse(""), StandardCharsets.UTF_8);
        assertTrue(disposition.contains("（填写模板）.xlsx") && disposition.contains(formId + "-template.xlsx"), disposition);
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void levelsComeFromTheTaxonomyAsDropDowns(String formId) throws Exception {
        try (XSSFWorkbook workbook = template(formId)) {
            List<List<String>> lists = new ArrayList<>();
            for (DataValidation validation : workbook.getSheetAt(0).getDataValidations()) {
                String[] values = validation.getValidationConstraint().getExplicitListValues();
                if (values != null) {
                    lists.add(Arrays.asList(values));
                    assertTrue(validation.getShowErrorBox(), "other input is refused");
                }
            }
            assertTrue(lists.contains(Taxonomy.level1Labels()), lists.toString());
            if (!formId.equals("performance-tracking")) {
                assertTrue(lists.contains(Taxonomy.level2Labels()), lists.toString());
            } else {
                assertTrue(lists.contains(List.of("是", "否")), "是/否 fields: " + lists);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void amountsHeadersFrozenAndPrintedOnA4(String formId) throws Exception {
        try (XSSFWorkbook workbook = template(formId)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            boolean amount = false;
            boolean chineseHeader = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    amount |= cell.getCellStyle().getDataFormatString().startsWith("#,##0.00");
                    chineseHeader |= workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold() && cell.toString().contains("指标");
                }
            }
            assertTrue(amount, "amount cells formatted #,##0.00 (#,##0.00## where four places are allowed)");
            assertTrue(chineseHeader, "bold headers in Chinese");
            assertTrue(sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane(), "frozen header rows");
            assertEquals(PrintSetup.A4_PAPERSIZE, sheet.getPrintSetup().getPaperSize());
            assertTrue(sheet.getRepeatingRows() != null, "header rows repeated on every printed page");
            assertTrue(sheet.getFitToPage() && sheet.getPrintSetup().getFitWidth() == 1, "fitted to the page's width");
            for (int column = 0; column < 4; column++) {
                assertTrue(sheet.getColumnWidth(column) >= 10 * 256, "column " + column + " wide enough");
            }
            Sheet instructions = workbook.getSheet(Workbooks.INSTRUCTIONS);
            assertTrue(instructions != null && instructions.getLastRowNum() >= 3, "the sheet that says how to fill it in");
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theEmptyTemplateIsRefusedSayingWhatIsMissing(String formId) throws Exception {
        byte[] empty = TestServer.get("/api/v1/forms/" + formId + "/template.xlsx").body();
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/import", empty,
                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(422, response.statusCode(), body.toString());
        assertTrue(body.at("/error/details").valueStream().allMatch(detail -> !detail.path("cell").asString().isEmpty()),
                "every problem at a cell: " + body);
    }
}
