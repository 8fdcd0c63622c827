package cn.jixiao.forms.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.PdfA;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A department's forms in one request: a ZIP with its manifest, or one PDF with an outline; checked whole first. */
class BatchTest {
    private static final String[] MIXED = {"performance-tracking", "performance-target", "performance-self-evaluation",
        "performance-tracking"};

    static byte[] batch(String... forms) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (String form : forms) {
            items.addObject().put("form", form).set("document", Json.MAPPER.readTree(TestServer.example(form)));
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }

    private static HttpResponse<byte[]> post(String query, byte[] body) {
        return TestServer.post("/api/v1/batch" + query, body);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void aZipHoldsEachItemsFilesInOrderUnderTheirChineseNamesWithAManifest() throws IOException {
        HttpResponse<byte[]> response = post("?format=zip", batch(MIXED));
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> entries = entries(response.body());
        assertEquals(List.of("上海市闵行区肿瘤医院-项目支出绩效跟踪表.pdf", "上海市闵行区肿瘤医院-项目支出绩效跟踪表.docx",
                "广州市第十二人民医院-项目支出绩效目标表.pdf", "广州市第十二人民医院-项目支出绩效目标表.docx",
                "办公宿舍楼、食堂及餐厅暖通改造经费-项目支出绩效自评表.pdf", "办公宿舍楼、食堂及餐厅暖通改造经费-项目支出绩效自评表.docx",
                "上海市闵行区肿瘤医院-项目支出绩效跟踪表（2）.pdf", "上海市闵行区肿瘤医院-项目支出绩效跟踪表（2）.docx",
                "manifest.json"), List.copyOf(entries.keySet()));
        JsonNode manifest = Json.MAPPER.readTree(entries.get("manifest.json")).path("items");
        assertEquals(4, manifest.size());
        int warnings = 0;
        for (int i = 0; i < MIXED.length; i++) {
            JsonNode line = manifest.get(i);
            assertEquals(i, line.path("item").asInt());
            assertEquals(MIXED[i], line.path("form").asString());
            String pdf = line.path("files").get(0).asString();
            try (PDDocument document = Loader.loadPDF(entries.get(pdf))) {
                assertEquals(document.getNumberOfPages(), line.path("pages").asInt(), pdf);
            }
            assertTrue(DocxDigest.text(entries.get(line.path("files").get(1).asString())).length() > 100);
            line.path("warnings").forEach(w -> assertTrue(w.path("path").asString().startsWith("/items/" + line.path("item").asInt() + "/document/")));
            warnings += line.path("warnings").size();
        }
        assertEquals(Integer.toString(warnings), response.headers().firstValue("X-Warning-Count").orElse(""));
        assertArrayEquals(response.body(), post("?format=zip", batch(MIXED)).body(), "same request, same bytes");
    }

    @Test
    void zipEntriesSayTheirNamesAreUtf8AndCarryOneFixedTimeWhateverTheZone() throws IOException {
        byte[] zip = post("?format=zip&include=docx", batch("performance-target", "performance-tracking")).body();
        int entries = 0;
        try (ZipFile file = ZipFile.builder().setByteArray(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                entries++;
                assertEquals(ZipArchiveEntry.PLATFORM_UNIX, entry.getPlatform(), entry.getName());
                assertTrue(entry.getGeneralPurposeBit().usesUTF8ForNames(), entry.getName());
                assertNull(entry.getExtraField(X5455_ExtendedTimestamp.HEADER_ID), "no zone-dependent time: " + entry.getName());
            }
        }
        assertEquals(3, entries);
        // Every local header: DOS time 00:00:00, date 2000-01-01, as bytes.
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int headers = 0;
        for (int i = 0; i + 30 <= zip.length; i++) {
            if (bytes.getInt(i) == 0x04034b50) {
                headers++;
                assertEquals(0, bytes.getShort(i + 10), "time");
                assertEquals((20 << 9) | (1 << 5) | 1, bytes.getShort(i + 12), "date");
            }
        }
        assertTrue(headers >= 3);
    }

    @Test
    void entryNamesOfLongUnitNamesAreCutToWhatAFileSystemTakes() throws IOException {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-tracking"));
        for (JsonNode form : document.path("forms")) {
            ((ObjectNode) form).put("budgetUnit", "广州市第十二人民医院".repeat(9));
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (int i = 0; i < 3; i++) {
            items.addObject().put("form", "performance-tracking").set("document", document);
        }
        HttpResponse<byte[]> response = post("?format=zip", Json.MAPPER.writeValueAsBytes(root));
        assertEquals(200, response.statusCode());
        List<String> names = List.copyOf(entries(response.body()).keySet());
        assertEquals(7, names.size(), names.toString());
        assertEquals(7, new HashSet<>(names).size(), "unique: " + names);
        for (String name : names) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        }
        assertTrue(names.get(2).endsWith("（2）.pdf"), names.get(2));
    }

    @Test
    void includeTakesOneFormat() throws IOException {
        Map<String, byte[]> docx = entries(post("?format=zip&include=docx", batch("performance-target")).body());
        assertEquals(List.of("广州市第十二人民医院-项目支出绩效目标表.docx", "manifest.json"), List.copyOf(docx.keySet()));
        assertTrue(Json.MAPPER.readTree(docx.get("manifest.json")).at("/items/0/pages").isNull());
        Map<String, byte[]> pdf = entries(post("?include=pdf", batch("performance-tracking")).body());
        assertEquals(List.of("上海市闵行区肿瘤医院-项目支出绩效跟踪表.pdf", "manifest.json"), List.copyOf(pdf.keySet()));
        Map<String, byte[]> xlsx = entries(post("?include=xlsx", batch("performance-self-evaluation")).body());
        assertEquals(2, xlsx.size());
        String workbook = List.copyOf(xlsx.keySet()).get(0);
        assertTrue(workbook.endsWith("项目支出绩效自评表.xlsx"), workbook);
        assertEquals("PK", new String(xlsx.get(workbook), 0, 2, StandardCharsets.ISO_8859_1), "a workbook is a zip");
    }

    @Test
    void oneBoundPdfHasAnOutlineOfItemsAndProjectsAndKeepsEachItemsPageNumbers() throws IOException {
        HttpResponse<byte[]> response = post("?format=pdf", batch(MIXED));
        assertEquals(200, response.statusCode());
        try (PDDocument document = Loader.loadPDF(response.body())) {
            assertEquals(3 + 10 + 2 + 3, document.getNumberOfPages(), "the sum of the items' pages");
            List<String> outline = new ArrayList<>();
            walk(document, document.getDocumentCatalog().getDocumentOutline(), "", outline);
            assertTrue(outline.contains("上海市闵行区肿瘤医院-项目支出绩效跟踪表 → 1"), outline.toString());
            assertTrue(outline.contains("  医疗设备购置补贴 → 2"), outline.toString());
            assertTrue(outline.contains("广州市第十二人民医院-项目支出绩效目标表 → 4"), outline.toString());
            assertTrue(outline.contains("    综合业务费 → 6"), outline.toString());
            assertTrue(outline.contains("办公宿舍楼、食堂及餐厅暖通改造经费-项目支出绩效自评表 → 14"), outline.toString());
            assertTrue(outline.contains("上海市闵行区肿瘤医院-项目支出绩效跟踪表（2） → 16"), outline.toString());
            assertEquals(2 + 30 + 1 + 2 + 1, outline.stream().filter(line -> line.startsWith("  ") && !line.startsWith("   ")).count()
                    + outline.stream().filter(line -> line.startsWith("    ")).count(), "an entry for every project: " + outline);
        }
        List<String> pages = PdfDigest.pageTexts(response.body());
        assertTrue(pages.get(3).contains("第 1 页 共 10 页"), "the target table numbers its own pages");
        assertTrue(pages.get(15).contains("第 1 页 共 3 页"));
    }

    private static void walk(PDDocument document, PDOutlineNode node, String indent, List<String> lines) throws IOException {
        for (PDOutlineItem item : node.children()) {
            int page = document.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage()) + 1;
            lines.add(indent + item.getTitle() + " → " + page);
            walk(document, item, indent + "  ", lines);
        }
    }

    @Test
    void aBoundPdfAtPdfA3bPassesVeraPdfAndCarriesTheBatch() throws IOException {
        byte[] request = batch("performance-tracking", "performance-self-evaluation");
        byte[] pdf = post("?format=pdf&pdfa=3b", request).body();
        assertEquals(List.of(), PdfA.failedRules(pdf, "3b"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] attached = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("document.json")
                    .getEmbeddedFile().toByteArray();
            assertEquals(Json.MAPPER.readTree(request), Json.MAPPER.readTree(attached));
        }
        assertEquals(List.of(), PdfA.failedRules(post("?format=pdf&pdfa=2b", request).body(), "2b"));
    }

    @Test
    void oneBadItemRefusesTheBatchWithPathsIntoIt() {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(batch("performance-tracking", "performance-target", "performance-tracking"));
        ((ObjectNode) root.at("/items/2")).put("form", "nope");
        ((ObjectNode) root.at("/items/1/document/units/0/projects/0")).put("fiscalAppropriation", -1);
        ((ObjectNode) root.at("/items/0/document/forms/0")).remove("annualBudget");
        HttpResponse<byte[]> response = post("?format=zip", Json.MAPPER.writeValueAsBytes(root));
        assertEquals(422, response.statusCode());
        JsonNode error = Json.MAPPER.readTree(response.body());
        List<String> paths = new ArrayList<>();
        error.at("/error/details").forEach(d -> paths.add(d.path("path").asString()));
        assertTrue(paths.containsAll(List.of("/items/0/document/forms/0/annualBudget",
                "/items/1/document/units/0/projects/0/fiscalAppropriation", "/items/2/form")), paths.toString());
    }

    @Test
    void badShapesAndParametersAreRefused() {
        for (String body : List.of("{}", "{\"items\": []}", "{\"items\": {}}", "{\"items\": [1]}", "{\"items\": [{\"form\": \"performance-tracking\"}]}",
                "{\"items\": [{\"form\": 7, \"document\": {}}]}", "{\"items\": [], \"extra\": 1}")) {
            HttpResponse<byte[]> response = post("", body.getBytes(StandardCharsets.UTF_8));
            assertEquals(422, response.statusCode(), body);
            assertEquals("invalid_document", Json.MAPPER.readTree(response.body()).at("/error/code").asString(), body);
        }
        assertEquals(400, post("", "{".getBytes(StandardCharsets.UTF_8)).statusCode());
        for (String query : List.of("?format=docx", "?format=zip&include=html", "?format=pdf&include=pdf", "?format=pdf&signatureFields=true",
                "?pdfa=1b")) {
            HttpResponse<byte[]> response = post(query, batch("performance-tracking"));
            assertEquals(400, response.statusCode(), query);
            assertEquals("unsupported_format", Json.MAPPER.readTree(response.body()).at("/error/code").asString(), query);
        }
    }
}
