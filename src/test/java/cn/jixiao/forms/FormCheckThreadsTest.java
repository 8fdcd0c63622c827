package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** check-form, run in a long-lived JVM, leaves no render thread behind. */
@Isolated("counts the render threads of the whole JVM, which the services of tests beside it would start")
class FormCheckThreadsTest {
    private static final String ORIGINAL = "performance-self-evaluation";

    @Test
    void checkFormLeavesNoRenderThreadBehind(@TempDir Path dir) throws InterruptedException {
        long before = renderThreads();
        FormCheck.run(Path.of("templates", ORIGINAL), dir, TestServer.config(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        for (int i = 0; i < 100 && renderThreads() > before; i++) {
            Thread.sleep(50);
        }
        assertEquals(before, renderThreads(), "a thread left running keeps the fonts it rendered with");
    }

    private static long renderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("render-")).count();
    }
}
