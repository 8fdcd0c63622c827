package cn.jixiao.forms.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The published target table (a text dump of a budget system's export: a line a row, tab = cell boundary)
 * written out as the export's workbook: title, 单位名称 and 单位 rows above each header the dump repeats,
 * amounts as numbers formatted #,##0.00, as plain numbers and as text "1,200.50" in turn.
 */
final class SeedWorkbook {
    static final Path SEED = Path.of("src", "test", "resources", "target-table-guangzhou-12th-hospital.txt");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}");

    private SeedWorkbook() {
    }

    static List<String[]> rows() {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readString(SEED, StandardCharsets.UTF_8).split("\n", -1)) {
                rows.add(line.isEmpty() ? new String[0] : line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(List<String[]> rows) {
        try (Workbook workbook = new XSSFWorkbook()) {
            write(workbook, rows);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Workbook workbook, List<String[]> rows) {
        Sheet sheet = workbook.createSheet("Sheet1");
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        int amounts = 0;
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            Row row = sheet.createRow(r);
            if (cells.length == 1 && cells[0].startsWith("单位：")) {
                row.createCell(6).setCellValue(cells[0]);
                continue;
            }
            for (int c = 0; c < cells.length; c++) {
                Cell cell = row.createCell(c);
                if (c >= 1 && c <= 4 && AMOUNT.matcher(cells[c]).matches()) {
                    BigDecimal value = new BigDecimal(cells[c].replace(",", ""));
                    switch (amounts++ % 3) {
                        case 0 -> {
                            cell.setCellValue(value.doubleValue());
                            cell.setCellStyle(money);
                        }
                        case 1 -> cell.setCellValue(value.doubleValue());
                        default -> cell.setCellValue(cells[c]);
                    }
                } else if (!cells[c].isEmpty()) {
                    cell.setCellValue(cells[c]);
                }
            }
            if (cells.length == 1 && cells[0].contains("目标表")) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 6));
            }
        }
    }

    /** The seed as CSV, UTF-8, every cell quoted: what LibreOffice is given to save as a workbook. */
    static byte[] csv(List<String[]> rows) {
        StringBuilder csv = new StringBuilder();
        for (String[] cells : rows) {
            List<String> quoted = new ArrayList<>();
            for (String cell : cells) {
                quoted.add("\"" + cell.replace("\"", "\"\"") + "\"");
            }
            csv.append(String.join(",", quoted)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
