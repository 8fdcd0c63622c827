package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.DocxSchema;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.PageImages;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What people type: rare characters, markup-looking text, line breaks and runs of spaces. All of it is only text. */
class UserTextTest {
    /** Real rare characters: Extension A (䶮 U+4DAE, 㙟 U+365F) and Extension B (𠀀 U+20000, 𪚥 U+2A6A5). */
    private static final String RARE = "刘䶮 㙟头村 𠀀 𪚥";
    private static final List<String> INJECTIONS = List.of("<script>alert(1)</script>", "</td></tr>", "${7*7}", "<#assign x=1>",
            "&nbsp;", "]]>", "<img src=\"http://127.0.0.1:1/x\">", "<w:p>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "&amp;");
    private static byte[] pdf;
    private static byte[] docx;

    private static byte[] document() {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-tracking"));
        ((ArrayNode) document.get("forms")).remove(1);
        ObjectNode form = (ObjectNode) document.at("/forms/0");
        form.put("projectName", "生僻字测试：" + RARE);
        form.put("reviewer", "刘䶮");
        form.put("preparer", "王𪚥");
        form.put("remarks", "第一行\n第二行\n\t缩进\n两个空格  之间，末尾两个空格  ≥ ≤ ± ① ℃ ㎡");
        ObjectNode indicator = (ObjectNode) document.at("/forms/0/indicators/0");
        indicator.put("name", String.join(" ", INJECTIONS));
        indicator.put("deviationReason", "㙟头村𠀀");
        return Json.MAPPER.writeValueAsBytes(document);
    }

    @BeforeAll
    static void render() {
        pdf = TestServer.render("performance-tracking", document(), OutputFormat.PDF).bytes();
        docx = TestServer.render("performance-tracking", document(), OutputFormat.DOCX).bytes();
    }

    @Test
    void rareCharactersAreDrawnFromTheBundledFonts() {
        String text = PdfDigest.text(pdf);
        for (String rare : List.of("䶮", "㙟", "𠀀", "𪚥")) {
            assertTrue(text.contains(rare), rare);
        }
        assertTrue(PdfDigest.fonts(pdf).stream().anyMatch(f -> f.contains("HanaMinB") && f.endsWith("embedded subset")),
                PdfDigest.fonts(pdf).toString());
        assertTrue(DocxDigest.text(docx).contains(RARE));
        // The page picture of the title shows the characters: pinned like the examples.
        PageImages.verify("rare", pdf);
    }

    @Test
    void unusedFallbackFontIsNotEmbedded() {
        byte[] plain = TestServer.render("performance-tracking", TestServer.example("performance-tracking"), OutputFormat.PDF).bytes();
        assertTrue(PdfDigest.fonts(plain).stream().noneMatch(f -> f.contains("HanaMinB")), PdfDigest.fonts(plain).toString());
    }

    @Test
    void markupInUserTextComesOutLiterally() {
        String pdfText = PdfDigest.text(pdf).replaceAll("\\s+", "");
        String docxText = DocxDigest.text(docx).replaceAll("\\s+", "");
        for (String injection : INJECTIONS) {
            assertTrue(pdfText.contains(injection.replaceAll("\\s+", "")), "PDF: " + injection);
            assertTrue(docxText.contains(injection.replaceAll("\\s+", "")), "DOCX: " + injection);
        }
        assertFalse(pdfText.contains("49"), "${7*7} was not evaluated");
        assertEquals(List.of(), DocxSchema.errors(docx));
    }

    @Test
    void lineBreaksTabsAndSpacesSurviveInBothFormats() {
        String digest = PdfDigest.textWithPositions(pdf);
        int first = lineOf(digest, "第一行");
        int second = lineOf(digest, "第二行");
        assertTrue(second > first, "第二行 below 第一行");
        String indented = digest.lines().filter(l -> l.contains("缩进")).findFirst().orElseThrow();
        boolean startsWithSpace = indented.matches("\\s*\\d+\\s+\\d+ \\s+缩进.*");
        assertTrue(startsWithSpace || x(digest, "缩进") > x(digest, "第二行") + 10, "the tab indents 缩进: " + indented);
        String xml = DocxDigest.part(docx, "word/document.xml");
        assertTrue(xml.contains("第一行</w:t></w:r><w:r>") && xml.contains("<w:br/>"), "line breaks are w:br");
        assertTrue(xml.contains("<w:tab/>"), "tabs are w:tab");
        assertTrue(xml.contains("两个空格  之间，末尾两个空格  ≥"), "runs of spaces kept");
    }

    private static int lineOf(String digest, String text) {
        return digest.lines().filter(l -> l.contains(text)).mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[1])).findFirst().orElseThrow();
    }

    private static int x(String digest, String text) {
        return digest.lines().filter(l -> l.contains(text)).mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[0])).findFirst().orElseThrow();
    }

    @Tag("office")
    @Test
    void docxWithRareCharactersPrintsThroughLibreOffice() {
        Office.assumeAvailable();
        String printed = PdfDigest.text(Office.toPdf(docx));
        assertTrue(printed.contains("生僻字测试"), printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "\uD83C\uDDE8\uD83C\uDDF3", "\uE000", "\u200B"})
    void undrawableCharactersAreNamedWithTheirCodePoints(String character) {
        byte[] body = JsonEdit.edit(TestServer.example("performance-tracking"), "/forms/0/preparer",
                Json.MAPPER.writeValueAsString("张" + character));
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/performance-tracking/render", body);
        JsonNode error = Json.MAPPER.readTree(response.body());
        assertEquals(422, response.statusCode(), error.toString());
        JsonNode detail = error.at("/error/details/0");
        assertEquals("/forms/0/preparer", detail.path("path").asString());
        String expected = String.format("U+%04X", character.codePointAt(0));
        assertTrue(detail.path("message").asString().contains(expected), detail.toString());
    }
}
