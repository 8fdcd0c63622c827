package cn.jixiao.forms;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * {@code render-examples DIR}: every example to the XHTML its template makes, PDF, DOCX and page
 * pictures, so that a template maintainer sees a change in both formats at once.
 */
final class ExampleRenderer {
    private static final float DPI = 60;

    private ExampleRenderer() {
    }

    /** Writes every example's files into {@code directory}, naming each on {@code out}. */
    static void renderAll(FormService service, Path directory, PrintStream out) {
        try {
            Files.createDirectories(directory);
            for (RegisteredForm form : service.forms()) {
                if (form.example().isEmpty()) {
                    out.println(form.id() + ": no example (templates/" + form.id() + "/example.json)");
                    continue;
                }
                byte[] example = form.example().get();
                Path markup = directory.resolve(form.id() + ".xhtml");
                Files.writeString(markup, service.markup(form, example));
                out.println(markup);
                for (OutputFormat format : OutputFormat.values()) {
                    byte[] bytes = service.render(form, example, format).bytes();
                    Path file = directory.resolve(form.id() + "." + format.extension());
                    Files.write(file, bytes);
                    out.println(file);
                    if (format == OutputFormat.PDF) {
                        pictures(bytes, directory, form.id(), out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pictures(byte[] pdf, Path directory, String name, PrintStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.RGB);
                Path file = directory.resolve(name + "-page-" + (page + 1) + ".png");
                ImageIO.write(image, "png", file.toFile());
                out.println(file);
            }
        }
    }
}
