package cn.jixiao.forms.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every error and warning of one document, so that a client learns all of them at once. */
public final class Problems {
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    /** A user's text inside a message: in 「」, cut at 30 characters. */
    public static String quote(String text) {
        String value = text == null ? "" : text;
        if (value.codePointCount(0, value.length()) > 30) {
            value = value.substring(0, value.offsetByCodePoints(0, 30)) + "…";
        }
        return "「" + value + "」";
    }

    public void error(String path, String message) {
        errors.add(new Problem(path, message));
    }

    public void error(Problem problem) {
        errors.add(problem);
    }

    public void warning(String path, String message) {
        warnings.add(new Problem(path, message));
    }

    public void errors(List<Problem> more) {
        errors.addAll(more);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Problem> errors() {
        return Collections.unmodifiableList(errors);
    }

    public List<Problem> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Stops the pipeline with a 422 when anything was found that forbids rendering. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw FormError.invalid(errors);
        }
    }
}
