package cn.jixiao.forms.excel;

import static cn.jixiao.forms.excel.PrintedWorkbooks.cell;
import static cn.jixiao.forms.excel.PrintedWorkbooks.changed;
import static cn.jixiao.forms.excel.PrintedWorkbooks.exported;
import static cn.jixiao.forms.excel.PrintedWorkbooks.imported;
import static cn.jixiao.forms.excel.PrintedWorkbooks.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.TemplateFailure;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.SameDocument;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The workbook of a form whose template marks its fields is laid out like the printed form — merged and bordered
 * cells, the form's paper — with values as values, and reads back: a bad cell is an error at its cell, a figure
 * changed or text typed beside the form is listed unread, a row inserted among the indicators is a new indicator.
 */
class PrintedLayoutTest {
    private static final String SELF = "performance-self-evaluation";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static final List<String> MARKED = PrintedWorkbooks.MARKED;

    @ParameterizedTest
    @FieldSource("MARKED")
    void isLaidOutLikeThePrintedFormOnItsPaper(String formId) throws Exception {
        RegisteredForm form = TestServer.app().service().form(formId);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported(formId, TestServer.example(formId))))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals(SheetVisibility.VERY_HIDDEN, book.getSheetVisibility(book.getSheetIndex(FieldMap.SHEET)));
            assertTrue(sheet.getNumMergedRegions() >= 10, "merged cells: " + sheet.getNumMergedRegions());
            assertFalse(sheet.isDisplayGridlines(), "the form's own borders, no grid");
            PrintSetup print = sheet.getPrintSetup();
            assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
            assertEquals(form.definition().paper().get("size").contains("landscape"), print.getLandscape());
            assertEquals(1, print.getFitWidth());
            assertEquals(0, print.getFitHeight());
            assertTrue(sheet.getFitToPage());
            String title = sheet.getRow(sheet.getFirstRowNum()).getCell(0).getStringCellValue() + sheet.getRow(1).getCell(0).toString();
            assertTrue(title.contains(form.title().replace("（四川）", "")), title);
        }
    }

    @ParameterizedTest
    @FieldSource("MARKED")
    void eachFieldIsAValueOfItsKindInABorderedCell(String formId) throws Exception {
        JsonNode document = Json.MAPPER.readTree(TestServer.example(formId));
        int numbers = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported(formId, TestServer.example(formId))))) {
            for (FieldMap.Entry entry : FieldMap.read(book).orElseThrow().entries()) {
                if (!entry.mapped() || !entry.choice().isEmpty() || !entry.prefix().isEmpty() || !entry.suffix().isEmpty()) {
                    continue;
                }
                JsonNode value = document.at(entry.pointers().get(0));
                Cell cell = book.getSheet(entry.sheet()).getRow(entry.row()).getCell(entry.column());
                if (value.isNumber()) {
                    numbers++;
                    assertEquals(CellType.NUMERIC, cell.getCellType(), entry.toString());
                    assertEquals(value.doubleValue(), cell.getNumericCellValue(), 1e-9, entry.toString());
                } else if (value.isString() && ISO_DATE.matcher(value.asString()).matches()) {
                    assertTrue(DateUtil.isCellDateFormatted(cell), entry + " is a date");
                    assertEquals(value.asString(), cell.getLocalDateTimeCellValue().toLocalDate().toString());
                }
            }
            assertTrue(numbers >= 2, "amounts and scores are numbers: " + numbers);
            Cell first = cell(book, "/forms/0/indicators/0/name");
            assertEquals(BorderStyle.THIN, first.getCellStyle().getBorderTop(), "the grid's 0.5 pt lines");
            assertEquals(BorderStyle.THIN, first.getCellStyle().getBorderLeft());
        }
    }

    @Test
    void theFillInTemplateKeepsItsSheetOfLabels() throws Exception {
        HttpResponse<byte[]> template = TestServer.get("/api/v1/forms/" + SELF + "/template.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            assertEquals(null, book.getSheet(FieldMap.SHEET));
            assertEquals("项目名称", book.getSheetAt(0).getRow(3).getCell(0).getStringCellValue());
        }
    }

    @Test
    void textInAnAmountIsAnErrorAtItsCellAndTheRestLoads() {
        String[] where = new String[1];
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> {
            Cell amount = cell(book, "/forms/0/funds/fiscal/executed");
            amount.setCellValue("三十七万");
            where[0] = name(amount);
        });
        JsonNode answer = imported(SELF, workbook);
        JsonNode error = answer.path("errors").valueStream().filter(e -> e.path("cell").asString().equals(where[0])).findFirst()
                .orElseThrow(() -> new AssertionError("an error at " + where[0] + ": " + answer));
        assertEquals("/forms/0/funds/fiscal/executed", error.path("path").asString());
        assertTrue(error.path("message").asString().startsWith(where[0] + "：「三十七万」不是数字"), error.toString());
        assertEquals("办公宿舍楼、食堂及餐厅暖通改造经费", answer.at("/document/forms/0/projectName").asString());
        HttpResponse<byte[]> pdf = PrintedWorkbooks.post(SELF, workbook, "?format=pdf");
        assertEquals(422, pdf.statusCode());
        assertTrue(new String(pdf.body(), StandardCharsets.UTF_8).contains(where[0]));
    }

    @Test
    void aFigureChangedIsListedUnreadAndTheDocumentKeepsItsOwn() {
        String[] where = new String[1];
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> {
            Row total = rowOf(book.getSheetAt(0), "年度资金总额");
            Cell figure = StreamSupport.stream(total.spliterator(), false).filter(c -> c.getCellType() == CellType.NUMERIC)
                    .findFirst().orElseThrow();
            assertEquals(43.2, figure.getNumericCellValue(), 1e-9, "the 年度资金总额 as printed");
            figure.setCellValue(50);
            where[0] = name(figure);
        });
        JsonNode answer = imported(SELF, workbook);
        JsonNode unread = answer.path("unread").valueStream().filter(u -> u.path("cell").asString().equals(where[0])).findFirst()
                .orElseThrow(() -> new AssertionError(where[0] + " unread: " + answer.path("unread")));
        assertEquals("50.00", unread.path("header").asString());
        assertEquals(1, unread.path("filled").asInt());
        assertTrue(answer.path("warnings").valueStream().anyMatch(w -> w.path("cell").asString().equals(where[0])
                && w.path("message").asString().contains("原为「43.20」")), answer.path("warnings").toString());
        SameDocument.assertSame(Json.MAPPER.readTree(TestServer.example(SELF)), answer.path("document"));
    }

    @Test
    void textTypedBesideTheFormIsListedUnread() {
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> book.getSheetAt(0).getRow(4).createCell(12)
                .setCellValue("另附说明一份"));
        JsonNode answer = imported(SELF, workbook);
        JsonNode unread = answer.path("unread").valueStream().filter(u -> u.path("header").asString().equals("另附说明一份")).findFirst()
                .orElseThrow(() -> new AssertionError(answer.path("unread").toString()));
        assertTrue(unread.path("cell").asString().endsWith("!M5"), unread.toString());
        assertTrue(answer.path("warnings").valueStream().anyMatch(w -> w.path("message").asString().contains("「另附说明一份」未导入")));
    }

    @Test
    void aRowInsertedAmongTheIndicatorsIsANewIndicatorOfTheMergedLevels() {
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> {
            Cell name = cell(book, "/forms/0/indicators/0/name");
            Cell target = cell(book, "/forms/0/indicators/0/target");
            Cell weight = cell(book, "/forms/0/indicators/0/weight");
            Sheet sheet = name.getSheet();
            int above = name.getRowIndex();
            PrintedWorkbooks.insertRowBelow(sheet, above);
            Row added = sheet.getRow(above + 1);
            added.createCell(name.getColumnIndex()).setCellValue("指标1A维修面积");
            added.createCell(target.getColumnIndex()).setCellValue("≥500平方米");
            added.createCell(weight.getColumnIndex()).setCellValue(5);
        });
        JsonNode answer = imported(SELF, workbook);
        JsonNode indicators = answer.at("/document/forms/0/indicators");
        assertEquals(Json.MAPPER.readTree(TestServer.example(SELF)).at("/forms/0/indicators").size() + 1, indicators.size());
        JsonNode added = indicators.get(1);
        assertEquals("产出指标", added.path("level1").asString(), added.toString());
        assertEquals("数量指标", added.path("level2").asString(), added.toString());
        assertEquals("指标1A维修面积", added.path("name").asString());
        assertEquals("≥500平方米", added.path("target").asString());
        assertEquals(5, added.path("weight").asInt());
        assertEquals("指标2", indicators.get(2).path("name").asString(), "the rows below keep their order");
        assertEquals(0, answer.path("unread").size(), answer.path("unread").toString());
    }

    @Test
    void aRowInsertedAfterTheLastIndicatorReadsItsOwnLevels() {
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> {
            JsonNode example = Json.MAPPER.readTree(TestServer.example(SELF));
            int last = example.at("/forms/0/indicators").size() - 1;
            Cell name = cell(book, "/forms/0/indicators/" + last + "/name");
            Cell level1 = cell(book, "/forms/0/indicators/" + last + "/level1");
            Cell level2 = cell(book, "/forms/0/indicators/" + last + "/level2");
            Sheet sheet = name.getSheet();
            PrintedWorkbooks.insertRowBelow(sheet, name.getRowIndex());
            Row added = sheet.getRow(name.getRowIndex() + 1);
            added.createCell(level1.getColumnIndex()).setCellValue("效益指标");
            added.createCell(level2.getColumnIndex()).setCellValue("社会效益指标");
            added.createCell(name.getColumnIndex()).setCellValue("群众知晓率");
        });
        JsonNode indicators = imported(SELF, workbook).at("/document/forms/0/indicators");
        JsonNode added = indicators.get(indicators.size() - 1);
        assertEquals("效益指标", added.path("level1").asString(), added.toString());
        assertEquals("社会效益指标", added.path("level2").asString(), added.toString());
        assertEquals("群众知晓率", added.path("name").asString());
    }

    @Test
    void aDeletedIndicatorRowIsGoneAndNothingElse() {
        JsonNode example = Json.MAPPER.readTree(TestServer.example(SELF));
        int last = example.at("/forms/0/indicators").size() - 1;
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> {
            Sheet sheet = cell(book, "/forms/0/indicators/" + last + "/name").getSheet();
            int row = cell(book, "/forms/0/indicators/" + last + "/name").getRowIndex();
            for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
                if (sheet.getMergedRegion(i).getFirstRow() == row) {
                    sheet.removeMergedRegion(i);
                }
            }
            sheet.removeRow(sheet.getRow(row));
            sheet.shiftRows(row + 1, sheet.getLastRowNum(), -1);
        });
        JsonNode answer = imported(SELF, workbook);
        ((ArrayNode) example.at("/forms/0/indicators")).remove(last);
        SameDocument.assertSame(example, answer.path("document"));
        assertEquals(0, answer.path("unread").size(), answer.path("unread").toString());
    }

    @Test
    void sheetsRenamedAndReorderedReadAsTheyStand() {
        String form = "performance-tracking";
        byte[] workbook = changed(exported(form, TestServer.example(form)), book -> {
            book.setSheetName(0, "第一个项目");
            book.setSheetOrder(book.getSheetName(1), 0);
        });
        JsonNode answer = imported(form, workbook);
        JsonNode example = Json.MAPPER.readTree(TestServer.example(form));
        assertEquals(example.at("/forms/1/projectName").asString(), answer.at("/document/forms/0/projectName").asString());
        assertEquals(example.at("/forms/0/projectName").asString(), answer.at("/document/forms/1/projectName").asString());
        assertTrue(answer.at("/sources/~1forms~11~1projectName").asString().startsWith("第一个项目!"), answer.path("sources").toString());
    }

    @Test
    void ticksComeBackAsTheirChoicesAndTwoOfOneChoiceAreAnError() {
        String form = "performance-monitoring";
        byte[] document = JsonEdit.edit(TestServer.example(form), "/forms/0/indicators/2/causes", "[\"经费保障\", \"硬件条件保障\"]");
        byte[] workbook = exported(form, document);
        SameDocument.assertSame(Json.MAPPER.readTree(document), imported(form, workbook).path("document"));
        List<String> cells = new ArrayList<>();
        byte[] twice = changed(workbook, book -> {
            Cell ticked = cell(book, "/forms/0/indicators/0/likelihood");
            book.getSheetAt(0).getRow(ticked.getRowIndex()).getCell(ticked.getColumnIndex() + 1).setCellValue("√");
            cells.add(name(ticked));
        });
        JsonNode answer = imported(form, twice);
        assertTrue(answer.path("errors").valueStream().anyMatch(e -> e.path("path").asString().equals("/forms/0/indicators/0/likelihood")
                && e.path("message").asString().contains("只能选一项")), answer.path("errors").toString());
    }

    @Test
    void aCopiedSheetIsSaidNotToBeRead() {
        byte[] workbook = changed(exported(SELF, TestServer.example(SELF)), book -> book.cloneSheet(0));
        JsonNode answer = imported(SELF, workbook);
        assertTrue(answer.path("warnings").valueStream().anyMatch(w -> w.path("message").asString().contains("未导入：它不是导出时的表")),
                answer.path("warnings").toString());
        assertEquals(1, answer.at("/document/forms").size());
    }

    @Test
    void anotherFormsWorkbookIsRefusedNamingTheForm() {
        HttpResponse<byte[]> response = PrintedWorkbooks.post(SELF, exported("performance-tracking", TestServer.example("performance-tracking")), "");
        assertEquals(422, response.statusCode());
        String refusal = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(refusal.contains("按「项目支出绩效跟踪表」（performance-tracking）导出的，不是项目支出绩效自评表"), refusal);
        HttpResponse<byte[]> any = PrintedWorkbooks.post(SELF, exported("performance-tracking", TestServer.example("performance-tracking")),
                "?anyForm=true");
        assertEquals("performance-tracking", Json.MAPPER.readTree(any.body()).path("form").asString());
    }

    @Test
    void aMarkThatNamesNoFieldIsTheTemplatesFault() {
        RegisteredForm form = TestServer.app().service().form(SELF);
        String xhtml = TestServer.app().service().markup(form, TestServer.example(SELF)).replace("data-field=\"projectName\"",
                "data-field=\"projectNam\"");
        TemplateFailure fault = assertThrows(TemplateFailure.class, () -> new Workbooks(Limits.DEFAULT).write(form,
                Json.MAPPER.readTree(TestServer.example(SELF)), Xhtml.parse(xhtml, "test")));
        assertTrue(fault.getMessage().startsWith(SELF + "/form.ftlh: ") && fault.getMessage().contains("/forms/0/projectNam"), fault.getMessage());
    }

    private static Row rowOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row " + label);
    }
}
