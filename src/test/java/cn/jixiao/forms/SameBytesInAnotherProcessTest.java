package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same document gives the same bytes in another process: every example in every format, rendered here and by
 * a fresh JVM on the tests' class path ({@link ExamplesRenderedAlone}) that renders a DOCX before anything else,
 * where this one rendered every example in every format first (the service's warm-up).
 */
@Tag("process")
class SameBytesInAnotherProcessTest {

    @Test
    void everyExampleInEveryFormatHasTheSameBytesInAFreshJvm(@TempDir Path directory) throws Exception {
        FormService service = TestServer.app().service();
        List<String> here = new ArrayList<>();
        for (OutputFormat format : ExamplesRenderedAlone.ORDER) {
            for (RegisteredForm form : service.forms()) {
                here.add(digest(form.id(), format, service.render(form, form.example().orElseThrow(), format).bytes()));
            }
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), ExamplesRenderedAlone.class.getName(),
                directory.toString()).redirectErrorStream(true).redirectOutput(directory.resolve("log.txt").toFile()).start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
        }
        assertEquals(0, child.exitValue(), () -> read(directory.resolve("log.txt")));
        List<String> there = new ArrayList<>();
        for (String line : here) {
            String file = line.substring(0, line.indexOf(' '));
            there.add(digest(file, Files.readAllBytes(directory.resolve(file))));
        }
        assertEquals(String.join("\n", here), String.join("\n", there));
    }

    private static String digest(String formId, OutputFormat format, byte[] bytes) throws Exception {
        return digest(formId + "." + format.extension(), bytes);
    }

    private static String digest(String file, byte[] bytes) throws Exception {
        return file + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
