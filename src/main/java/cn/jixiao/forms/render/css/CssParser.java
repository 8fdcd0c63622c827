package cn.jixiao.forms.render.css;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CSS text to a {@link Stylesheet}: rule sets with the selectors {@link Selector} reads, and the
 * {@code @page} rule with its margin boxes. Comments are dropped, other at-rules skipped whole, the
 * shorthands of border, padding and margin expanded into their sides.
 */
public final class CssParser {
    private static final String[] SIDES = {"top", "right", "bottom", "left"};

    private CssParser() {
    }

    public static Stylesheet parse(String css) {
        String text = css.replaceAll("(?s)/\\*.*?\\*/", " ");
        List<Stylesheet.Rule> rules = new ArrayList<>();
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
            } else if (!prelude.startsWith("@")) {
                Map<String, String> declarations = declarations(body);
                for (String selectorText : prelude.split(",")) {
                    Optional<Selector> selector = Selector.parse(selectorText.trim());
                    if (selector.isPresent()) {
                        rules.add(new Stylesheet.Rule(selector.get(), declarations, order++));
                    }
                }
            }
        }
        rules.sort(Comparator.comparingInt((Stylesheet.Rule r) -> r.selector().specificity()).thenComparingInt(Stylesheet.Rule::order));
        return new Stylesheet(rules, new Stylesheet.Page(pageDeclarations, marginBoxes));
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

    /** The declarations of one block or {@code style} attribute, shorthands expanded, later ones winning. */
    public static Map<String, String> declarations(String block) {
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
}
