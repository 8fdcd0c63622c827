package cn.jixiao.forms.excel;

import static cn.jixiao.forms.excel.BrokenWorkbooks.row;
import static cn.jixiao.forms.excel.BrokenWorkbooksCountedTest.limitOf;
import static cn.jixiao.forms.excel.BrokenWorkbooksCountedTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Merged areas are counted by the cells they cover and looked up by range, never expanded cell by cell: a
 * region over a whole sheet is a limit, not a full heap; a range upside down or off the sheet is refused with
 * its sheet and range.
 */
class BrokenWorkbooksMergedTest {
    private static final String HEADER = RawWorkbook.row(1, "项目名称", "总计", "绩效目标", "绩效指标");

    private static byte[] mergedXlsx(String... ranges) {
        StringBuilder merges = new StringBuilder("<mergeCells count=\"" + ranges.length + "\">");
        for (String range : ranges) {
            merges.append("<mergeCell ref=\"").append(range).append("\"/>");
        }
        return RawWorkbook.of("<sheetData>" + HEADER + "</sheetData>" + merges.append("</mergeCells>")).bytes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1:XFD1048576", "A2:XFD100", "B1:B1048576|C1:C1048576", "A1:AAA2000"})
    void anAreaBeyondTheLimitIsRefusedAsALimit(String ranges) {
        byte[] workbook = mergedXlsx(ranges.split("\\|"));
        assertTrue(workbook.length < 4096, "a few kilobytes: " + workbook.length);
        JsonNode body = refused(workbook, 422, "limit_exceeded");
        assertEquals("JIXIAO_MAX_WORKBOOK_MERGED_CELLS", limitOf(body), body.toString());
    }

    @Test
    void manySmallRegionsAddUp() {
        List<String> ranges = new ArrayList<>();
        for (int r = 2; r < 2 + 1001; r++) {
            ranges.add("A" + r + ":ALL" + r); // 1000 columns a row, 1001 rows
        }
        assertEquals("JIXIAO_MAX_WORKBOOK_MERGED_CELLS", limitOf(refused(mergedXlsx(ranges.toArray(String[]::new)), 422, "limit_exceeded")));
    }

    @ParameterizedTest
    @CsvSource({"B5:A1, 起止颠倒", "A5:B1, 起止颠倒", "A1:XFE2, 超出", "A1:A1048577, 超出", "XFE1:XFF2, 超出"})
    void aRangeUpsideDownOrOffTheSheetIsRefusedWithItsSheetAndRange(String range, String said) {
        JsonNode body = refused(mergedXlsx("C3:D4", range), 400, "unreadable_workbook");
        assertEquals("Sheet1!" + range, body.at("/error/details/0/cell").asString(), body.toString());
        assertTrue(body.at("/error/message").asString().contains("工作表「Sheet1」") && body.toString().contains(said), body.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1:B", "1:2", "A1:B2:C3", "", "甲1:乙2"})
    void whatIsNoRangeIsRefused(String range) {
        JsonNode body = refused(mergedXlsx(range), 400, "unreadable_workbook");
        assertTrue(body.at("/error/message").asString().contains("不是单元格区域"), body.toString());
    }

    /** An .xls of a thousand regions of 1,040 cells each: a million cells merged, and one more region. */
    @Test
    void anXlsOfAThousandLargeRegionsIsRefusedAsALimit() {
        byte[] workbook = BrokenWorkbooks.xls(book -> {
            Sheet sheet = book.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("项目名称");
            for (int i = 0; i < 1000; i++) {
                int row = 1 + (i / 16) * 65;
                int column = (i % 16) * 16;
                ((HSSFSheet) sheet).getSheet().addMergedRegion(row, column, row + 64, column + 15);
            }
            ((HSSFSheet) sheet).getSheet().addMergedRegion(5000, 0, 5000, 1);
        });
        assertEquals("JIXIAO_MAX_WORKBOOK_MERGED_CELLS", limitOf(refused(workbook, 422, "limit_exceeded")));
    }

    /**
     * An .xls with one merged range written as given: POI writes only ranges in order, so a marked one is written
     * and its eight bytes (rows and columns, little-endian) are overwritten in the file.
     */
    @ParameterizedTest
    @CsvSource({"4, 1, 0, 0, B5:A1", "0, 0, 0, 300, A1:KO1", "0, 250, 1, 256, IQ1:IW2"})
    void anXlsRangeUpsideDownOrOffTheSheetIsRefusedWithItsSheetAndRange(int firstRow, int firstColumn, int lastRow, int lastColumn,
                                                                        String range) {
        byte[] workbook = BrokenWorkbooks.xls(book -> {
            Sheet sheet = book.createSheet("明细");
            sheet.createRow(0).createCell(0).setCellValue("项目名称");
            sheet.addMergedRegion(new CellRangeAddress(0x1234, 0x1235, 5, 6));
        });
        byte[] marked = {0x34, 0x12, 0x35, 0x12, 5, 0, 6, 0};
        int at = indexOf(workbook, marked);
        int[] values = {firstRow, lastRow, firstColumn, lastColumn};
        for (int i = 0; i < 4; i++) {
            workbook[at + 2 * i] = (byte) values[i];
            workbook[at + 2 * i + 1] = (byte) (values[i] >> 8);
        }
        JsonNode body = refused(workbook, 400, "unreadable_workbook");
        assertEquals("明细!" + range, body.at("/error/details/0/cell").asString(), body.toString());
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new AssertionError("the marked range is not in the file");
    }

    /** Regions within the limit are read by range: the project's cells merged over its indicator rows, many times over. */
    @Test
    void mergedProjectCellsAreReadByRange() {
        byte[] workbook = BrokenWorkbooks.xls(book -> {
            Sheet sheet = book.createSheet("Sheet1");
            row(sheet, 0, "单位名称：某医院");
            row(sheet, 1, "项目名称", "总计", "财政拨款", "绩效目标", "一级指标", "二级指标", "三级指标", "年度指标值");
            for (int p = 0; p < 40; p++) {
                int first = 2 + p * 3;
                row(sheet, first, "项目" + p, "", "", "目标" + p, "产出指标", "数量指标", "台数", "2台");
                row(sheet, first + 1, "", "", "", "", "效益指标", "社会效益", "效率", "提升");
                row(sheet, first + 2, "", "", "", "", "满意度指标", "服务对象满意度指标", "满意度", "≥90%");
                for (int column : new int[]{0, 1, 2, 3}) {
                    sheet.addMergedRegion(new CellRangeAddress(first, first + 2, column, column));
                }
                sheet.addMergedRegion(new CellRangeAddress(first, first, 8, 200)); // wide, empty: no column is read for it
            }
        });
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-target/import", workbook,
                "Content-Type", "application/vnd.ms-excel");
        JsonNode document = Json.MAPPER.readTree(response.body()).path("document");
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(40, document.at("/units/0/projects").size());
        for (int p = 0; p < 40; p++) {
            assertEquals("项目" + p, document.at("/units/0/projects/" + p + "/name").asString());
            assertEquals(3, document.at("/units/0/projects/" + p + "/indicators").size(), "project " + p);
        }
    }

    /** The lookup by range finds what a cell-by-cell map of the same regions finds, for every cell of a seeded grid. */
    @Test
    void lookingUpByRangeFindsWhatExpandingWould() {
        Random random = new Random(20261205L);
        boolean[][] taken = new boolean[300][60];
        CellRangeAddress[][] expanded = new CellRangeAddress[300][60];
        List<CellRangeAddress> regions = new ArrayList<>();
        for (int attempt = 0; attempt < 3000; attempt++) {
            int row = random.nextInt(300);
            int column = random.nextInt(60);
            int lastRow = Math.min(299, row + random.nextInt(random.nextInt(10) == 0 ? 200 : 4));
            int lastColumn = Math.min(59, column + random.nextInt(random.nextInt(10) == 0 ? 40 : 3));
            if (free(taken, row, column, lastRow, lastColumn)) {
                CellRangeAddress region = new CellRangeAddress(row, lastRow, column, lastColumn);
                regions.add(region);
                for (int r = row; r <= lastRow; r++) {
                    for (int c = column; c <= lastColumn; c++) {
                        taken[r][c] = true;
                        expanded[r][c] = region;
                    }
                }
            }
        }
        MergedAreas areas = new MergedAreas(regions);
        for (int r = 0; r < 300; r++) {
            for (int c = 0; c < 60; c++) {
                assertEquals(expanded[r][c], areas.at(r, c), "cell " + r + "," + c);
            }
        }
        assertTrue(regions.size() > 500, "regions: " + regions.size());
    }

    private static boolean free(boolean[][] taken, int row, int column, int lastRow, int lastColumn) {
        for (int r = row; r <= lastRow; r++) {
            for (int c = column; c <= lastColumn; c++) {
                if (taken[r][c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
