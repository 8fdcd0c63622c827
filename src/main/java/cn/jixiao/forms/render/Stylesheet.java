package cn.jixiao.forms.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The part of CSS that reaches the DOCX: rules whose selectors are element names, classes and the
 * descendant ({@code a b}) and child ({@code a > b}) combinators, and one {@code @page} rule with its
 * margin boxes. Selectors with anything else (pseudo-classes, attributes, ids) are left to the PDF alone.
 * Shorthands of border, padding and margin are expanded; inheritance follows CSS for the text properties.
 */
final class Stylesheet {
    private static final Set<String> INHERITED = Set.of("font-family", "font-size", "font-weight",
            "font-style", "text-align", "line-height", "white-space", "color");

    private record Compound(String tag, Set<String> classes) {
        boolean matches(Element element) {
            if (tag != null && !tag.equals(element.getTagName().toLowerCase(Locale.ROOT))) {
                return false;
            }
            return classes.isEmpty() || Xhtml.classes(element).containsAll(classes);
        }
    }

    /** Compounds right to left, with the combinator that joins each to the next one to its left. */
    private record Selector(List<Compound> compounds, List<Character> combinators, int specificity) {
        boolean matches(Element element) {
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

    private record Rule(Selector selector, Map<String, String> declarations, int order) {
    }

    /** {@code @page}: its own declarations and those of its margin boxes, e.g. {@code bottom-center}. */
    record Page(Map<String, String> declarations, Map<String, Map<String, String>> marginBoxes) {
    }

    private final List<Rule> rules;
    private final Page page;

    private Stylesheet(List<Rule> rules, Page page) {
        this.rules = rules;
        this.page = page;
    }

    Page page() {
        return page;
    }

    /** Parsed stylesheets by their text: every render of a form has the same one. */
    private static final Map<String, Stylesheet> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The stylesheet of an XHTML document: all its {@code <style>} elements, in order. */
    static Stylesheet of(org.w3c.dom.Document xhtml) {
        StringBuilder css = new StringBuilder();
        org.w3c.dom.NodeList styles = xhtml.getElementsByTagName("style");
        for (int i = 0; i < styles.getLength(); i++) {
            css.append(styles.item(i).getTextContent()).append('\n');
        }
        String text = css.toString();
        if (PARSED.size() > 64) {
            PARSED.clear();
        }
        return PARSED.computeIfAbsent(text, Stylesheet::parse);
    }

    static Stylesheet parse(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", " ");
        List<Rule> rules = new ArrayList<>();
        Map<String, String> pageDeclarations = new LinkedHashMap<>();
        Map<String, Map<String, String>> marginBoxes = new LinkedHashMap<>();
        int position = 0;
        int order = 0;
        while (position < text.length()) {
            int open = text.indexOf('{', position);
            if (open < 0) {
                break;
            }
            String prelude = text.substring(position, open).trim();
            int close = matchingBrace(text, open);
            String body = text.substring(open + 1, close);
            position = close + 1;
            if (prelude.startsWith("@page")) {
                parsePage(body, pageDeclarations, marginBoxes);
            } else if (prelude.startsWith("@")) {
                continue;
            } else {
                Map<String, String> declarations = declarations(body);
                for (String selectorText : prelude.split(",")) {
                    Selector selector = selector(selectorText.trim());
                    if (selector != null) {
                        rules.add(new Rule(selector, declarations, order++));
                    }
                }
            }
        }
        rules.sort(Comparator.comparingInt((Rule r) -> r.selector().specificity()).thenComparingInt(Rule::order));
        return new Stylesheet(rules, new Page(pageDeclarations, marginBoxes));
    }

    private static void parsePage(String body, Map<String, String> declarations, Map<String, Map<String, String>> boxes) {
        StringBuilder own = new StringBuilder();
        int position = 0;
        while (position < body.length()) {
            int at = body.indexOf('@', position);
            if (at < 0) {
                own.append(body, position, body.length());
                break;
            }
            own.append(body, position, at);
            int open = body.indexOf('{', at);
            int close = matchingBrace(body, open);
            boxes.put(body.substring(at + 1, open).trim(), declarations(body.substring(open + 1, close)));
            position = close + 1;
        }
        declarations.putAll(declarations(own.toString()));
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in stylesheet");
    }

    /** Declarations of one block, shorthands expanded, later ones winning. */
    static Map<String, String> declarations(String block) {
        Map<String, String> result = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : (block + ";").toCharArray()) {
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                int colon = current.indexOf(":");
                if (colon > 0) {
                    String property = current.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = current.substring(colon + 1).replace("!important", "").trim();
                    expand(property, value, result);
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return result;
    }

    private static final String[] SIDES = {"top", "right", "bottom", "left"};

    private static void expand(String property, String value, Map<String, String> out) {
        switch (property) {
            case "padding", "margin" -> {
                String[] v = value.split("\\s+");
                String[] four = switch (v.length) {
                    case 1 -> new String[]{v[0], v[0], v[0], v[0]};
                    case 2 -> new String[]{v[0], v[1], v[0], v[1]};
                    case 3 -> new String[]{v[0], v[1], v[2], v[1]};
                    default -> new String[]{v[0], v[1], v[2], v[3]};
                };
                for (int i = 0; i < 4; i++) {
                    out.put(property + "-" + SIDES[i], four[i]);
                }
            }
            case "border" -> {
                for (String side : SIDES) {
                    expandBorder("border-" + side, value, out);
                }
            }
            case "border-top", "border-right", "border-bottom", "border-left" -> expandBorder(property, value, out);
            case "border-style", "border-width", "border-color" -> {
                String kind = property.substring("border-".length());
                for (String side : SIDES) {
                    out.put("border-" + side + "-" + kind, value);
                }
            }
            default -> out.put(property, value);
        }
    }

    private static void expandBorder(String side, String value, Map<String, String> out) {
        String width = "medium";
        String style = "none";
        String color = "#000000";
        for (String part : value.trim().split("\\s+")) {
            if (part.matches("none|hidden|solid|dashed|dotted|double")) {
                style = part;
            } else if (part.matches("[0-9.]+[a-z]*|thin|medium|thick")) {
                width = part;
            } else {
                color = part;
            }
        }
        out.put(side + "-width", width);
        out.put(side + "-style", style);
        out.put(side + "-color", color);
    }

    private static Selector selector(String text) {
        if (text.isEmpty() || text.matches(".*[:\\[#+~*].*")) {
            return null;
        }
        List<Compound> compounds = new ArrayList<>();
        List<Character> combinators = new ArrayList<>();
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
        for (int i = leftToRight.size() - 1; i >= 0; i--) {
            compounds.add(leftToRight.get(i));
            if (i > 0) {
                combinators.add(joins.get(i - 1));
            }
        }
        return new Selector(compounds, combinators, specificity);
    }

    /**
     * Computed styles by the element's path from the root (tags, classes, inline styles): with only
     * element, class, descendant and child selectors, that path decides the style. Bounded.
     */
    private final Map<String, Map<String, String>> computed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The computed declarations of an element whose ancestors' declarations were computed with this
     * stylesheet too; the same for every element on the same path.
     */
    Map<String, String> compute(Element element, Map<String, String> parent) {
        String path = path(element);
        Map<String, String> style = computed.get(path);
        if (style == null) {
            style = Map.copyOf(computeUncached(element, parent));
            if (computed.size() < 4096) {
                computed.put(path, style);
            }
        }
        return style;
    }

    private static String path(Element element) {
        StringBuilder path = new StringBuilder(128);
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            path.append(e.getTagName()).append('.').append(e.getAttribute("class")).append('{').append(e.getAttribute("style")).append("}/");
        }
        return path.toString();
    }

    /** The declarations that apply to an element itself, nothing inherited: enough for non-inherited properties. */
    Map<String, String> cascaded(Element element) {
        return computeUncached(element, Map.of());
    }

    private Map<String, String> computeUncached(Element element, Map<String, String> parent) {
        Map<String, String> style = new HashMap<>();
        for (Map.Entry<String, String> entry : parent.entrySet()) {
            if (INHERITED.contains(entry.getKey())) {
                style.put(entry.getKey(), entry.getValue());
            }
        }
        for (Rule rule : rules) {
            if (rule.selector().matches(element)) {
                style.putAll(rule.declarations());
            }
        }
        String inline = element.getAttribute("style");
        if (!inline.isBlank()) {
            style.putAll(declarations(inline));
        }
        String fontSize = style.get("font-size");
        if (fontSize != null && (fontSize.endsWith("em") || fontSize.endsWith("%"))) {
            double parentSize = points(parent.getOrDefault("font-size", "12pt"), 12);
            style.put("font-size", points(fontSize, parentSize) + "pt");
        }
        return style;
    }

    /** A CSS length in points; {@code em} and {@code %} relative to {@code fontSize}. */
    static double points(String length, double fontSize) {
        String value = length.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "0", "none", "auto", "" -> {
                return 0;
            }
            case "thin" -> {
                return 0.5;
            }
            case "medium" -> {
                return 1;
            }
            case "thick" -> {
                return 2;
            }
            default -> {
            }
        }
        int unit = 0;
        while (unit < value.length() && (Character.isDigit(value.charAt(unit)) || value.charAt(unit) == '.' || value.charAt(unit) == '-')) {
            unit++;
        }
        double number = Double.parseDouble(value.substring(0, unit));
        return switch (value.substring(unit)) {
            case "pt" -> number;
            case "px" -> number * 0.75;
            case "mm" -> number * 72 / 25.4;
            case "cm" -> number * 72 / 2.54;
            case "in" -> number * 72;
            case "em" -> number * fontSize;
            case "%" -> number * fontSize / 100;
            case "" -> number;
            default -> throw new IllegalArgumentException("unsupported CSS length: " + length);
        };
    }
}
