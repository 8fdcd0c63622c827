package cn.jixiao.forms.render.pdf.direct;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/** Writes laid-out pages into a PDFBox document: rules first, then text, one font switch per change of face. */
final class PageWriter {
    private PageWriter() {
    }

    static void write(PDDocument document, EmbeddedFonts fonts, Iterable<PageContent> pages, float width, float height) throws IOException {
        PDResources resources = new PDResources();
        resources.getCOSObject().setItem(COSName.FONT, fonts.embed(document));
        for (PageContent content : pages) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            page.setResources(resources);
            document.addPage(page);
            PageOperators stream = new PageOperators();
            float lineWidth = -1;
            for (PageContent.Rule rule : content.rules) {
                if (rule.border().width() != lineWidth) {
                    lineWidth = (float) rule.border().width();
                    stream.lineWidth(lineWidth);
                }
                stream.moveTo(rule.x1(), height - rule.y1());
                stream.lineTo(rule.x2(), height - rule.y2());
            }
            if (!content.rules.isEmpty()) {
                stream.stroke();
            }
            stream.beginText();
            PageContent.Run last = null;
            float x = 0;
            float y = 0;
            for (PageContent.Run run : content.runs) {
                if (last == null || run.face() != last.face() || run.size() != last.size()) {
                    stream.font(fonts.resource(run.face()), run.size());
                }
                last = run;
                stream.offset(run.x() - x, (height - run.baseline()) - y);
                x = run.x();
                y = height - run.baseline();
                stream.show(fonts.codes(run.face(), run.text()));
            }
            stream.endText();
            page.setContents(new PDStream(EmbeddedFonts.stream(document, stream.bytes())));
        }
    }
}
