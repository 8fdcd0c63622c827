package cn.jixiao.forms.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What a reviewer can read of a PDF: every piece of text with its page and position, rounded to 1 pt. */
public final class PdfDigest {
    private PdfDigest() {
    }

    public static String textWithPositions(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StringBuilder out = new StringBuilder();
            out.append("pages: ").append(document.getNumberOfPages()).append('\n');
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDPage pdPage = document.getPage(page - 1);
                out.append(String.format(Locale.ROOT, "%n== page %d (%.0f x %.0f pt)%n", page,
                        pdPage.getMediaBox().getWidth(), pdPage.getMediaBox().getHeight()));
                List<String> lines = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        TextPosition first = positions.get(0);
                        lines.add(String.format(Locale.ROOT, "%4.0f %4.0f %s", first.getXDirAdj(), first.getYDirAdj(), text));
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.writeText(document, new StringWriter());
                lines.forEach(line -> out.append(line).append('\n'));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of each page, in the order it is drawn (a cell's wrapped lines stay together). */
    public static List<String> pageTexts(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All text, for looking things up. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font used on every page: name, whether embedded, whether a subset (ABCDEF+ prefix). */
    public static List<String> fonts(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    String entry = font.getName() + (font.isEmbedded() ? " embedded" : " NOT-EMBEDDED")
                            + (font.getName().matches("[A-Z]{6}\\+.*") ? " subset" : " NOT-SUBSET");
                    if (!fonts.contains(entry)) {
                        fonts.add(entry);
                    }
                }
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
