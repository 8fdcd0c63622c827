package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render-examples DIR}: every example as XHTML, PDF, DOCX, XLSX and page pictures, each file named as written. */
class ExampleRendererTest {

    @Test
    void renderExamplesWritesBothFormatsAndPagePictures(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExampleRenderer.renderAll(TestServer.app().service(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String named = printed.toString(StandardCharsets.UTF_8);
        for (RegisteredForm form : TestServer.app().service().forms()) {
            for (String file : new String[]{".xhtml", ".pdf", ".docx", "-page-1.png"}) {
                assertTrue(Files.size(dir.resolve(form.id() + file)) > 1000, form.id() + file);
                assertTrue(named.contains(dir.resolve(form.id() + file).toString()), named);
            }
        }
        assertTrue(Files.readString(dir.resolve("performance-target.xhtml")).contains("<thead>"));
    }
}
