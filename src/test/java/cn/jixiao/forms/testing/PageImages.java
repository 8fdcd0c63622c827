package cn.jixiao.forms.testing;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.writers.ImageApprovalWriter;

/**
 * Small pictures of PDF pages, approved like any other file but compared with a tolerance, since
 * rasterising differs by a few grey levels between JDKs. A page that moved fails, and leaves beside its
 * {@code .received.png} a {@code .difference.png}: unchanged pixels faint, changed ones red.
 */
public final class PageImages {
    public static final float DPI = 30;
    /** A pixel counts as changed beyond this many grey levels (of 255). */
    private static final int PIXEL_TOLERANCE = 64;
    /** A page counts as changed beyond this share of changed pixels. */
    private static final double PAGE_TOLERANCE = 0.002;

    private PageImages() {
    }

    public static List<BufferedImage> render(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Approves every page of a PDF as {@code <test>.<name>-page-N.approved.png}; reports the pages that moved. */
    public static void verify(String name, byte[] pdf) {
        List<BufferedImage> pages = render(pdf);
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String label = name + "-page-" + (i + 1);
            try {
                Approvals.verify(new ImageApprovalWriter(pages.get(i)),
                        new Options().withComparator(PageImages::compare).forFile().withAdditionalInformation(label));
            } catch (Throwable failure) {
                moved.add(label);
            }
        }
        if (!moved.isEmpty()) {
            throw new AssertionError("pages that moved (see .received.png and .difference.png beside the approved files): " + moved);
        }
    }

    static VerifyResult compare(File received, File approved) {
        if (!approved.exists()) {
            return VerifyResult.FAILURE;
        }
        try {
            BufferedImage a = ImageIO.read(received);
            BufferedImage b = ImageIO.read(approved);
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
                return VerifyResult.FAILURE;
            }
            BufferedImage difference = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
            long changed = 0;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    int ga = a.getRaster().getSample(x, y, 0);
                    int gb = b.getRaster().getSample(x, y, 0);
                    boolean differs = Math.abs(ga - gb) > PIXEL_TOLERANCE;
                    if (differs) {
                        changed++;
                        difference.setRGB(x, y, 0xFF0000);
                    } else {
                        int faint = 255 - (255 - gb) / 4;
                        difference.setRGB(x, y, (faint << 16) | (faint << 8) | faint);
                    }
                }
            }
            boolean same = changed <= PAGE_TOLERANCE * a.getWidth() * a.getHeight();
            File differenceFile = new File(received.getPath().replace(".received.png", ".difference.png"));
            if (same) {
                differenceFile.delete();
            } else {
                ImageIO.write(difference, "png", differenceFile);
            }
            return VerifyResult.from(same);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
