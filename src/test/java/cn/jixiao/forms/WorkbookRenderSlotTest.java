package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.excel.Workbooks;
import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An import rendered straight away ({@code /import?format=}) holds one render slot from reading the workbook to
 * the last byte of its file, and checks its document once: with one slot and no wait, it succeeds although another
 * request's work comes for the slot while the workbook is being checked.
 */
class WorkbookRenderSlotTest {
    @Test
    void anImportRenderedStraightAwayIsReadCheckedAndRenderedInOneSlot() throws Exception {
        AtomicReference<Runnable> onNextCheck = new AtomicReference<>();
        TextRules rules = new TextRules(codePoint -> {
            Runnable hook = onNextCheck.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return true;
        });
        RenderQueue queue = new RenderQueue(1, Duration.ZERO, Duration.ofMinutes(5));
        FormService service = new FormService(FormRegistry.bundled(Limits.DEFAULT, rules, IndicatorChecks.DEFAULT), Templates.bundled(),
                List.of(new PdfRenderer(FontLibrary.bundled(), new RenderBudget(Limits.DEFAULT.pages(), Limits.DEFAULT.outputBytes()))),
                new Workbooks(Limits.DEFAULT), queue);
        RegisteredForm form = service.form("performance-tracking");
        byte[] workbook = service.render(form, form.example().orElseThrow(), OutputFormat.XLSX).bytes();
        long checks = form.checks();
        AtomicBoolean otherRan = new AtomicBoolean();
        Thread other = new Thread(() -> queue.forBatchItems().run(() -> otherRan.getAndSet(true)));
        other.setDaemon(true);
        // While the workbook's document is checked, a batch item waits for the slot: it would take it in any pause.
        onNextCheck.set(() -> {
            other.start();
            while (queue.batchItemsWaiting() == 0) {
                Thread.onSpinWait();
            }
        });
        try {
            FormService.RenderedFile file = service.renderWorkbook(form, workbook, false, OutputFormat.PDF, FormService.PdfExtras.NONE);
            assertTrue(new String(file.bytes(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
            assertTrue(file.pages() > 0, "pages as the renderer laid them out");
            assertEquals(1, form.checks() - checks, "the document read from the workbook is checked once");
            other.join(60_000);
            assertTrue(otherRan.get(), "the waiting item had the slot once the import let it go");
        } finally {
            queue.drain(Duration.ofMinutes(1));
        }
    }
}
