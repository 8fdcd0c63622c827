package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.Interrupts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens the bytes of an uploaded workbook, recognised by their content: an .xlsx (or .xltx) or an .xls of
 * Excel 97 and later. Refuses, each with its reason, what is no workbook, an encrypted one, one with macros,
 * and one beyond the limits — the limits of an .xlsx counted in a stream before POI builds anything.
 * Everything is read in memory: no temporary file is made.
 */
final class WorkbookFile {
    /**
     * POI's zip-bomb guard, process-wide: a part may inflate to 500 times its compressed size. Excel's and WPS's
     * styles.xml, thousands of near-identical styles, reach a few hundred (beyond POI's default of 100); deflate
     * cannot exceed about 1030, which a bomb does.
     */
    static final double MIN_INFLATE_RATIO = 0.002;

    private static final String MACRO_CONTENT = "macroEnabled";
    private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";
    private static final SpreadsheetVersion XLS = SpreadsheetVersion.EXCEL97;

    private WorkbookFile() {
    }

    static {
        // POI's guard is process-wide, so it is set once; the inflated size each service allows is PackageScan's to check.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

    static Workbook open(byte[] bytes, Limits limits) {
        if (bytes == null || bytes.length == 0) {
            throw unreadable("请求体为空：需要一个 Excel 工作簿（.xlsx 或 .xls）");
        }
        FileMagic magic = FileMagic.valueOf(bytes);
        try {
            Workbook workbook = switch (magic) {
                case OOXML -> openXlsx(bytes, limits);
                case OLE2 -> openXls(bytes, limits);
                case BIFF2, BIFF3, BIFF4 -> throw unsupported("这是 Excel 4.0 或更早的工作簿：请在 Excel 或 WPS 中另存为 .xlsx");
                case PDF -> throw unreadable("这是 PDF 文件，不是 Excel 工作簿：请上传 .xlsx 或 .xls");
                case HTML, XML -> throw unreadable("这是 HTML 或 XML 文件，不是 Excel 工作簿：请在 Excel 或 WPS 中另存为 .xlsx");
                default -> throw unreadable("不是 Excel 工作簿：请上传 .xlsx 或 .xls 文件");
            };
            if (workbook.getNumberOfSheets() == 0) {
                workbook.close();
                throw unreadable("工作簿中没有工作表：文件已损坏，或不是 Excel 保存的工作簿");
            }
            return workbook;
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    private static Workbook openXlsx(byte[] bytes, Limits limits) throws IOException {
        PackageScan.check(bytes, limits);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new InterruptibleParts(new ZipInputStreamZipEntrySource(
                    ZipHelper.openZipStream(new ByteArrayInputStream(bytes)))));
        } catch (InvalidFormatException e) {
            throw unreadable("无法读取工作簿：文件已损坏，或不是 Excel 工作簿（" + e.getMessage() + "）");
        }
        try {
            List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
            String type = main.isEmpty() ? "" : main.get(0).getContentType();
            if (type.contains(MACRO_CONTENT) || !pkg.getPartsByContentType(VBA_PROJECT).isEmpty()) {
                throw unsupported("这个工作簿含有宏（.xlsm）：不接收带宏的文件，请在 Excel 或 WPS 中另存为 .xlsx");
            }
            if (!type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.")) {
                throw unreadable("这是 Office 文档，但不是 Excel 工作簿（" + (type.isEmpty() ? "没有主体部分" : type) + "）");
            }
            return new XSSFWorkbook(pkg);
        } catch (RuntimeException | IOException e) {
            pkg.revert();
            throw e;
        }
    }

    private static Workbook openXls(byte[] bytes, Limits limits) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
        DirectoryNode root = fs.getRoot();
        if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
            throw encrypted();
        }
        if (root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")) {
            throw unsupported("这个工作簿含有宏：不接收带宏的文件，请在 Excel 或 WPS 中另存为 .xlsx");
        }
        if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
            throw unreadable("这是 Office 文档，但不是 Excel 工作簿：请上传 .xlsx 或 .xls 文件");
        }
        HSSFWorkbook workbook = new HSSFWorkbook(root, true);
        workbook.createDataFormat(); // POI reads the number formats and the sheets' names when asked: a damaged file fails here
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            workbook.getSheetName(i);
        }
        checkCounts(workbook, limits);
        return workbook;
    }

    /** The limits of a workbook already read: an .xls, which is no bigger in memory than the body it came in. */
    private static void checkCounts(HSSFWorkbook workbook, Limits limits) {
        List<Problem> beyond = new ArrayList<>();
        List<Problem> damaged = new ArrayList<>();
        long cells = 0;
        long merged = 0;
        for (Sheet sheet : workbook) {
            if (sheet.getPhysicalNumberOfRows() > limits.workbookRows()) {
                beyond.add(PackageScan.beyond("workbookRows", "工作表「" + sheet.getSheetName() + "」行数过多：共 "
                        + sheet.getPhysicalNumberOfRows() + " 行，每个工作表最多 " + limits.workbookRows() + " 行"));
            }
            for (Row row : sheet) {
                Interrupts.check();
                cells += row.getPhysicalNumberOfCells();
                for (Cell cell : row) {
                    if (!hasStyle(cell) && damaged.size() < PackageScan.DAMAGE_LISTED) {
                        damaged.add(new Problem("", "工作表「" + sheet.getSheetName() + "」的单元格 " + cell.getAddress()
                                + " 的样式不存在").at(new CellReference(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(),
                                false, false).formatAsString()));
                    }
                }
            }
            for (CellRangeAddress region : sheet.getMergedRegions()) {
                Interrupts.check();
                String range = region.formatAsString();
                String problem = PackageScan.mergedProblem(range, region.getFirstRow(), region.getFirstColumn(), region.getLastRow(),
                        region.getLastColumn(), XLS);
                if (problem != null && damaged.size() < PackageScan.DAMAGE_LISTED) {
                    damaged.add(new Problem("", "工作表「" + sheet.getSheetName() + "」" + problem)
                            .at(SheetNameFormatter.format(sheet.getSheetName()) + "!" + range));
                } else if (problem == null) {
                    merged += region.getNumberOfCells();
                }
            }
        }
        if (!damaged.isEmpty()) {
            throw new FormError(FormError.Kind.UNREADABLE_WORKBOOK, "工作簿已损坏：" + damaged.get(0).message(), damaged);
        }
        PackageScan.over(beyond, workbook.getNumberOfSheets(), limits.workbookSheets(), "workbookSheets", "工作表过多：共 %d 个，最多 %d 个");
        PackageScan.over(beyond, cells, limits.workbookCells(), "workbookCells", "单元格过多：共 %d 个，最多 %d 个");
        PackageScan.over(beyond, workbook.getNumCellStyles() + (long) workbook.getNumberOfFonts(), limits.workbookStyles(),
                "workbookStyles", "样式过多：格式、字体等共 %d 项，最多 %d 项");
        PackageScan.over(beyond, merged, limits.workbookMergedCells(), "workbookMergedCells", "合并单元格过大：合并区域共覆盖 %d 个单元格，最多 %d 个");
        if (!beyond.isEmpty()) {
            throw FormError.invalid(beyond);
        }
    }

    /** Whether a cell's style is one the file has: in a damaged .xls, its number may point past them or at another record. */
    private static boolean hasStyle(Cell cell) {
        try {
            return cell.getCellStyle() != null && cell.getCellStyle().getDataFormatString() != null;
        } catch (IllegalStateException | IndexOutOfBoundsException noSuchStyle) {
            return false;
        }
    }

    /** What POI or the zip reader threw, as the workbook's fault; our own refusals pass through. */
    private static FormError failure(Exception e) {
        if (e instanceof FormError refusal) {
            return refusal;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CancellationException || cause instanceof ClosedByInterruptException) {
                throw new CancellationException("import abandoned"); // given up on at its deadline: nothing to answer
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Zip bomb")) {
                return FormError.invalid(List.of(PackageScan.beyond("bodyBytes", "工作簿疑似压缩炸弹：某一部分解压后是压缩时的 "
                        + Math.round(1 / MIN_INFLATE_RATIO) + " 倍以上")));
            }
            if (cause instanceof EncryptedDocumentException) {
                return encrypted();
            }
            if (cause instanceof OldExcelFormatException) {
                return unsupported("这是 Excel 95 或更早的工作簿：请在 Excel 或 WPS 中另存为 .xlsx");
            }
        }
        String reason = String.valueOf(e.getMessage());
        return unreadable("无法读取工作簿：文件已损坏，或不是 Excel 工作簿（" + e.getClass().getSimpleName() + "："
                + (reason.length() > 120 ? reason.substring(0, 120) + "…" : reason) + "）");
    }

    private static FormError encrypted() {
        return unsupported("这个工作簿有密码保护（已加密）：请在 Excel 或 WPS 中取消密码后再上传");
    }

    static FormError unreadable(String message) {
        return new FormError(FormError.Kind.UNREADABLE_WORKBOOK, message);
    }

    private static FormError unsupported(String message) {
        return new FormError(FormError.Kind.UNSUPPORTED_WORKBOOK, message);
    }
}
