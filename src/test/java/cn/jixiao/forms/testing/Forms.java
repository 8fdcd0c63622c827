package cn.jixiao.forms.testing;

import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import java.util.List;
import java.util.Map;

/** The bundled forms as the service loads them, without HTTP or rendering; and a way into what a template receives. */
public final class Forms {
    private static final FormRegistry REGISTRY = FormRegistry.bundled(Limits.DEFAULT, new TextRules(cp -> true),
            IndicatorChecks.DEFAULT);

    private Forms() {
    }

    public static RegisteredForm form(String id) {
        return REGISTRY.get(id);
    }

    /** The warnings of a document that has no error (an error fails the test, naming it). */
    public static List<Problem> warnings(RegisteredForm form, byte[] document) {
        RegisteredForm.Verdict verdict = form.verdict(document);
        if (!verdict.errors().isEmpty()) {
            throw new AssertionError("errors where none were expected: " + verdict.errors());
        }
        return verdict.warnings();
    }

    /** What the form's template receives for a document. */
    public static Map<String, Object> view(String id, byte[] document) {
        RegisteredForm form = form(id);
        return form.view(form.read(document));
    }

    /** A value of a view by a path of names and positions, {@code forms/0/printedRate}. */
    public static Object at(Map<String, Object> view, String path) {
        Object current = view;
        for (String part : path.split("/")) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(part)) {
                    throw new AssertionError("the view has no " + part + " at " + path + ": " + map.keySet());
                }
                current = map.get(part);
            } else if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(part));
            } else {
                throw new AssertionError("nothing below " + part + " in " + path);
            }
        }
        return current;
    }
}
