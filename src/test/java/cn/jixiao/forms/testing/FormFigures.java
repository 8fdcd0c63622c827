package cn.jixiao.forms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import java.util.List;
import java.util.Map;

/** One bundled form's example, edited, and what the form makes of it: figures, errors, warnings, the template's view. */
public final class FormFigures {
    private final String id;
    private final RegisteredForm form;

    public FormFigures(String id) {
        this.id = id;
        this.form = Forms.form(id);
    }

    public RegisteredForm form() {
        return form;
    }

    public byte[] example() {
        return TestServer.example(id);
    }

    /** The example with each (pointer, JSON or {@link JsonEdit#REMOVE}) pair applied. */
    public byte[] edited(Object... edits) {
        byte[] document = example();
        for (int i = 0; i < edits.length; i += 2) {
            document = JsonEdit.edit(document, (String) edits[i], edits[i + 1]);
        }
        return document;
    }

    public RegisteredForm.Verdict verdict(byte[] document) {
        return form.verdict(document);
    }

    public Map<String, String> computed(byte[] document) {
        return form.verdict(document).computed();
    }

    /** The warnings of a document that must have no errors. */
    public List<Problem> warnings(byte[] document) {
        RegisteredForm.Verdict verdict = form.verdict(document);
        assertEquals(List.of(), verdict.errors());
        return verdict.warnings();
    }

    /** "path  message", one a warning, as {@code ExampleWarningsTest} lists them. */
    public List<String> warningLines(byte[] document) {
        return warnings(document).stream().map(w -> w.path() + "  " + w.message()).toList();
    }

    public Problem warningAt(byte[] document, String path) {
        List<Problem> warnings = warnings(document);
        return warnings.stream().filter(w -> w.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning at " + path + " among " + warnings));
    }

    /** "path  message", one an error. */
    public List<String> errorLines(byte[] document) {
        return form.verdict(document).errors().stream().map(e -> e.path() + "  " + e.message()).toList();
    }

    /** What the template receives, by a path of names and positions: {@code view(document, "forms/0/printedRate")}. */
    public Object view(byte[] document, String path) {
        return Forms.at(Forms.view(id, document), path);
    }

    public String fileName(byte[] document) {
        return form.fileName(form.read(document));
    }
}
