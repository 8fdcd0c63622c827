package cn.jixiao.forms.form;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;

/**
 * What every text of a document must satisfy before anything is rendered: only characters a document
 * can carry (XML 1.0), and only characters the bundled fonts can draw, so that no page ever shows a
 * box, a blank or a question mark where a character should be.
 */
public final class TextRules {
    private final IntPredicate drawable;

    /** @param drawable whether the fonts can draw a code point */
    public TextRules(IntPredicate drawable) {
        this.drawable = drawable;
    }

    public void check(JsonNode tree, Problems problems) {
        walk(tree, "", problems);
    }

    private void walk(JsonNode node, String path, Problems problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                walk(entry.getValue(), path + "/" + SchemaMessages.escape(entry.getKey()), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
        } else if (node.isString()) {
            checkText(node.asString(), path, problems);
        }
    }

    void checkText(String text, String path, Problems problems) {
        Set<String> illegal = new LinkedHashSet<>();
        Set<String> undrawable = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (!drawable.test(cp)) {
                    undrawable.add(describe(cp));
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c) || !xmlLegal(c)) {
                illegal.add(String.format("U+%04X", (int) c));
            } else if (!isLayout(c) && !drawable.test(c)) {
                undrawable.add(describe(c));
            }
            i++;
        }
        if (!illegal.isEmpty()) {
            problems.error(path, "含有文档无法容纳的字符：" + String.join("、", illegal));
        }
        if (!undrawable.isEmpty()) {
            problems.error(path, "含有字库无法显示的字符：" + String.join("、", undrawable)
                    + "；请改用常用写法或删去");
        }
    }

    /** Line breaks, tabs and spaces are layout, not glyphs. */
    private static boolean isLayout(char c) {
        return c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '\u3000' || c == '\u00A0';
    }

    private static boolean xmlLegal(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static String describe(int cp) {
        return String.format("U+%04X（%s）", cp, new String(Character.toChars(cp)));
    }
}
