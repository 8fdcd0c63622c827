package cn.jixiao.forms.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document is checked once however many files are made of it: a single render, a workbook imported or rendered
 * straight away, each item of a batch in every format.
 */
@Isolated("counts the checks of the shared service's forms, which tests beside it add to")
class CheckedOnceTest {
    private static final String TRACKING = "performance-tracking";

    private static RegisteredForm form(String id) {
        return TestServer.app().service().form(id);
    }

    /** How many documents of {@code id} the request checked; it must succeed. */
    private static long checksOf(String id, Supplier<HttpResponse<byte[]>> request) {
        return counted(id, RegisteredForm::checks, request);
    }

    /** How many views of {@code id} the request made for the template (each a document's XHTML); it must succeed. */
    private static long viewsOf(String id, Supplier<HttpResponse<byte[]>> request) {
        return counted(id, RegisteredForm::views, request);
    }

    private static long counted(String id, ToLongFunction<RegisteredForm> count, Supplier<HttpResponse<byte[]>> request) {
        long before = count.applyAsLong(form(id));
        HttpResponse<byte[]> response = request.get();
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return count.applyAsLong(form(id)) - before;
    }

    @Test
    void aSingleRenderChecksItsDocumentOnceInEveryFormat() {
        for (String format : new String[]{"pdf", "docx", "xlsx"}) {
            assertEquals(1, checksOf(TRACKING, () -> TestServer.post("/api/v1/forms/" + TRACKING + "/render?format=" + format,
                    TestServer.example(TRACKING))), format);
        }
    }

    @Test
    void aValidationAndAPagePictureCheckTheirBodyOnce() {
        for (String endpoint : new String[]{"/validate", "/page?page=1"}) {
            assertEquals(1, checksOf(TRACKING, () -> TestServer.post("/api/v1/forms/" + TRACKING + endpoint,
                    TestServer.example(TRACKING))), endpoint);
        }
    }

    @Test
    void aWorkbookIsCheckedOnceWhetherImportedOrRenderedStraightAway() {
        byte[] workbook = TestServer.render(TRACKING, TestServer.example(TRACKING), OutputFormat.XLSX).bytes();
        for (String query : new String[]{"", "?format=pdf", "?format=docx", "?format=xlsx", "?anyForm=true&format=pdf"}) {
            assertEquals(1, checksOf(TRACKING, () -> TestServer.post("/api/v1/forms/" + TRACKING + "/import" + query, workbook,
                    "Content-Type", OutputFormat.XLSX.mediaType())), query);
        }
    }

    /** The XHTML of a document is made once, however many files and estimates read it. */
    @Test
    void eachItemsXhtmlIsMadeOnceForItsEstimateAndEveryFormat() {
        byte[] two = BatchTest.batch(TRACKING, TRACKING);
        assertEquals(2, viewsOf(TRACKING, () -> TestServer.post("/api/v1/batch?format=pdf", two)), "bound, pages estimated first");
        assertEquals(2, viewsOf(TRACKING, () -> TestServer.post("/api/v1/batch?format=zip", two)), "a PDF and a DOCX of each");
        assertEquals(1, viewsOf(TRACKING, () -> TestServer.post("/api/v1/forms/" + TRACKING + "/render?format=pdf",
                TestServer.example(TRACKING))), "a single render");
    }

    @Test
    void aZipOfPdfAndDocxChecksEachItemOnce() {
        byte[] three = BatchTest.batch(TRACKING, TRACKING, TRACKING);
        assertEquals(3, checksOf(TRACKING, () -> TestServer.post("/api/v1/batch?format=zip", three)));
        assertEquals(3, checksOf(TRACKING, () -> TestServer.post("/api/v1/batch?format=zip&include=xlsx", three)));
    }

    @Test
    void aBoundPdfChecksEachItemOnceThoughItsPagesAreEstimatedFirst() {
        assertEquals(2, checksOf(TRACKING, () -> TestServer.post("/api/v1/batch?format=pdf", BatchTest.batch(TRACKING, TRACKING))));
    }

    @Test
    void anItemMadeFromAnotherFormsDocumentIsCheckedOnceAsEach() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode item = root.putArray("items").addObject().put("form", "performance-monitoring").put("from", "performance-target");
        item.set("document", Json.MAPPER.readTree(TestServer.example("performance-target")));
        item.set("fill", Json.MAPPER.createObjectNode().put("year", 2025).put("months", 6));
        byte[] body = Json.MAPPER.writeValueAsBytes(root);
        long target = form("performance-target").checks();
        assertEquals(1, checksOf("performance-monitoring", () -> TestServer.post("/api/v1/batch?format=zip", body)));
        assertEquals(1, form("performance-target").checks() - target, "the document it is made from");
    }
}
