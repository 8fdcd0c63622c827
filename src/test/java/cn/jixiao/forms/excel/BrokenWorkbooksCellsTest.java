package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Cells as the file writes them, not as Excel would: an ISO date ({@code t="d"}), an error cached without its
 * type, {@code INF} or {@code NaN} for a number, day numbers Excel shows as #####, its 1900-02-29, the 1904
 * date system. Each is read right or refused at its cell; none is a 500, none is read as another value.
 */
class BrokenWorkbooksCellsTest {
    private static final String IMPORT = "/api/v1/forms/performance-tracking/import";
    /** The tracking example's workbook of labels: its first sheet has the start date at B5, the annual budget at B8. */
    private static final byte[] EXPORTED = SheetsOfLabels.of("performance-tracking", TestServer.example("performance-tracking"));

    /** The exported workbook with one cell of the first sheet written as given (its reference kept). */
    static byte[] withCell(String reference, String attributes, String inside) {
        return edited("xl/worksheets/sheet1.xml", xml -> {
            Matcher cell = Pattern.compile("<c r=\"" + reference + "\"[^>]*?(/>|>.*?</c>)").matcher(xml);
            String written = "<c r=\"" + reference + "\" " + attributes + (inside.isEmpty() ? "/>" : ">" + inside + "</c>");
            return cell.find() ? xml.substring(0, cell.start()) + written + xml.substring(cell.end())
                    : xml.replace("</row>", written + "</row>"); // a cell the row did not have: at its end
        });
    }

    static byte[] edited(String part, UnaryOperator<String> change) {
        Map<String, byte[]> entries = BrokenWorkbooks.entries(EXPORTED);
        entries.put(part, change.apply(new String(entries.get(part), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return BrokenWorkbooks.zip(entries);
    }

    static HttpResponse<byte[]> post(byte[] workbook) {
        return TestServer.post(IMPORT, workbook, "Content-Type", "application/octet-stream");
    }

    private static JsonNode document(byte[] workbook) {
        HttpResponse<byte[]> response = post(workbook);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer.path("document");
    }

    /** The error an import answers at {@code cell} of the first sheet, which must be there: the rest loads. */
    private static JsonNode refusedAt(byte[] workbook, String cell) {
        HttpResponse<byte[]> response = post(workbook);
        JsonNode answer = Json.MAPPER.readTree(response.body());
        assertEquals(200, response.statusCode(), answer.toString());
        return answer.path("errors").valueStream().filter(d -> d.path("cell").asString().endsWith("!" + cell)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + cell + ": " + answer));
    }

    @ParameterizedTest
    @CsvSource({"2021-08-31T00:00:00, 2021-08-31", "2021-08-31, 2021-08-31", "2021-08-31T15:30:00Z, 2021-08-31", "1900-02-28, 1900-02-28"})
    void isoDateCellsAreReadAsDates(String written, String date) {
        assertEquals(date, document(withCell("B5", "s=\"11\" t=\"d\"", "<v>" + written + "</v>")).at("/forms/0/trackingPeriod/start").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30", "明天", "T10:00:00", "2021-08-31 10:00"})
    void isoDateCellsThatAreNoDateAreRefusedAtTheirCell(String written) {
        JsonNode detail = refusedAt(withCell("B5", "s=\"11\" t=\"d\"", "<v>" + written + "</v>"), "B5");
        assertTrue(detail.path("message").asString().contains("无法读取"), detail.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#DIV/0!", "#N/A", "#VALUE!", "#REF!"})
    void anErrorCachedWithoutItsTypeIsTheErrorAtItsCell(String error) {
        JsonNode detail = refusedAt(withCell("B8", "s=\"8\"", "<f>1/0</f><v>" + error + "</v>"), "B8");
        assertTrue(detail.path("message").asString().contains("公式出错（" + error + "）"), detail.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INF", "-INF", "NaN", "Infinity", "1e999", "1,5", "一百"})
    void aNumberThatIsNoneIsRefusedAtItsCell(String written) {
        JsonNode detail = refusedAt(withCell("B8", "s=\"8\"", "<v>" + written + "</v>"), "B8");
        assertTrue(detail.path("message").asString().contains("无法读取"), detail.toString());
    }

    /** Cells no field reads may be anything a file can hold: the workbook is read all the same. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"t=\"d\"|<v>2021-02-30</v>", "|<f>1/0</f><v>#DIV/0!</v>", "|<v>INF</v>", "|<v>NaN</v>",
            "t=\"s\"|<v>99999</v>", "t=\"b\"|<v>maybe</v>", "t=\"e\"|<v>#WHAT?</v>"})
    void oddCellsOutsideTheFormsAreLeftAlone(String attributes, String inside) {
        JsonNode document = document(withCell("H5", attributes == null ? "" : attributes, inside));
        assertEquals("2021-01-01", document.at("/forms/0/trackingPeriod/start").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "-0.5", "0.5", "2958466", "1e10", "1e300", "-1e300"})
    void dayNumbersExcelShowsAsHashesAreRefusedAtTheirCell(String serial) {
        JsonNode detail = refusedAt(withCell("B5", "s=\"11\"", "<v>" + serial + "</v>"), "B5");
        assertTrue(detail.path("message").asString().contains("#####"), detail.toString());
    }

    @Test
    void excelsFebruary29Of1900IsRefusedAtItsCell() {
        JsonNode detail = refusedAt(withCell("B5", "s=\"11\"", "<v>60.25</v>"), "B5");
        assertTrue(detail.path("message").asString().contains("1900年2月29日"), detail.toString());
    }

    @ParameterizedTest
    @CsvSource({"1, 1900-01-01", "59, 1900-02-28", "59.99, 1900-02-28", "61, 1900-03-01", "44197, 2021-01-01"})
    void dayNumbersOf1900AreReadAsExcelShowsThem(String serial, String date) {
        assertEquals(date, document(withCell("B5", "s=\"11\"", "<v>" + serial + "</v>")).at("/forms/0/trackingPeriod/start").asString());
    }

    @ParameterizedTest
    @CsvSource({"0, 1904-01-01", "60, 1904-03-01", "42735, 2021-01-01", "42000, 2018-12-28"})
    void theWorkbooks1904DateSystemIsHonoured(String serial, String date) {
        byte[] cell = withCell("B5", "s=\"11\"", "<v>" + serial + "</v>");
        Map<String, byte[]> entries = BrokenWorkbooks.entries(cell);
        String workbook = new String(entries.get("xl/workbook.xml"), StandardCharsets.UTF_8).replace("date1904=\"false\"", "date1904=\"true\"");
        entries.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        assertEquals(date, document(BrokenWorkbooks.zip(entries)).at("/forms/0/trackingPeriod/start").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "60", "3000000"})
    void anXlsDayNumberThatIsNoDateIsRefusedAtItsCell(String serial) {
        byte[] xls = BrokenWorkbooks.xls(book -> {
            Sheet sheet = book.createSheet("项目1");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            String[][] rows = {{"项目名称", "设备购置"}, {"预算单位", "某医院"}, {"跟踪时段开始日期", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(rows[r][0]);
                if (r == 2) {
                    row.createCell(1).setCellValue(Double.parseDouble(serial));
                    row.getCell(1).setCellStyle(date);
                } else {
                    row.createCell(1).setCellValue(rows[r][1]);
                }
            }
        });
        JsonNode detail = refusedAt(xls, "B3");
        assertTrue(detail.path("message").asString().matches("(?s).*(#####|1900年2月29日).*"), detail.toString());
    }
}
