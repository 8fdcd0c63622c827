package cn.jixiao.forms.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Layouts from a directory outside the jar, broken templates named by file, line and column, reloading. */
class TemplateMaintenanceTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A template directory of one form, copied from templates/ to edit; what it lacks comes from the jar. */
    private static Path copyOfForm(Path dir, String form) throws IOException {
        PathUtils.copyDirectory(Path.of("templates", form), dir.resolve(form));
        return dir;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "the template has " + from);
        Files.writeString(file, text.replace(from, to));
        // A later modification time than the cached template's, even on coarse file systems.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    }

    private static HttpResponse<byte[]> render(App app, String form, String format) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/v1/forms/" + form
                            + "/render?format=" + format)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TestServer.example(form))).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLayoutFromAnOutsideDirectoryReachesBothFormats(@TempDir Path dir) throws IOException {
        Path templates = copyOfForm(dir, "performance-tracking");
        edit(templates.resolve("performance-tracking/form.ftlh"), "主要跟踪指标", "主要跟踪指标（外部模板）");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString()))).start(0);
        try {
            assertTrue(PdfDigest.text(render(app, "performance-tracking", "pdf").body()).contains("主要跟踪指标（外部模板）"));
            assertTrue(DocxDigest.text(render(app, "performance-tracking", "docx").body()).contains("主要跟踪指标（外部模板）"));
        } finally {
            app.stop();
        }
    }

    @Test
    void aWiderColumnInAnOutsideDirectoryMovesTheTargetTable(@TempDir Path dir) throws IOException {
        Path templates = copyOfForm(dir, "performance-target");
        edit(templates.resolve("performance-target/form.ftlh"),
                "table.in-wan col.goal { width: 58mm; }\ntable.in-wan col.indicators { width: 79mm; }",
                "table.in-wan col.goal { width: 38mm; }\ntable.in-wan col.indicators { width: 99mm; }");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString()))).start(0);
        try {
            String xml = DocxDigest.part(render(app, "performance-target", "docx").body(), "word/document.xml");
            assertTrue(xml.contains("<w:gridCol w:w=\"5613\"/>"), "the 绩效指标 column is 99 mm = 5613 twips");
            byte[] pdf = render(app, "performance-target", "pdf").body();
            byte[] bundled = TestServer.post("/api/v1/forms/performance-target/render", TestServer.example("performance-target")).body();
            assertTrue(PdfDigest.textWithPositions(pdf).split("== page").length < PdfDigest.textWithPositions(bundled).split("== page").length
                    || !PdfDigest.textWithPositions(pdf).equals(PdfDigest.textWithPositions(bundled)), "the layout moved");
        } finally {
            app.stop();
        }
    }

    @Test
    void aTemplateThatDoesNotParseStopsTheStartNamingFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path templates = copyOfForm(dir, "performance-target");
        edit(templates.resolve("performance-target/form.ftlh"), "<#list doc.units as unit>", "<#list doc.units as unit");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString())));
        TemplateFailure failure = assertThrows(TemplateFailure.class, () -> app.start(0));
        assertTrue(failure.getMessage().matches("(?s)performance-target/form\\.ftlh:\\d+:\\d+: .+"), failure.getMessage());
        App served = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString())));
        assertThrows(TemplateFailure.class, () -> served.start(0, false), "the README's start, examples rendered behind it, stops too");
    }

    @Test
    void aTemplateThatFailsWhileRenderingNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path templates = copyOfForm(dir, "performance-tracking");
        edit(templates.resolve("performance-tracking/form.ftlh"), "${f.recurring}", "${f.noSuchField}");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString())));
        TemplateFailure failure = assertThrows(TemplateFailure.class, () -> app.start(0));
        String line = String.valueOf(lineOf(templates.resolve("performance-tracking/form.ftlh"), "f.noSuchField"));
        assertTrue(failure.getMessage().startsWith("performance-tracking/form.ftlh:" + line + ":"), failure.getMessage());
        assertTrue(failure.getMessage().contains("noSuchField"), failure.getMessage());
        App served = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString())));
        TemplateFailure checked = assertThrows(TemplateFailure.class, () -> served.start(0, false),
                "the README's start makes every example's XHTML before it says ready");
        assertTrue(checked.getMessage().contains("noSuchField"), checked.getMessage());
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void markupThatIsNotWellFormedIsNamedToo(@TempDir Path dir) throws IOException {
        Path templates = copyOfForm(dir, "performance-tracking");
        edit(templates.resolve("performance-tracking/form.ftlh"), "<td class=\"center\" data-field=\"recurring\">${f.recurring}</td>",
                "<td class=\"center\" data-field=\"recurring\">${f.recurring}");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString())));
        TemplateFailure failure = assertThrows(TemplateFailure.class, () -> app.start(0));
        assertTrue(failure.getMessage().startsWith("performance-tracking/form.ftlh produced XHTML that is not well-formed, at line"),
                failure.getMessage());
    }

    @Test
    void developmentModeReloadsAndReportsABrokenTemplate(@TempDir Path dir) throws IOException {
        Path templates = copyOfForm(dir, "performance-tracking");
        Path template = templates.resolve("performance-tracking/form.ftlh");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString(), "JIXIAO_TEMPLATE_DEV", "true"))).start(0);
        try {
            assertTrue(PdfDigest.text(render(app, "performance-tracking", "pdf").body()).contains("主要跟踪指标"));
            edit(template, "主要跟踪指标", "主要跟踪指标（已改）");
            assertTrue(PdfDigest.text(render(app, "performance-tracking", "pdf").body()).contains("主要跟踪指标（已改）"), "reloaded");
            edit(template, "<#list f.indicators as row>", "<#list f.indicators as row");
            HttpResponse<byte[]> broken = render(app, "performance-tracking", "pdf");
            JsonNode error = Json.MAPPER.readTree(broken.body());
            assertEquals(500, broken.statusCode());
            assertEquals("template_error", error.at("/error/code").asString());
            assertTrue(error.at("/error/message").asString().matches("(?s).*performance-tracking/form\\.ftlh:\\d+:\\d+.*"), error.toString());
            edit(template, "<#list f.indicators as row\n", "<#list f.indicators as row>\n");
            assertEquals(200, render(app, "performance-tracking", "pdf").statusCode(), "fixed");
        } finally {
            app.stop();
        }
    }
}
