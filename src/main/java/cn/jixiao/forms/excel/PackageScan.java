package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Counts what an .xlsx holds — bytes inflated, sheets, rows of each sheet, cells — in one stream over the
 * zip, before POI builds its model of it (about a kilobyte of memory a cell): a workbook beyond the limits
 * costs no more than this pass.
 */
final class PackageScan {
    /** The parts of a workbook together may inflate to this many times the body limit. */
    static final int MULTIPLE_OF_BODY = 32;
    private static final String SPREADSHEET_ML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** The JDK's own parser, whatever another library on the class path or a system property would choose. */
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private PackageScan() {
    }

    static long maxInflatedBytes(Limits limits) {
        return (long) MULTIPLE_OF_BODY * limits.bodyBytes();
    }

    static void check(byte[] bytes, Limits limits) throws IOException {
        int sheets = 0;
        long cells = 0;
        List<Problem> beyond = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            Inflated inflated = new Inflated(zip, maxInflatedBytes(limits));
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("mimetype")
                        && new String(inflated.readNBytes(100), StandardCharsets.US_ASCII).contains("opendocument")) {
                    throw WorkbookFile.unreadable("这是 OpenDocument 表格（.ods）：请在 WPS、Excel 或 LibreOffice 中另存为 .xlsx");
                }
                if (!entry.getName().endsWith(".xml")) {
                    inflated.transferTo(java.io.OutputStream.nullOutputStream());
                    continue;
                }
                int[] counts = count(inflated);
                sheets += counts[0];
                cells += counts[2];
                if (counts[1] > limits.workbookRows()) {
                    beyond.add(beyond("workbookRows", "工作表行数过多：" + entry.getName() + " 有 " + counts[1]
                            + " 行，每个工作表最多 " + limits.workbookRows() + " 行"));
                }
            }
        }
        if (sheets > limits.workbookSheets()) {
            beyond.add(beyond("workbookSheets", "工作表过多：共 " + sheets + " 个，最多 " + limits.workbookSheets() + " 个"));
        }
        if (cells > limits.workbookCells()) {
            beyond.add(beyond("workbookCells", "单元格过多：共 " + cells + " 个，最多 " + limits.workbookCells() + " 个"));
        }
        if (!beyond.isEmpty()) {
            throw FormError.invalid(beyond);
        }
    }

    /** Sheets declared, rows and cells of one XML part. */
    private static int[] count(InputStream part) {
        int[] counts = new int[3];
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(part);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && SPREADSHEET_ML.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "sheet" -> counts[0]++;
                        case "row" -> counts[1]++;
                        case "c" -> counts[2]++;
                        default -> {
                        }
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw WorkbookFile.unreadable("无法读取工作簿：其中的 XML 已损坏（" + e.getMessage() + "）");
        }
        return counts;
    }

    /** A limit of the workbook, named by its environment variable. */
    static Problem beyond(String limit, String message) {
        String variable = limit.equals("bodyBytes") ? "JIXIAO_MAX_BODY_BYTES" : Limits.environmentVariable(limit);
        return new Problem("", message + "（限制 " + variable + "）", variable);
    }

    /** Counts the bytes inflated from the zip, and refuses the workbook once they pass the cap. */
    private static final class Inflated extends FilterInputStream {
        private final long cap;
        private long count;

        Inflated(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            if (count > cap) {
                throw FormError.invalid(List.of(beyond("bodyBytes", "工作簿解压后过大：超过 " + cap + " 字节，即请求体上限的 "
                        + MULTIPLE_OF_BODY + " 倍")));
            }
            return n;
        }

        @Override
        public void close() {
            // a parser may close its input at the end of a part; the zip must stay open for the next one
        }
    }
}
