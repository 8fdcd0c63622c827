package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.rules.FormDefinitionError;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.TemplateFailure;
import cn.jixiao.forms.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form is a folder: copied under another name it is another form, with its rules and figures, served from a
 * template directory outside the jar; a broken one is refused with the file, line and column of each fault.
 */
class FormFolderTest {
    private static final String ORIGINAL = "performance-self-evaluation";

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 自评表's folder as a province would start its own: under a new id, with the example beside it. */
    private static Path copiedForm(Path templates, String id) throws IOException {
        Path folder = copy(Path.of("templates", ORIGINAL), templates.resolve(id));
        Files.write(folder.resolve("example.json"), TestServer.example(ORIGINAL));
        return folder;
    }

    /** Every cell of a workbook, a line each: its sheet, place, value and format. */
    private static String cells(byte[] xlsx) throws IOException {
        StringBuilder cells = new StringBuilder();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(sheet.getSheetName()).append('!').append(cell.getAddress()).append('=').append(cell)
                                .append(' ').append(cell.getCellStyle().getDataFormatString()).append('\n');
                    }
                }
            }
        }
        return cells.toString();
    }

    @Test
    void aCopiedFolderIsAFormThatValidatesScoresAndRendersAsTheOriginal(@TempDir Path dir) throws IOException {
        Path templates = dir.resolve("templates");
        copiedForm(templates, "self-evaluation-copy");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString()))).start(0);
        try {
            assertEquals(List.of("self-evaluation-copy"), app.service().forms().stream().map(RegisteredForm::id).toList(),
                    "the forms served are the folders found");
            RegisteredForm copy = app.service().form("self-evaluation-copy");
            RegisteredForm original = TestServer.app().service().form(ORIGINAL);
            byte[] example = TestServer.example(ORIGINAL);
            RegisteredForm.Verdict copied = app.service().validate(copy, example);
            RegisteredForm.Verdict published = TestServer.app().service().validate(original, example);
            assertEquals(published.warnings(), copied.warnings(), "the rules came with the folder");
            assertEquals(published.computed(), copied.computed(), "and the figures");
            assertEquals("98.00", copied.computed().get("/forms/0/totalScore"));
            for (OutputFormat format : List.of(OutputFormat.PDF, OutputFormat.DOCX)) {
                assertArrayEquals(TestServer.render(ORIGINAL, example, format).bytes(),
                        app.service().render(copy, example, format).bytes(), format + " of the copy, byte for byte");
            }
            assertEquals(cells(TestServer.render(ORIGINAL, example, OutputFormat.XLSX).bytes()),
                    cells(app.service().render(copy, example, OutputFormat.XLSX).bytes()).replace("self-evaluation-copy", ORIGINAL),
                    "the copy's workbook, cell for cell, but for the form it names");
        } finally {
            app.stop();
        }
    }

    @Test
    void inDevelopmentModeAFolderAddedIsServedAtOnce(@TempDir Path dir) throws IOException {
        Path templates = dir.resolve("templates");
        copiedForm(templates, "first-form");
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString(),
                "JIXIAO_TEMPLATE_DEV", "true"))).start(0);
        try {
            assertEquals(List.of("first-form"), app.service().forms().stream().map(RegisteredForm::id).toList());
            copiedForm(templates, "second-form");
            assertEquals(List.of("first-form", "second-form"), app.service().forms().stream().map(RegisteredForm::id).toList());
            RegisteredForm.Verdict verdict = app.service().validate(app.service().form("second-form"), TestServer.example(ORIGINAL));
            assertTrue(verdict.valid(), verdict.errors().toString());
        } finally {
            app.stop();
        }
    }

    @Test
    void aBrokenTemplateSchemaOrExpressionIsNamedByFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path templates = dir.resolve("templates");
        Path folder = copiedForm(templates, "broken");
        Path schema = folder.resolve("schema.json");
        Files.writeString(schema, Files.readString(schema).replace("self.?executionWeight.orValue(decimal(10))",
                "self.?executionWieght.orValue(decimal(10))"));
        FormDefinitionError expression = assertThrows(FormDefinitionError.class,
                () -> new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString()))));
        String fault = expression.faults().get(0).toString();
        assertTrue(fault.matches("templates/broken/schema\\.json:\\d+:\\d+: undefined field 'executionWieght'.*"), fault);
        int line = Integer.parseInt(fault.split(":")[1]);
        assertTrue(Files.readAllLines(schema).get(line - 1).contains("executionWieght"), "line " + line);

        Files.writeString(schema, Files.readString(schema).replace("\"x-kind\": \"year\"", "\"x-kind\": \"year\",,"));
        FormDefinitionError json = assertThrows(FormDefinitionError.class,
                () -> new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString()))));
        assertTrue(json.getMessage().matches("(?s)templates/broken/schema\\.json:\\d+:\\d+: JSON 格式错误.*"), json.getMessage());

        copy(Path.of("templates", ORIGINAL, "schema.json"), schema.getParent().resolve("schema.json.tmp"));
        Files.move(schema.getParent().resolve("schema.json.tmp"), schema, StandardCopyOption.REPLACE_EXISTING);
        Path template = folder.resolve("form.ftlh");
        Files.writeString(template, Files.readString(template).replace("<#list doc.forms as f>", "<#list doc.forms as f"));
        App app = new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString())));
        TemplateFailure failure = assertThrows(TemplateFailure.class, () -> app.start(0));
        assertTrue(failure.getMessage().matches("(?s)broken/form\\.ftlh:\\d+:\\d+: .+"), failure.getMessage());
    }

    @Test
    void aPdfLayoutOtherThanTheTwoKnownIsNamedAtItsKey(@TempDir Path dir) throws IOException {
        Path templates = dir.resolve("templates");
        Path folder = copiedForm(templates, "copied");
        Path form = folder.resolve("form.json");
        // in place of the layout the original asks for, if it asks for one
        String asked = Files.readString(form).replaceAll("\\n\\s*\"pdfLayout\": \"[a-z]+\",", "");
        Files.writeString(form, asked.replaceFirst("\\{", "{\n  \"pdfLayout\": \"fast\","));
        FormDefinitionError refused = assertThrows(FormDefinitionError.class,
                () -> new App(Config.fromEnvironment(Map.of("JIXIAO_TEMPLATE_DIR", templates.toString()))));
        String fault = refused.faults().get(0).toString();
        assertTrue(fault.contains("templates/copied/form.json") && fault.contains("pdfLayout 只能是 direct"), fault);
    }

    @Test
    void checkFormPassesOnEveryFolderAndRendersItsExample(@TempDir Path dir) throws IOException {
        for (Path folder : folders()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            List<String> faults = FormCheck.run(folder, dir.resolve("out"), TestServer.config(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(List.of(), faults, printed.toString(StandardCharsets.UTF_8));
            String id = folder.getFileName().toString();
            for (String extension : List.of("pdf", "docx", "xlsx")) {
                assertTrue(Files.size(dir.resolve("out").resolve(id + "." + extension)) > 1000, id + "." + extension);
            }
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("通过"), printed.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void checkFormNamesEachFaultAndAsksForAnExample(@TempDir Path dir) throws IOException {
        Path templates = dir.resolve("templates");
        Path folder = copy(Path.of("templates", ORIGINAL), templates.resolve("no-example-yet"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> faults = FormCheck.run(folder, null, TestServer.config(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(1, faults.size(), printed.toString(StandardCharsets.UTF_8));
        assertTrue(faults.get(0).contains("缺少示例"), faults.toString());
        Path schema = folder.resolve("schema.json");
        Files.writeString(schema, Files.readString(schema).replace("self.totalWeight == decimal(100)", "self.totalWeight == 100"));
        faults = FormCheck.run(folder, null, TestServer.config(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(faults.get(0).matches("templates/no-example-yet/schema\\.json:\\d+:\\d+: found no matching overload for '_==_'.*"),
                faults.toString());
    }

    private static List<Path> folders() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("templates"))) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("form.json"))).sorted().toList();
        }
    }
}
