package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import cn.jixiao.forms.render.pdf.direct.DirectPdfRenderer;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * The tracking PDF by openhtmltopdf and by the direct layout, in one warm process, on documents that differ in their
 * text: milliseconds per PDF (wall, and the thread's processor time, which a loaded machine disturbs less) and
 * bytes allocated by the rendering thread, from parsed XHTML to the file's bytes.
 * {@code java -cp … cn.jixiao.forms.bench.DirectWriterBench [documents] [warm-up renders]}.
 */
public final class DirectWriterBench {
    private static final String FORM = "performance-tracking";

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        FormService service = new App(Config.defaults()).service();
        RegisteredForm form = service.form(FORM);
        List<String> markups = new ArrayList<>();
        for (byte[] document : new VariedDocuments(form, service.forms()).documents(0, count)) {
            markups.add(service.markup(form, document));
        }
        FontLibrary fonts = FontLibrary.bundled();
        RenderBudget budget = new RenderBudget(1000, 64 * 1024 * 1024);
        PdfRenderer html = new PdfRenderer(fonts, budget);
        DirectPdfRenderer direct = new DirectPdfRenderer(fonts, budget, html);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf("machine: %d processors, Java %s; %d varied documents, %d renders each to warm up%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), markups.size(), warmup);
        System.out.println("| writer | median ms | p90 ms | p99 ms | median processor ms | allocated per PDF | mean size |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int round = 0; round < 2; round++) {
            measure("openhtmltopdf", html, markups, warmup, threads, round == 1);
            measure("direct", direct, markups, warmup, threads, round == 1);
        }
        System.exit(0);
    }

    private static void measure(String name, Renderer renderer, List<String> markups, int warmup, ThreadMXBean threads, boolean print) {
        RenderOptions options = RenderOptions.titled("项目支出绩效跟踪表");
        for (int i = 0; i < warmup; i++) {
            renderer.render(Xhtml.parse(markups.get(i % markups.size()), FORM), options);
        }
        long[] nanos = new long[markups.size()];
        long[] cpu = new long[markups.size()];
        long allocated = 0;
        long bytes = 0;
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < markups.size(); i++) {
            Document xhtml = Xhtml.parse(markups.get(i), FORM);
            long before = threads.getThreadAllocatedBytes(thread);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            bytes += renderer.render(xhtml, options).bytes().length;
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            allocated += threads.getThreadAllocatedBytes(thread) - before;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        if (print) {
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f MB | %d KB |%n", name, nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.9)] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, cpu[cpu.length / 2] / 1e6,
                    allocated / (double) nanos.length / 1024 / 1024, bytes / nanos.length / 1024);
        }
    }
}
