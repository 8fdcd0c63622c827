package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code /page}: one page of the PDF as a picture, bounded in page and size, refusing what is out of range by name. */
class PageRouteTest {
    private static final String TARGET = "/api/v1/forms/performance-target/page";

    private static HttpResponse<byte[]> page(String query) {
        return TestServer.post(TARGET + query, TestServer.example("performance-target"));
    }

    private static BufferedImage picture(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    @Test
    void theFirstPageAt1200PixelsByDefaultWithThePageCountAndWarnings() throws IOException {
        HttpResponse<byte[]> response = page("");
        BufferedImage image = picture(response);
        assertEquals(1200, image.getWidth());
        assertTrue(image.getHeight() > 800 && image.getHeight() < 900, "A4 landscape: " + image.getHeight());
        int pages = Integer.parseInt(response.headers().firstValue("X-Page-Count").orElseThrow());
        HttpResponse<byte[]> pdf = TestServer.post("/api/v1/forms/performance-target/render", TestServer.example("performance-target"));
        assertEquals(pdf.headers().firstValue("X-Warning-Count"), response.headers().firstValue("X-Warning-Count"));
        assertEquals(Loader.loadPDF(pdf.body()).getNumberOfPages(), pages);
    }

    @Test
    void thePageEachProjectStartsOnIsSaidByTheOutline() throws IOException {
        HttpResponse<byte[]> response = page("?page=2&width=400");
        JsonNode sections = Json.MAPPER.readTree(response.headers().firstValue("X-Page-Sections").orElseThrow());
        assertEquals("[1]", sections.path("/units").toString());
        JsonNode projects = sections.path("/units/0/projects");
        assertEquals(30, projects.size(), sections.toString());
        byte[] example = TestServer.example("performance-target");
        JsonNode document = Json.MAPPER.readTree(example);
        try (PDDocument pdf = Loader.loadPDF(TestServer.post("/api/v1/forms/performance-target/render", example).body())) {
            PDFTextStripper text = new PDFTextStripper();
            for (int i = 0; i < 30; i += 7) {
                int at = projects.get(i).asInt();
                text.setStartPage(at);
                text.setEndPage(at);
                String name = document.at("/units/0/projects/" + i + "/name").asString();
                assertTrue(text.getText(pdf).replaceAll("\\s", "").contains(name.substring(0, Math.min(8, name.length()))),
                        "project " + (i + 1) + " 「" + name + "」 on page " + at);
            }
            assertTrue(projects.get(29).asInt() > projects.get(0).asInt() && projects.get(29).asInt() <= pdf.getNumberOfPages());
        }
        assertEquals("{\"/forms\":[1,2]}", TestServer.post("/api/v1/forms/performance-tracking/page?width=400",
                TestServer.example("performance-tracking")).headers().firstValue("X-Page-Sections").orElseThrow());
    }

    @Test
    void anotherPageAtAnotherWidth() throws IOException {
        BufferedImage image = picture(page("?page=3&width=400"));
        assertEquals(400, image.getWidth());
        BufferedImage portrait = picture(TestServer.post("/api/v1/forms/performance-tracking/page?width=2000",
                TestServer.example("performance-tracking")));
        assertTrue(portrait.getWidth() * portrait.getHeight() <= 2000 * 2900, "bounded: " + portrait.getWidth() + "×" + portrait.getHeight());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "?page=0, page",
            "?page=-1, page",
            "?page=abc, page",
            "?page=99999999999, page",
            "?page=99, page",
            "?width=199, width",
            "?width=2001, width",
            "?width=1e3, width",
            "?width=, width"})
    void outOfRangeIsRefusedNamingTheParameter(String query, String parameter) {
        HttpResponse<byte[]> response = page(query);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(400, response.statusCode(), body.toString());
        assertEquals("bad_request", body.at("/error/code").asString());
        assertEquals(parameter, body.at("/error/details/0/path").asString(), body.toString());
    }

    @Test
    void aRefusalBeforeTheBodyIsReadStillReachesTheClient() {
        // Refused on its parameter before the body is read: the server reads the body to its end first, or a
        // connection closed on unread bytes is reset and the answer can be lost (an IOException here).
        byte[] large = new byte[512 * 1024];
        Arrays.fill(large, (byte) ' ');
        for (int i = 0; i < 30; i++) {
            HttpResponse<byte[]> early = TestServer.post(TARGET + "?width=" + (i % 2 == 0 ? "1" : ""), large);
            assertEquals(400, early.statusCode());
            assertEquals(200, TestServer.get("/healthz").statusCode());
        }
    }

    @Test
    void aBrokenDocumentIsRefusedAsForARender() {
        byte[] broken = JsonEdit.edit(TestServer.example("performance-target"), "/organization", JsonEdit.REMOVE);
        HttpResponse<byte[]> response = TestServer.post(TARGET, broken);
        assertEquals(422, response.statusCode());
        assertEquals(404, TestServer.post("/api/v1/forms/nope/page", broken).statusCode());
    }
}
