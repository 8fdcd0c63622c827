package cn.jixiao.forms.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * One page of a rendered PDF as a PNG, for a preview in a browser that draws no PDF itself (a headless one,
 * or one whose viewer is switched off). Grey, since the forms are black on white: a third of the bytes of
 * colour, and as quick to encode. The picture is at most {@link #MAX_WIDTH} pixels wide and
 * {@link #MAX_PIXELS} in all, whatever the page size, so that one request cannot ask for a poster.
 *
 * @param png     the picture
 * @param pages   how many pages the file has, so that a client knows what else it may ask for
 * @param outline the entries of the file's outline with the page each leads to, so that a client can show an item's page
 */
public record PagePicture(byte[] png, int pages, List<OutlinePage> outline) {
    public static final int MIN_WIDTH = 200;
    public static final int MAX_WIDTH = 2000;
    public static final int MAX_PIXELS = 2000 * 2900;

    /** The {@code page}-th page (from 1) of {@code pdf}, {@code width} pixels wide; null when it has fewer pages. */
    public static PagePicture of(byte[] pdf, int page, int width) {
        if (width < MIN_WIDTH || width > MAX_WIDTH || page < 1) {
            throw new IllegalArgumentException("width " + width + ", page " + page);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            List<OutlinePage> outline = OutlinePage.of(document);
            if (page > pages) {
                return new PagePicture(null, pages, outline);
            }
            PDRectangle box = document.getPage(page - 1).getCropBox();
            float scale = Math.min(width / box.getWidth(), (float) Math.sqrt(MAX_PIXELS / (box.getWidth() * box.getHeight())));
            BufferedImage image = new PDFRenderer(document).renderImage(page - 1, scale, ImageType.GRAY);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new PagePicture(png.toByteArray(), pages, outline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists() {
        return png != null;
    }
}
