package cn.jixiao.forms.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.testing.PdfA;
import cn.jixiao.forms.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Empty signature fields, named for a signing tool, exactly where the tracking form's signature lines are. */
class SignatureFieldsTest {
    private static final String RENDER = "/api/v1/forms/performance-tracking/render?format=pdf";

    private static byte[] render(String query) {
        HttpResponse<byte[]> response = TestServer.post(RENDER + query, TestServer.example("performance-tracking"));
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Where a label ends on its page: the right edge of its last character and its baseline, in PDF points from the bottom. */
    private record LabelEnd(int page, float x, float baseline) {
    }

    private static List<LabelEnd> labelEnds(PDDocument document, String label) throws IOException {
        List<LabelEnd> ends = new ArrayList<>();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            float height = document.getPage(page - 1).getMediaBox().getHeight();
            int pageIndex = page - 1;
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    int at = text.indexOf(label);
                    if (at >= 0) {
                        TextPosition last = positions.get(at + label.length() - 1);
                        ends.add(new LabelEnd(pageIndex, last.getXDirAdj() + last.getWidthDirAdj(), height - last.getYDirAdj()));
                    }
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.writeText(document, new StringWriter());
        }
        return ends;
    }

    @Test
    void eachSignatureLineGetsAFieldRightAfterItsLabelOverBlankPaper() throws IOException {
        try (PDDocument document = Loader.loadPDF(render("&signatureFields=true"))) {
            Map<String, PDAnnotationWidget> widgets = new LinkedHashMap<>();
            for (PDField field : document.getDocumentCatalog().getAcroForm().getFields()) {
                assertTrue(field instanceof PDSignatureField, field.getFullyQualifiedName());
                widgets.put(field.getFullyQualifiedName(), field.getWidgets().get(0));
            }
            assertEquals(List.of("reviewer-0", "preparer-0", "reviewer-1", "preparer-1"), List.copyOf(widgets.keySet()));
            PDFRenderer pictures = new PDFRenderer(document);
            for (String[] line : new String[][]{{"reviewer", "负责人(审核人)："}, {"preparer", "填表人："}}) {
                List<LabelEnd> ends = labelEnds(document, line[1]);
                assertEquals(2, ends.size(), "one " + line[1] + " per form");
                for (int form = 0; form < 2; form++) {
                    PDAnnotationWidget widget = widgets.get(line[0] + "-" + form);
                    LabelEnd end = ends.get(form);
                    PDRectangle box = widget.getRectangle();
                    assertEquals(end.page(), document.getPages().indexOf(widget.getPage()), "on the page of its line");
                    assertTrue(widget.getPage().getAnnotations().contains(widget));
                    assertTrue(Math.abs(box.getLowerLeftX() - end.x()) < 2, "starts where " + line[1] + " ends: " + box + " / " + end);
                    assertTrue(box.getLowerLeftY() <= end.baseline() + 1 && box.getUpperRightY() >= end.baseline() + 5,
                            "spans the line " + box + " / " + end);
                    assertTrue(box.getWidth() > 150 && box.getHeight() > 12, "room to sign: " + box);
                    assertTrue(widget.isPrinted());
                    BufferedImage page = pictures.renderImageWithDPI(end.page(), 72, ImageType.GRAY);
                    assertTrue(blank(page, box), "nothing printed where " + line[0] + "-" + form + " is signed");
                }
            }
        }
    }

    /** Every pixel inside the box, a point in from its edges, is paper. */
    private static boolean blank(BufferedImage page, PDRectangle box) {
        int top = Math.round(page.getHeight() - box.getUpperRightY()) + 1;
        int bottom = Math.round(page.getHeight() - box.getLowerLeftY()) - 1;
        for (int y = top; y < bottom; y++) {
            for (int x = Math.round(box.getLowerLeftX()) + 1; x < Math.round(box.getUpperRightX()) - 1; x++) {
                if (page.getRaster().getSample(x, y, 0) < 200) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void withoutTheParameterThereAreNoFields() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(""))) {
            assertNull(document.getDocumentCatalog().getAcroForm());
        }
    }

    @Test
    void signatureFieldsKeepAnArchivalFileConforming() {
        assertEquals(List.of(), PdfA.failedRules(render("&signatureFields=true&pdfa=2b"), "2b"));
        assertEquals(List.of(), PdfA.failedRules(render("&signatureFields=true&pdfa=3b"), "3b"));
    }

    @Test
    void badValuesOfTheParametersAre400() {
        for (String query : List.of("&signatureFields=yes", "&pdfa=1a", "&pdfa=", "&pdfa=3b&format=docx", "&signatureFields=true&format=docx")) {
            HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/render?" + query.substring(1)
                    + (query.contains("format=") ? "" : "&format=pdf"), TestServer.example("performance-tracking"));
            assertEquals(400, response.statusCode(), query);
            assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("unsupported_format"), query);
        }
    }
}
