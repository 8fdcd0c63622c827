package cn.jixiao.forms.render.pdf;

import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Empty signature fields where a template marks a place to sign ({@code <span class="sign" id="sign-reviewer-0">}):
 * each field takes the box the layout gave the mark, on its page, and the name after {@code sign-}
 * ({@code reviewer-0}), so that a signing tool finds it by name. Printable, with an empty appearance, as PDF/A
 * wants of every widget.
 */
final class SignatureFields {
    static final String ID_PREFIX = "sign-";
    private static final Pattern MARKS = Pattern.compile(Pattern.quote(ID_PREFIX) + ".+");

    private SignatureFields() {
    }

    static void add(PDDocument document, PdfBoxRenderer renderer) throws IOException {
        List<PagePosition<Box>> marks = renderer.findPagePositionsByID(MARKS);
        if (marks.isEmpty()) {
            return;
        }
        PDAcroForm form = new PDAcroForm(document);
        document.getDocumentCatalog().setAcroForm(form);
        for (PagePosition<Box> mark : marks) {
            PDPage page = document.getPage(mark.getPageNo());
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName(mark.getId().substring(ID_PREFIX.length()));
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(mark.getX(), mark.getY(), mark.getWidth(), mark.getHeight()));
            widget.setPage(page);
            widget.setPrinted(true);
            PDAppearanceStream empty = new PDAppearanceStream(document);
            empty.setBBox(new PDRectangle(mark.getWidth(), mark.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.setNormalAppearance(empty);
            widget.setAppearance(appearance);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
        }
    }
}
