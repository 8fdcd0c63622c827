package cn.jixiao.forms.excel;

import static cn.jixiao.forms.excel.PrintedWorkbooks.exported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A sheet of the printed workbook is named after its form's project or unit, never after a label printed above it (附件1). */
class SheetNamesTest {

    @ParameterizedTest
    @FieldSource("cn.jixiao.forms.excel.PrintedWorkbooks#MARKED")
    void eachSheetIsNamedAfterItsProjectOrUnit(String formId) throws Exception {
        JsonNode example = Json.MAPPER.readTree(TestServer.example(formId));
        List<String> names = new ArrayList<>();
        for (JsonNode form : example.path("forms")) {
            names.add(form.has("projectName") ? form.path("projectName").asString() : form.path("unitName").asString());
        }
        assertEquals(names, sheets(exported(formId, TestServer.example(formId))));
    }

    @Test
    void aNameTooLongWithCharactersExcelRefusesOrTakenTwiceIsCutMadeSafeAndNumbered() throws Exception {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-self-evaluation"));
        ArrayNode forms = (ArrayNode) document.path("forms");
        String name = "办公/宿舍楼[暖通]改造经费：一期工程及配套设施与食堂餐厅建设项目";
        ((ObjectNode) forms.get(0)).put("projectName", name);
        forms.add(forms.get(0).deepCopy());
        String safe = WorkbookUtil.createSafeSheetName(name);
        assertEquals(List.of(safe.substring(0, 28), safe.substring(0, 25) + "(2)"),
                sheets(exported("performance-self-evaluation", Json.MAPPER.writeValueAsBytes(document))));
    }

    /** The workbook's sheets but for its instructions and its hidden map of fields. */
    private static List<String> sheets(byte[] workbook) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            names.removeAll(List.of(Workbooks.INSTRUCTIONS, FieldMap.SHEET));
            return names;
        }
    }
}
