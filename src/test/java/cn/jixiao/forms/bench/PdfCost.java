package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.FormService.PdfExtras;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a change to the PDF path costs and whether it changes a byte. {@code hashes <file> [count]} writes the SHA-256 of
 * every form's example as a plain, PDF/A-3b and signable PDF and of 15 (or {@code [count]}) differing documents of each form, one a line,
 * to compare before and after; {@code cost <form> <renders> <warmup>} prints the median milliseconds (wall and
 * processor time of all threads, the latter less moved by a loaded machine) and bytes allocated per PDF of
 * differing documents, rendered in one warm process.
 * <p>
 * {@code java -cp target/classes:target/test-classes:<dependencies> cn.jixiao.forms.bench.PdfCost hashes before.txt}
 */
public final class PdfCost {

    public static void main(String[] args) throws Exception {
        App app = new App(Config.defaults());
        if (args[0].equals("hashes")) {
            Files.write(Path.of(args[1]), hashes(app, args.length > 2 ? Integer.parseInt(args[2]) : 15));
        } else {
            cost(app, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
        System.exit(0);
    }

    private static List<String> hashes(App app, int variedPerForm) throws Exception {
        List<String> lines = new ArrayList<>();
        PdfExtras[] extras = {PdfExtras.NONE, new PdfExtras(RenderOptions.Archive.PDFA_3B, false),
                new PdfExtras(RenderOptions.Archive.NONE, true)};
        for (RegisteredForm form : app.service().forms()) {
            if (form.example().isEmpty()) {
                continue;
            }
            for (PdfExtras extra : extras) {
                lines.add(line(form.id() + " example " + extra, app.service().render(form, form.example().get(), OutputFormat.PDF, extra).bytes()));
            }
            List<byte[]> varied = new VariedDocuments(form, app.service().forms()).documents(0, variedPerForm);
            for (int i = 0; i < varied.size(); i++) {
                lines.add(line(form.id() + " varied " + i, app.service().render(form, varied.get(i), OutputFormat.PDF).bytes()));
            }
        }
        return lines;
    }

    private static String line(String name, byte[] pdf) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)) + "  " + name;
    }

    private static void cost(App app, String formId, int renders, int warmup) {
        RegisteredForm form = app.service().forms().stream().filter(f -> f.id().equals(formId)).findFirst().orElseThrow();
        List<byte[]> varied = new VariedDocuments(form, app.service().forms()).documents(1000, renders + warmup);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            app.service().render(form, varied.get(renders + i), OutputFormat.PDF);
        }
        long[] nanos = new long[renders];
        long[] processor = new long[renders];
        long[] bytes = new long[renders];
        for (int i = 0; i < renders; i++) {
            long before = allocated(threads);
            long processorBefore = processorTime(threads);
            long start = System.nanoTime();
            app.service().render(form, varied.get(i), OutputFormat.PDF);
            nanos[i] = System.nanoTime() - start;
            processor[i] = processorTime(threads) - processorBefore;
            bytes[i] = allocated(threads) - before;
        }
        Arrays.sort(nanos);
        Arrays.sort(processor);
        Arrays.sort(bytes);
        System.out.printf(Locale.ROOT, "%s: %d varied PDFs after %d, median %.1f ms wall, %.1f ms processor, %.2f MB allocated%n",
                formId, renders, warmup, nanos[renders / 2] / 1e6, processor[renders / 2] / 1e6, bytes[renders / 2] / 1024.0 / 1024);
    }

    /** Processor time so far of every live thread. */
    private static long processorTime(ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    /** Bytes allocated so far by every live thread: a render runs on a thread of the render queue. */
    private static long allocated(ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
