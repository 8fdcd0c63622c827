package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.SameDocument;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The published target table, as its budget system exports it, imports to the example that transcribes it
 * and renders to the same PDF: the indicators composed in one cell (with the seed's drifting ：；:) come
 * apart into the example's coded indicators, the page headings repeated by the dump are passed over.
 */
class SeedImportTest {
    private static final String FORM = "performance-target";

    static JsonNode imported(byte[] workbook, String contentType) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + FORM + "/import", workbook, "Content-Type", contentType);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer;
    }

    @Test
    void theSeedWorkbookImportsToTheExampleAndRendersTheSamePdf() {
        JsonNode answer = imported(SeedWorkbook.xlsx(SeedWorkbook.rows()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        JsonNode example = Json.MAPPER.readTree(TestServer.example(FORM));
        SameDocument.assertSame(example, answer.path("document"));
        byte[] fromWorkbook = TestServer.render(FORM, Json.MAPPER.writeValueAsBytes(answer.path("document")), OutputFormat.PDF).bytes();
        assertArrayEquals(TestServer.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes(), fromWorkbook);
    }

    @Test
    void sourcesNameTheCellOfEveryValue() {
        JsonNode sources = imported(SeedWorkbook.xlsx(SeedWorkbook.rows()), "application/octet-stream").path("sources");
        assertEquals("Sheet1!A5", sources.path("/organization").asString());
        assertEquals("Sheet1!G7", sources.path("/amountUnit").asString());
        assertEquals("Sheet1!A11", sources.path("/units/0/name").asString());
        assertEquals("Sheet1!B12", sources.path("/units/0/projects/0/total").asString());
        assertEquals("Sheet1!C12", sources.path("/units/0/projects/0/fiscalAppropriation").asString());
        assertEquals("Sheet1!G12", sources.path("/units/0/projects/0/indicators/2/annualValue").asString());
        assertEquals("Sheet1!A27", sources.path("/units/0/projects/7/name").asString(), "the second page's first project");
    }

    @Tag("office")
    @Test
    void theSeedSavedByLibreOfficeAsXlsxAndXlsImportsAlike() {
        Office.assumeCalc();
        JsonNode example = Json.MAPPER.readTree(TestServer.example(FORM));
        byte[] csv = SeedWorkbook.csv(SeedWorkbook.rows());
        SameDocument.assertSame(example, imported(Office.convert(csv, "csv", "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").path("document"));
        SameDocument.assertSame(example, imported(Office.convert(csv, "csv", "xls"), "application/vnd.ms-excel").path("document"));
    }
}
