package cn.jixiao.forms.excel;

import static cn.jixiao.forms.excel.PrintedWorkbooks.cell;
import static cn.jixiao.forms.excel.PrintedWorkbooks.changed;
import static cn.jixiao.forms.excel.PrintedWorkbooks.exported;
import static cn.jixiao.forms.excel.PrintedWorkbooks.imported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.SameDocument;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * A printed layout opened and saved by LibreOffice, as a person would: its map of cells (formulas on a hidden sheet)
 * survives, hidden, and the workbook reads back to the same document — with a row inserted among the indicators too.
 */
@Tag("office")
class PrintedLayoutOfficeTest {
    static final List<String> MARKED = PrintedWorkbooks.MARKED;

    @ParameterizedTest
    @FieldSource("MARKED")
    void savedByLibreOfficeItReadsBackTheSame(String formId) throws Exception {
        Office.assumeCalc();
        byte[] saved = Office.convert(exported(formId, TestServer.example(formId)), "xlsx", "xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(saved))) {
            assertNotEquals(SheetVisibility.VISIBLE, book.getSheetVisibility(book.getSheetIndex(FieldMap.SHEET)));
        }
        JsonNode answer = imported(formId, saved);
        assertEquals(0, answer.path("errors").size(), answer.path("errors").toString());
        assertEquals(0, answer.path("unread").size(), answer.path("unread").toString());
        SameDocument.assertSame(Json.MAPPER.readTree(TestServer.example(formId)), answer.path("document"));
    }

    @Test
    void aRowInsertedAndSavedByLibreOfficeIsANewIndicator() {
        Office.assumeCalc();
        String form = "performance-self-evaluation";
        byte[] inserted = changed(exported(form, TestServer.example(form)), book -> {
            Cell name = cell(book, "/forms/0/indicators/3/name");
            Sheet sheet = name.getSheet();
            PrintedWorkbooks.insertRowBelow(sheet, name.getRowIndex());
            Row added = sheet.getRow(name.getRowIndex() + 1);
            added.createCell(name.getColumnIndex()).setCellValue("指标1A管道保温完好率");
        });
        JsonNode indicators = imported(form, Office.convert(inserted, "xlsx", "xlsx")).at("/document/forms/0/indicators");
        JsonNode added = indicators.get(4);
        assertEquals("指标1A管道保温完好率", added.path("name").asString(), indicators.toString());
        assertEquals("产出指标", added.path("level1").asString(), added.toString());
        assertEquals("质量指标", added.path("level2").asString(), added.toString());
        assertEquals("指标2工程验收合格率", indicators.get(5).path("name").asString());
    }
}
