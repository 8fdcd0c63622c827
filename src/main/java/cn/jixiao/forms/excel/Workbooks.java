package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.TemplateFailure;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.css.Cascades;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workbooks of the registered forms: the empty one to fill in, a checked document exported into it, and a
 * workbook read back into a document. A form's layout is chosen by the shape of its schema — the budget
 * system's target table for units of projects of indicators, a sheet per form for a list of forms, laid out like
 * the printed form from its XHTML where the template marks its fields — so that a form type is known here only
 * through its schema and its markup.
 */
public final class Workbooks {
    /** The sheet that says how to fill the workbook in; never read as a form. */
    static final String INSTRUCTIONS = "填写说明";
    /** The creation time stamped into every workbook: same document, same bytes. */
    private static final Date CREATED = new Date(946_684_800_000L);
    private final Limits limits;
    private final Cascades cascades = new Cascades();

    public Workbooks(Limits limits) {
        this.limits = limits;
    }

    public byte[] template(RegisteredForm form) {
        return write(form, null);
    }

    /** The document (a checked one, as JSON) in the form's workbook of labels; null: the empty workbook. */
    public byte[] write(RegisteredForm form, JsonNode document) {
        return write(form, document, null);
    }

    /**
     * The document in the form's workbook: laid out like the printed form from {@code xhtml}, the XHTML its PDF is
     * made of, when its template marks its fields ({@link FieldMarks}); else in its workbook of labels.
     */
    public byte[] write(RegisteredForm form, JsonNode document, Document xhtml) {
        WorkbookLayout layout = layout(form);
        Optional<PrintedLayout> printed = FieldMarks.any(xhtml) ? PrintedLayout.of(form) : Optional.empty();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyles styles = new CellStyles(workbook, form.definition().amountDecimals());
            if (printed.isPresent()) {
                FieldMap map = printed(printed.get(), form, workbook, styles, document, xhtml);
                instructions(workbook, styles, PrintedLayout.instructions());
                map.write(workbook, form.id(), form.title());
            } else {
                layout.write(workbook, styles, document);
                instructions(workbook, styles, layout.instructions());
            }
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

    /** The form's sheets laid out from its XHTML; a mark of its template that leads nowhere named with the template. */
    private FieldMap printed(PrintedLayout layout, RegisteredForm form, Workbook workbook, CellStyles styles, JsonNode document,
                             Document xhtml) {
        try {
            return layout.write(workbook, styles, document, xhtml, cascades.of(xhtml));
        } catch (TemplateFailure fault) {
            throw new TemplateFailure(form.id() + "/" + Templates.ENTRY + ": " + fault.getMessage(), fault);
        }
    }

    /**
     * The document a workbook holds, with whatever cannot be read as errors at their cells; {@link FormError}
     * when nothing of the form is found in it.
     */
    public ImportedWorkbook read(RegisteredForm form, byte[] bytes) {
        WorkbookLayout layout = layout(form);
        Workbook workbook = WorkbookFile.open(bytes, limits);
        try (workbook) {
            return read(form, layout, workbook);
        } catch (IOException e) {
            throw WorkbookFile.unreadable("无法读取工作簿：" + e.getMessage());
        }
    }

    /**
     * The document a workbook holds, read as whichever of {@code forms} it holds: the one whose columns and
     * labels it names most, {@code preferred} when no other names more; {@link FormError} of {@code preferred}
     * when none is found in it.
     */
    public ImportedWorkbook readAny(List<RegisteredForm> forms, RegisteredForm preferred, byte[] bytes) {
        Workbook workbook = WorkbookFile.open(bytes, limits);
        try (workbook) {
            ImportedWorkbook best = null;
            FormError refusal = null;
            for (RegisteredForm form : preferredFirst(forms, preferred)) {
                Optional<WorkbookLayout> layout = layoutOf(form);
                if (layout.isEmpty()) {
                    continue;
                }
                try {
                    ImportedWorkbook read = read(form, layout.get(), workbook);
                    if (best == null || read.columns().size() > best.columns().size()) {
                        best = read;
                    }
                } catch (FormError notThisForm) {
                    refusal = refusal == null && form == preferred ? notThisForm : refusal;
                }
            }
            if (best == null) {
                throw refusal != null ? refusal : new FormError(FormError.Kind.UNSUPPORTED_WORKBOOK, "没有可读取工作簿的表单");
            }
            return best;
        } catch (IOException e) {
            throw WorkbookFile.unreadable("无法读取工作簿：" + e.getMessage());
        }
    }

    private static List<RegisteredForm> preferredFirst(List<RegisteredForm> forms, RegisteredForm preferred) {
        List<RegisteredForm> ordered = new ArrayList<>(List.of(preferred));
        forms.stream().filter(f -> f != preferred).forEach(ordered::add);
        return ordered;
    }

    private ImportedWorkbook read(RegisteredForm form, WorkbookLayout layout, Workbook workbook) {
        WorkbookReading reading = new WorkbookReading(workbook, limits.fieldChars());
        Optional<FieldMap.Read> map = FieldMap.read(workbook);
        Optional<PrintedLayout> printed = map.flatMap(m -> PrintedLayout.of(form));
        if (map.isPresent() && !map.get().form().equals(form.id())) {
            throw WorkbookReading.unrecognised("", FieldMap.SHEET, "这个工作簿是按「" + map.get().title() + "」（" + map.get().form()
                    + "）导出的，不是" + form.title() + "：请在「" + map.get().title() + "」下导入，或在页面上直接打开它");
        }
        ObjectNode document = printed.isPresent() ? printed.get().read(workbook, map.get(), reading) : layout.read(workbook, reading);
        return new ImportedWorkbook(form.id(), document, List.copyOf(reading.errors()), reading.errorsLeftOut(),
                List.copyOf(reading.warnings()),
                reading.sources(), reading.places(), List.copyOf(reading.columns()), List.copyOf(reading.unreadColumns()),
                List.copyOf(reading.missing()));
    }

    private static WorkbookLayout layout(RegisteredForm form) {
        return layoutOf(form)
                .orElseThrow(() -> new FormError(FormError.Kind.UNSUPPORTED_WORKBOOK, "「" + form.title() + "」没有工作簿格式"));
    }

    private static Optional<WorkbookLayout> layoutOf(RegisteredForm form) {
        return TargetTableLayout.of(form.schemaJson()).or(() -> SheetPerForm.of(form.schemaJson(), form.title(), form.definition().outline()));
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
