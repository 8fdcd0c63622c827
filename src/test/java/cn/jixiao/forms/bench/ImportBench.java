package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code /import?format=pdf} of each example's own workbook, one request after another against a service in this
 * process: the median time of {@code bench.imports} requests (default 50) after {@code bench.warmup} (default 200)
 * of each, the processor time the process spent and the bytes every thread allocated, per request. Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath) cn.jixiao.forms.bench.ImportBench}.
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int imports = Integer.getInteger("bench.imports", 50);
        int warmup = Integer.getInteger("bench.warmup", 200);
        App app = new App(Config.defaults()).start(0);
        HttpClient client = HttpClient.newHttpClient();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("| example | workbook | median ms | CPU ms per request | allocated per request |");
        System.out.println("|---|---|---|---|---|");
        for (RegisteredForm form : app.service().forms()) {
            if (form.example().isEmpty()) {
                continue;
            }
            byte[] workbook = app.service().render(form, form.example().get(), OutputFormat.XLSX).bytes();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/forms/" + form.id()
                            + "/import?format=pdf"))
                    .header("Content-Type", OutputFormat.XLSX.mediaType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build();
            for (int i = 0; i < warmup; i++) {
                send(client, request);
            }
            long[] nanos = new long[imports];
            long cpuBefore = os.getProcessCpuTime();
            long allocatedBefore = allocated(threads);
            for (int i = 0; i < imports; i++) {
                long start = System.nanoTime();
                send(client, request);
                nanos[i] = System.nanoTime() - start;
            }
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long allocated = allocated(threads) - allocatedBefore;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "| %s | %d KB | %.1f | %.1f | %.1f MB |%n", form.id(), workbook.length / 1024,
                    nanos[imports / 2] / 1e6, cpu / 1e6 / imports, allocated / 1024.0 / 1024 / imports);
        }
        app.stop();
        System.exit(0);
    }

    /** Bytes allocated so far by every live thread: the service's, its render thread's and the client's. */
    private static long allocated(ThreadMXBean threads) {
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    private static void send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
