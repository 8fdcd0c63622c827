package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.RegisteredForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workbooks of the registered forms: the empty one to fill in, a checked document exported into it, and a
 * workbook read back into a document. A form's layout is chosen by the shape of its schema — the budget
 * system's target table for units of projects of indicators, a sheet per form for a list of forms — so that
 * a form type is known here only through its schema.
 */
public final class Workbooks {
    /** The sheet that says how to fill the workbook in; never read as a form. */
    static final String INSTRUCTIONS = "填写说明";
    /** The creation time stamped into every workbook: same document, same bytes. */
    private static final Date CREATED = new Date(946_684_800_000L);
    private final Limits limits;

    public Workbooks(Limits limits) {
        this.limits = limits;
    }

    public byte[] template(RegisteredForm form) {
        return write(form, null);
    }

    /** The document (a checked one, as JSON) in the form's workbook; null: the empty workbook. */
    public byte[] write(RegisteredForm form, JsonNode document) {
        WorkbookLayout layout = layout(form);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyles styles = new CellStyles(workbook, form.definition().amountDecimals());
            layout.write(workbook, styles, document);
            instructions(workbook, styles, layout.instructions());
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            core.setCreator("jixiao-forms");
            core.setCreated(Optional.of(CREATED));
            core.setTitle(form.title());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return FixedTimeZip.of(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document a workbook holds; {@link FormError} with the cells of whatever cannot be read. */
    public ImportedWorkbook read(RegisteredForm form, byte[] bytes) {
        WorkbookLayout layout = layout(form);
        Workbook workbook = WorkbookFile.open(bytes, limits);
        try (workbook) {
            WorkbookReading reading = new WorkbookReading(workbook, limits.fieldChars());
            ObjectNode document = layout.read(workbook, reading);
            if (!reading.errors().isEmpty()) {
                throw FormError.invalid(reading.errors(), reading.errorsLeftOut());
            }
            return new ImportedWorkbook(document, List.copyOf(reading.warnings()), reading.sources(), reading.places());
        } catch (IOException e) {
            throw WorkbookFile.unreadable("无法读取工作簿：" + e.getMessage());
        }
    }

    private static WorkbookLayout layout(RegisteredForm form) {
        return TargetTableLayout.of(form.schemaJson())
                .or(() -> SheetPerForm.of(form.schemaJson(), form.title()))
                .orElseThrow(() -> new FormError(FormError.Kind.UNSUPPORTED_WORKBOOK, "「" + form.title() + "」没有工作簿格式"));
    }

    private static void instructions(Workbook workbook, CellStyles styles, List<String> lines) {
        Sheet sheet = workbook.createSheet(INSTRUCTIONS);
        CellStyles.setWidth(sheet, 0, 110);
        Row heading = sheet.createRow(0);
        Cell title = heading.createCell(0);
        title.setCellValue(INSTRUCTIONS);
        title.setCellStyle(styles.boldText);
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i + 1);
            Cell cell = row.createCell(0);
            cell.setCellValue((i + 1) + ". " + lines.get(i));
            cell.setCellStyle(styles.plainWrapped);
            row.setHeightInPoints(TextLines.height(TextLines.count(lines.get(i), 110)));
        }
        CellStyles.printSetUp(sheet, false, 0, 0);
    }
}
