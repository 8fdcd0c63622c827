package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Limits;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every step of reading a workbook stops when the import is given up on (the render queue interrupts its
 * thread at the deadline), as rendering does: the scan, POI's parse, the grid, the indicators' text, the
 * merged areas, the counts of an .xls. A step that ran on would keep its slot to the end.
 */
class WorkbookInterruptsTest {
    private static final byte[] SEED = SeedWorkbook.xlsx(SeedWorkbook.rows());

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    private static void stopsWhenInterrupted(Executable step) {
        Thread.currentThread().interrupt();
        assertThrows(CancellationException.class, step);
    }

    @Test
    void theScanStops() {
        stopsWhenInterrupted(() -> PackageScan.check(SEED, Limits.DEFAULT));
    }

    @Test
    void opening() {
        stopsWhenInterrupted(() -> WorkbookFile.open(SEED, Limits.DEFAULT));
        stopsWhenInterrupted(() -> WorkbookFile.open(BrokenWorkbooks.xls(book -> SeedWorkbook.write(book, SeedWorkbook.rows())), Limits.DEFAULT));
    }

    @Test
    void poisParseStops() throws Exception {
        try (InterruptibleParts parts = new InterruptibleParts(new ZipInputStreamZipEntrySource(
                ZipHelper.openZipStream(new ByteArrayInputStream(SEED))))) {
            var sheet = parts.getEntry("xl/worksheets/sheet1.xml");
            stopsWhenInterrupted(() -> parts.getInputStream(sheet).read(new byte[4096]));
        }
    }

    @Test
    void theGridStops() throws Exception {
        try (Workbook workbook = WorkbookFile.open(SEED, Limits.DEFAULT)) {
            SheetGrid grid = new SheetGrid(workbook.getSheetAt(0), new WorkbookReading(workbook, 5000).contents());
            stopsWhenInterrupted(() -> grid.text(11, 0));
            stopsWhenInterrupted(() -> grid.columns(11));
            stopsWhenInterrupted(() -> new SheetGrid(workbook.getSheetAt(0), new WorkbookReading(workbook, 5000).contents()));
        }
    }

    @Test
    void takingIndicatorsApartStops() {
        stopsWhenInterrupted(() -> ComposedIndicators.read("1、1-产出指标：11-数量指标：面积；实施周期指标值：1；年度指标值：1。",
                Json.MAPPER.createArrayNode(), "/indicators", "Sheet1!G9", new WorkbookReading()));
    }

    @Test
    void findingMergedAreasStops() {
        MergedAreas areas = new MergedAreas(List.of(new CellRangeAddress(0, 5, 0, 3)));
        stopsWhenInterrupted(() -> areas.at(2, 2));
    }
}
