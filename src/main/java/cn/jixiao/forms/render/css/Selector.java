package cn.jixiao.forms.render.css;

import cn.jixiao.forms.render.Xhtml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A selector of element names, classes ({@code td.label}) and the descendant ({@code a b}) and child
 * ({@code a > b}) combinators: compounds right to left, with the combinator that joins each to the next
 * one to its left.
 */
public record Selector(List<Compound> compounds, List<Character> combinators, int specificity) {

    /** An element name (null for any) and the classes the element must all have. */
    public record Compound(String tag, Set<String> classes) {
        boolean matches(Element element) {
            if (tag != null && !tag.equals(Xhtml.tag(element))) {
                return false;
            }
            return classes.isEmpty() || Xhtml.classes(element).containsAll(classes);
        }
    }

    /**
     * One selector of a comma list; empty for a selector with anything else (pseudo-classes, attributes,
     * ids, sibling combinators, {@code *}), which is left to the PDF.
     */
    public static Optional<Selector> parse(String text) {
        if (text.isEmpty() || text.matches(".*[:\\[#+~*].*")) {
            return Optional.empty();
        }
        String[] tokens = text.replace(">", " > ").trim().split("\\s+");
        char pending = ' ';
        int specificity = 0;
        List<Compound> leftToRight = new ArrayList<>();
        List<Character> joins = new ArrayList<>();
        for (String token : tokens) {
            if (token.equals(">")) {
                pending = '>';
                continue;
            }
            String[] parts = token.split("\\.", -1);
            String tag = parts[0].isEmpty() ? null : parts[0].toLowerCase(Locale.ROOT);
            Set<String> classes = new HashSet<>();
            for (int i = 1; i < parts.length; i++) {
                classes.add(parts[i]);
            }
            specificity += classes.size() * 10 + (tag == null ? 0 : 1);
            if (!leftToRight.isEmpty()) {
                joins.add(pending);
            }
            leftToRight.add(new Compound(tag, classes));
            pending = ' ';
        }
        List<Compound> compounds = new ArrayList<>();
        List<Character> combinators = new ArrayList<>();
        for (int i = leftToRight.size() - 1; i >= 0; i--) {
            compounds.add(leftToRight.get(i));
            if (i > 0) {
                combinators.add(joins.get(i - 1));
            }
        }
        return Optional.of(new Selector(compounds, combinators, specificity));
    }

    public boolean matches(Element element) {
        if (!compounds.get(0).matches(element)) {
            return false;
        }
        return matchesFrom(1, element);
    }

    private boolean matchesFrom(int index, Element element) {
        if (index == compounds.size()) {
            return true;
        }
        char combinator = combinators.get(index - 1);
        Node parent = element.getParentNode();
        while (parent instanceof Element ancestor) {
            if (compounds.get(index).matches(ancestor) && matchesFrom(index + 1, ancestor)) {
                return true;
            }
            if (combinator == '>') {
                return false;
            }
            parent = ancestor.getParentNode();
        }
        return false;
    }
}
