package cn.jixiao.forms.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the errors and warnings of one document, so that a client learns all of them at once — up to
 * {@link #MAX_DETAILS} of each: beyond that a document is so broken that more would only cost memory.
 */
public final class Problems {
    /** The most errors (and, separately, warnings) one answer lists. */
    public static final int MAX_DETAILS = 200;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private boolean truncated;
    private int errorsLeftOut;
    private boolean stoppedCounting;

    /** A user's text inside a message: in 「」, cut at 30 characters. */
    public static String quote(String text) {
        String value = text == null ? "" : text;
        if (value.codePointCount(0, value.length()) > 30) {
            value = value.substring(0, value.offsetByCodePoints(0, 30)) + "…";
        }
        return "「" + value + "」";
    }

    public void error(String path, String message) {
        error(new Problem(path, message));
    }

    public void error(Problem problem) {
        if (errors.size() < MAX_DETAILS) {
            errors.add(problem);
        } else {
            truncated = true;
            errorsLeftOut++;
        }
    }

    public void warning(String path, String message) {
        warning(new Problem(path, message));
    }

    public void warning(Problem problem) {
        if (warnings.size() < MAX_DETAILS) {
            warnings.add(problem);
        } else {
            truncated = true;
        }
    }

    /** Whether no more errors would be kept: checks that would only add more may stop. */
    public boolean full() {
        return errors.size() >= MAX_DETAILS;
    }

    /**
     * Notes errors found beyond {@link #MAX_DETAILS} and not listed; {@code stopped}: the check stopped counting
     * there, and more may follow.
     */
    void leftOut(int counted, boolean stopped) {
        truncated = true;
        errorsLeftOut += counted;
        stoppedCounting |= stopped;
    }

    /**
     * What the list of errors leaves out, for a message: {@code 另有 37 处未列出}, or {@code 另有 2000 处以上未列出}
     * when counting stopped; empty when nothing was left out.
     */
    public String errorsLeftOut() {
        if (errorsLeftOut == 0 && !stoppedCounting) {
            return "";
        }
        return "另有 " + errorsLeftOut + (stoppedCounting ? " 处以上" : " 处") + "未列出";
    }

    /** Whether errors or warnings beyond {@link #MAX_DETAILS} were left out. */
    public boolean truncated() {
        return truncated;
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
            throw FormError.invalid(errors, errorsLeftOut());
        }
    }
}
