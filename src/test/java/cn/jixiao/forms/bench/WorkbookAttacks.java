package cn.jixiao.forms.bench;

import cn.jixiao.forms.excel.RawWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Hostile workbooks for the attack run, each posted to {@code /import} over and over from an address of its
 * own (127.0.0.21 …) while the run lasts: a merged area over a whole sheet (2 KB), rows whose last cell stands
 * at XFD, a 绩效指标 cell of 300,000 characters, one long shared string in 44,000 cells, a sheet of a million
 * cells in a part named {@code sheet1.bin}. Each is refused or read in the time its cells take; what they got
 * is printed when the run ends, and any 5xx is named there.
 */
public final class WorkbookAttacks {
    private static final String IMPORT = "/api/v1/forms/performance-target/import";
    private static final String HEADER = RawWorkbook.row(1, "项目名称", "总计", "财政拨款", "绩效目标", "绩效指标");
    private static final Map<String, LongAdder> ANSWERS = new ConcurrentHashMap<>();

    private WorkbookAttacks() {
    }

    /** One thread an attack, each posting until {@code seconds} have passed; the last to end prints what they got. */
    public static List<Thread> threads(int port, int seconds) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Map<String, Supplier<byte[]>> attacks = new TreeMap<>(Map.of(
                "merged area over a whole sheet", WorkbookAttacks::mergedBomb,
                "rows ending at XFD", WorkbookAttacks::rowsEndingAtXfd,
                "300,000-character indicator cell", WorkbookAttacks::longIndicatorCell,
                "long shared string in 44,000 cells", WorkbookAttacks::reusedLongString,
                "a million cells in sheet1.bin", WorkbookAttacks::binNamedSheet));
        List<Thread> threads = new ArrayList<>();
        LongAdder running = new LongAdder();
        int address = 21;
        for (Map.Entry<String, Supplier<byte[]>> attack : attacks.entrySet()) {
            String from = "127.0.0." + address++;
            running.increment();
            Thread thread = new Thread(() -> {
                try {
                    post(port, from, attack.getKey(), attack.getValue().get(), end);
                } finally {
                    running.decrement();
                    if (running.sum() == 0) {
                        report();
                    }
                }
            }, "workbook attack: " + attack.getKey());
            thread.setDaemon(true);
            threads.add(thread);
        }
        return threads;
    }

    /** Posts the workbook from {@code from}, as fast as it is answered, until {@code end}. */
    private static void post(int port, String from, String name, byte[] workbook, long end) {
        byte[] head = ("POST " + IMPORT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n"
                + "Content-Length: " + workbook.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write(workbook);
                out.flush();
                byte[] status = socket.getInputStream().readNBytes(12);
                count(name + ": " + (status.length == 12 ? new String(status, 9, 3, StandardCharsets.US_ASCII) : "no answer"));
            } catch (IOException e) {
                count(name + ": " + e.getClass().getSimpleName());
            }
        }
    }

    private static void count(String what) {
        ANSWERS.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private static void report() {
        Map<String, LongAdder> answers = new TreeMap<>(ANSWERS);
        System.out.println("- what the workbook attackers got: " + answers);
        List<String> serverErrors = answers.keySet().stream().filter(answer -> answer.matches(".*: 5\\d\\d")
                && !answer.endsWith(": 503")).toList();
        System.out.println("- workbook attacks answered with a server error: " + (serverErrors.isEmpty() ? "none" : serverErrors));
        System.out.flush();
    }

    /** One merged area from A1 to XFD1048576: 17 billion cells in 2 KB. */
    public static byte[] mergedBomb() {
        return RawWorkbook.of("<sheetData>" + HEADER + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>")
                .bytes();
    }

    /** 10,000 rows of a note in A and a number at XFD above the header: every row as wide as a sheet goes. */
    public static byte[] rowsEndingAtXfd() {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 10_000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>备注").append(r)
                    .append("</t></is></c><c r=\"XFD").append(r).append("\"><v>").append(r).append("</v></c></row>");
        }
        return RawWorkbook.of(rows + RawWorkbook.row(10_001, "项目名称", "绩效目标", "绩效指标")).bytes();
    }

    public static byte[] longIndicatorCell() {
        String composed = "1、1-产出指标：11-数量指标：面积" + "；实施周期指标值：".repeat(2) + RawWorkbook.varied(300_000);
        return RawWorkbook.of(HEADER + RawWorkbook.row(2, "设备购置", "", "100", "更新设备", composed)).bytes();
    }

    public static byte[] reusedLongString() {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int r = 2; r < 2 + 8_800; r++) {
            rows.append("<row r=\"").append(r).append("\">");
            for (char column = 'A'; column <= 'E'; column++) {
                rows.append("<c r=\"").append(column).append(r).append("\" t=\"s\"><v>0</v></c>");
            }
            rows.append("</row>");
        }
        return RawWorkbook.of(rows.toString()).sharedStrings(RawWorkbook.varied(100_000)).bytes();
    }

    /** A sheet of 1,000,000 numbers in a part named sheet1.bin, a worksheet by its extension's content type. */
    public static byte[] binNamedSheet() {
        String row = "<row>" + "<c><v>1</v></c>".repeat(100) + "</row>";
        return new RawWorkbook().sheet("明细", "worksheets/sheet1.bin", row.repeat(10_000)).byExtension("bin", "worksheet+xml").bytes();
    }
}
