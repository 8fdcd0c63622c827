package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.pdf.DocumentFonts;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Writes laid-out pages into a PDFBox document: rules first, then text, one font switch per change of face. */
final class PageWriter {
    private PageWriter() {
    }

    static void write(PDDocument document, DocumentFonts fonts, Iterable<PageContent> pages, float width, float height) throws IOException {
        for (PageContent content : pages) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                float lineWidth = -1;
                for (PageContent.Rule rule : content.rules) {
                    if (rule.border().width() != lineWidth) {
                        lineWidth = (float) rule.border().width();
                        stream.setLineWidth(lineWidth);
                    }
                    stream.moveTo(rule.x1(), height - rule.y1());
                    stream.lineTo(rule.x2(), height - rule.y2());
                }
                if (!content.rules.isEmpty()) {
                    stream.stroke();
                }
                stream.beginText();
                FontLibrary.Face face = null;
                float size = 0;
                float x = 0;
                float y = 0;
                for (PageContent.Run run : content.runs) {
                    if (run.face() != face || run.size() != size) {
                        face = run.face();
                        size = run.size();
                        PDFont font = fonts.font(face);
                        stream.setFont(font, size);
                    }
                    stream.newLineAtOffset(run.x() - x, (height - run.baseline()) - y);
                    x = run.x();
                    y = height - run.baseline();
                    stream.showText(run.text());
                }
                stream.endText();
            }
        }
    }
}
