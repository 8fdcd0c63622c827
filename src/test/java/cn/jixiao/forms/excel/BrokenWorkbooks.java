package cn.jixiao.forms.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/** Workbooks made wrong on purpose, each the way a real one goes wrong, for the corpus of refusals. */
final class BrokenWorkbooks {
    private BrokenWorkbooks() {
    }

    static byte[] xlsx(Consumer<Workbook> content) {
        return write(new XSSFWorkbook(), content);
    }

    static byte[] xls(Consumer<Workbook> content) {
        return write(new HSSFWorkbook(), content);
    }

    private static byte[] write(Workbook workbook, Consumer<Workbook> content) {
        try (workbook) {
            content.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's export with one cell changed: {@code row} and {@code column} 0-based. */
    static byte[] seedWith(int row, int column, String text) {
        return xlsx(workbook -> {
            SeedWorkbook.write(workbook, SeedWorkbook.rows());
            workbook.getSheetAt(0).getRow(row).createCell(column).setCellValue(text);
        });
    }

    static byte[] seedWith(Consumer<Sheet> change) {
        return xlsx(workbook -> {
            SeedWorkbook.write(workbook, SeedWorkbook.rows());
            change.accept(workbook.getSheetAt(0));
        });
    }

    /** A row of text cells from column A; an empty text leaves its cell out. */
    static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    static byte[] macros() {
        return write(new XSSFWorkbook(XSSFWorkbookType.XLSM), workbook -> SeedWorkbook.write(workbook, SeedWorkbook.rows()));
    }

    /** The seed's export encrypted with a password, as Excel's 用密码进行加密 does. */
    static byte[] encryptedXlsx() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mima2024");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(SeedWorkbook.xlsx(SeedWorkbook.rows())));
                 OutputStream data = encryptor.getDataStream(fs)) {
                pkg.save(data);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] passwordXls() {
        Biff8EncryptionKey.setCurrentUserPassword("mima2024");
        try {
            return xls(workbook -> SeedWorkbook.write(workbook, SeedWorkbook.rows()));
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    static byte[] sheets(int count) {
        return xlsx(workbook -> {
            for (int i = 0; i < count; i++) {
                workbook.createSheet("表" + i).createRow(0).createCell(0).setCellValue("项目名称");
            }
        });
    }

    static byte[] grid(int rows, int columns) {
        return xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(r);
                }
            }
        });
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of a zip, in order, to be changed and written again. */
    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The seed's export with one more part: {@code size} bytes of one repeated character, compressed a thousandfold. */
    static byte[] padded(String part, int size) {
        Map<String, byte[]> entries = entries(SeedWorkbook.xlsx(SeedWorkbook.rows()));
        byte[] padding = new byte[size];
        Arrays.fill(padding, (byte) ' ');
        entries.put(part, padding);
        return zip(entries);
    }

    /** A sheet that names an external entity (XXE): it must neither be fetched nor read. */
    static byte[] externalEntity() {
        Map<String, byte[]> entries = entries(xlsx(workbook -> workbook.createSheet("Sheet1").createRow(0).createCell(0)));
        entries.put("xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** An OpenDocument spreadsheet (.ods), as LibreOffice saves by default. */
    static byte[] openDocument() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"
                .getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** A cell whose formula failed: Excel keeps the error as its cached value. */
    static byte[] formulaError() {
        return seedWith(sheet -> {
            Cell cell = sheet.getRow(12).createCell(2);
            cell.setCellFormula("1/0");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
        });
    }

    /** A workbook with the first text cell reading {@code was} changed to {@code instead}. */
    static byte[] changed(byte[] workbook, String was, String instead) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    String text = new DataFormatter().formatCellValue(cell);
                    if (text.equals(was)) {
                        cell.setCellValue(instead);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        book.write(out);
                        return out.toByteArray();
                    }
                }
            }
            throw new IllegalArgumentException("no cell reads " + was);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
