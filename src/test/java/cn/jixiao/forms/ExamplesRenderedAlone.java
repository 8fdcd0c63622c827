package cn.jixiao.forms;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ExamplesRenderedAlone DIR}: every example as {@code <form-id>.<format>}, rendered by a process of its own
 * that renders nothing before — the DOCX first, as a service's first request might — for {@link
 * SameBytesInAnotherProcessTest} to compare.
 */
public final class ExamplesRenderedAlone {
    static final List<OutputFormat> ORDER = List.of(OutputFormat.DOCX, OutputFormat.PDF, OutputFormat.XLSX);

    private ExamplesRenderedAlone() {
    }

    public static void main(String[] args) throws IOException {
        FormService service = new App(TestServer.config()).service();
        Path directory = Path.of(args[0]);
        for (OutputFormat format : ORDER) {
            for (RegisteredForm form : service.forms()) {
                byte[] example = form.example().orElseThrow();
                Files.write(directory.resolve(form.id() + "." + format.extension()), service.render(form, example, format).bytes());
            }
        }
        // the service's threads would keep the process alive
        System.exit(0);
    }
}
