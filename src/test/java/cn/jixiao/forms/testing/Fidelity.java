package cn.jixiao.forms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks that every fragment of a published form (a seed: one table row a line, tab = cell boundary)
 * is in a rendered file's text. Whitespace and the width of brackets and colons are ignored; a fragment
 * that a page break cut in two counts when both halves are there, in order.
 */
public final class Fidelity {
    private Fidelity() {
    }

    /**
     * The non-empty cells, without the **bold** markers, of the published form(s) a form's example
     * transcribes: every file in {@code src/test/resources/seeds/<form-id>/}. Lines starting with {@code # }
     * are the transcriber's comments.
     */
    public static Set<String> fragments(String formId) {
        Path folder = Path.of("src", "test", "resources", "seeds", formId);
        try (Stream<Path> seeds = Files.list(folder)) {
            Set<String> fragments = new LinkedHashSet<>();
            for (Path file : seeds.sorted().toList()) {
                fragments.addAll(fragmentsOf(Files.readString(file, StandardCharsets.UTF_8)));
            }
            if (fragments.isEmpty()) {
                throw new AssertionError("no seed in " + folder);
            }
            return fragments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of one seed's text, its comment lines left out. */
    static Set<String> fragmentsOf(String seed) {
        Set<String> fragments = new LinkedHashSet<>();
        for (String line : seed.replace("**", "").split("\n")) {
            if (line.startsWith("# ")) {
                continue;
            }
            for (String cell : line.split("\t")) {
                if (!normalise(cell).isEmpty()) {
                    fragments.add(cell.strip());
                }
            }
        }
        return fragments;
    }

    /** Whitespace dropped, brackets and colons of either width alike, and amounts with or without thousands separators (2030.12, 2,030.12). */
    public static String normalise(String text) {
        return text.replaceAll("\\s+", "").replaceAll("(?<=\\d),(?=\\d{3}(?!\\d))", "")
                .replace('（', '(').replace('）', ')').replace('：', ':');
    }

    /** The fragments missing from {@code text}. */
    public static List<String> missing(Set<String> fragments, String text) {
        return missing(fragments, text, Fidelity::normalise);
    }

    /**
     * Like {@link #missing(Set, String)}, but with ： ； and : taken as one separator: the published target
     * table drifts between them, the service prints one canonical form.
     */
    public static List<String> missingSeparatorsAlike(Set<String> fragments, String text) {
        return missing(fragments, text, t -> normalise(t).replace('；', ':'));
    }

    private static List<String> missing(Set<String> fragments, String text, java.util.function.UnaryOperator<String> normaliser) {
        String haystack = normaliser.apply(text);
        List<String> missing = new ArrayList<>();
        for (String fragment : fragments) {
            if (!present(haystack, normaliser.apply(fragment))) {
                missing.add(fragment);
            }
        }
        return missing;
    }

    /**
     * Contiguous, or, for a long fragment that a page break cut: its longest leading part that occurs,
     * followed later by the rest (itself possibly cut again).
     */
    static boolean present(String haystack, String needle) {
        return present(haystack, needle, 0);
    }

    private static boolean present(String haystack, String needle, int from) {
        if (haystack.indexOf(needle, from) >= 0) {
            return true;
        }
        if (needle.length() < 8) {
            return false;
        }
        int cut = needle.length() - 1;
        while (cut >= 4 && haystack.indexOf(needle.substring(0, cut), from) < 0) {
            cut--;
        }
        if (cut < 4) {
            return false;
        }
        int head = haystack.indexOf(needle.substring(0, cut), from);
        return present(haystack, needle.substring(cut), head + cut);
    }
}
