package cn.jixiao.forms.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.PdfA;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Archival PDF: every example, at PDF/A-2b and 3b, passes veraPDF; the data travels inside the 3b file. */
class ArchivalPdfTest {

    static Stream<Arguments> formsAndLevels() {
        return TestServer.app().service().forms().stream().map(RegisteredForm::id)
                .flatMap(id -> Stream.of(Arguments.of(id, "2b"), Arguments.of(id, "3b")));
    }

    /** Each example at each level rendered once for all the tests that read it: the same request gives the same bytes. */
    private static final Map<String, byte[]> ARCHIVAL = new ConcurrentHashMap<>();

    private static byte[] archival(String formId, String level) {
        return ARCHIVAL.computeIfAbsent(formId + "/" + level, key -> render(formId, "pdfa=" + level));
    }

    private static byte[] render(String formId, String query) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/render?format=pdf&" + query,
                TestServer.example(formId));
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    @ParameterizedTest(name = "{0} PDF/A-{1}")
    @MethodSource("formsAndLevels")
    void everyExamplePassesVeraPdf(String formId, String level) {
        assertEquals(List.of(), PdfA.failedRules(archival(formId, level), level));
    }

    @ParameterizedTest(name = "{0} PDF/A-{1}")
    @MethodSource("formsAndLevels")
    void theXmpSaysWhatTheDocumentInformationSays(String formId, String level) throws Exception {
        try (PDDocument document = Loader.loadPDF(archival(formId, level))) {
            XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().exportXMPMetadata());
            assertEquals(document.getDocumentInformation().getTitle(), xmp.getDublinCoreSchema().getTitle());
            String formTitle = TestServer.app().service().form(formId).title();
            String title = document.getDocumentInformation().getTitle();
            assertTrue(title.equals(formTitle) || title.endsWith("-" + formTitle), title + " names the form " + formTitle);
            assertEquals(Integer.valueOf(level.substring(0, 1)), xmp.getPDFAIdentificationSchema().getPart());
            assertEquals(document.getDocumentInformation().getProducer(), xmp.getAdobePDFSchema().getProducer());
            assertEquals(document.getDocumentInformation().getCreationDate().toInstant(), xmp.getXMPBasicSchema().getCreateDate().toInstant());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.jixiao.forms.form.RenderingContractTest#forms")
    void theThreeBFileCarriesTheRequestAsItsSource(String formId) throws IOException {
        try (PDDocument document = Loader.loadPDF(archival(formId, "3b"))) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            PDComplexFileSpecification source = names.getEmbeddedFiles().getNames().get("document.json");
            assertEquals("Source", source.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
            assertEquals("application/json", source.getEmbeddedFile().getSubtype());
            COSArray associated = (COSArray) document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            assertEquals(1, associated.size());
            JsonNode attached = Json.MAPPER.readTree(source.getEmbeddedFile().toByteArray());
            assertEquals(Json.MAPPER.readTree(TestServer.example(formId)), attached, "the same JSON, read back");
        }
    }

    @Test
    void theTwoBFileCarriesNoAttachmentAndAPlainFileNoXmp() throws IOException {
        try (PDDocument document = Loader.loadPDF(render("performance-tracking", "pdfa=2b"))) {
            assertNull(document.getDocumentCatalog().getNames());
        }
        try (PDDocument document = Loader.loadPDF(render("performance-tracking", "format=pdf"))) {
            assertNull(document.getDocumentCatalog().getMetadata());
            assertEquals("上海市闵行区肿瘤医院-项目支出绩效跟踪表", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void sameRequestSameBytesForArchivalFilesToo() {
        assertArrayEquals(render("performance-target", "pdfa=3b"), render("performance-target", "pdfa=3b"));
        assertArrayEquals(render("performance-tracking", "pdfa=2b&signatureFields=true"),
                render("performance-tracking", "pdfa=2b&signatureFields=true"));
    }
}
