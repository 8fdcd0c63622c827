package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The one table of header names: the one the documentation shows, row for row, and never taking a field's own title. */
class HeaderNamesTest {
    @Test
    void theDocumentationShowsEveryNameOfTheTable() throws Exception {
        String docs = Files.readString(Path.of("docs", "workbooks.md"));
        assertFalse(HeaderNames.all().isEmpty());
        HeaderNames.all().forEach((title, names) -> assertTrue(docs.contains("| " + title + " | " + String.join(", ", names) + " |"),
                "docs/workbooks.md shows the names of " + title + ": " + names));
    }

    /** 资金总额 is another name of 总计, but in a form with a field of that title its label is that field's alone. */
    @Test
    void anotherNameNeverTakesTheLabelOfAFieldSoTitled() {
        ObjectNode schema = (ObjectNode) Json.MAPPER.readTree("""
                {"type":"object","properties":{"forms":{"type":"array","items":{"type":"object","properties":{
                  "projectName":{"title":"项目名称","type":"string"},
                  "total":{"title":"总计","x-kind":"amount"},
                  "funds":{"title":"资金总额","x-kind":"amount"}}}}}}""");
        WorkbookLayout layout = SheetPerForm.of(schema, "表", null).orElseThrow();
        byte[] bytes = ExportStyles.workbook("Sheet1", sheet -> ExportStyles.rows(sheet, 0, List.of(
                new String[]{"表"}, new String[]{"项目名称", "设备购置"}, new String[]{"资金总额", "5"})));
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            JsonNode item = layout.read(workbook, new WorkbookReading(workbook, 5000)).path("forms").path(0);
            assertEquals("5", item.path("funds").decimalValue().toPlainString(), item.toString());
            assertTrue(item.path("total").isMissingNode(), item.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
