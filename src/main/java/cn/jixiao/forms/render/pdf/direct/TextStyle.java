package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.css.Lengths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the layout reads of an element's computed style to set its text; {@code family} the {@code font-family} as
 * written, by which a style's faces are looked up ({@link TextFaces}), {@code families} its names.
 */
record TextStyle(String family, List<String> families, boolean bold, float size, float lineHeight, String align, boolean preWrap) {

    /** Styles by the computed declarations they are read from: the cascade hands out the same few maps. */
    private static final Map<Map<String, String>, TextStyle> KNOWN = new ConcurrentHashMap<>();
    private static final int MOST_KNOWN = 4096;

    static TextStyle of(Map<String, String> computed) {
        TextStyle known = KNOWN.get(computed);
        if (known != null) {
            return known;
        }
        TextStyle style = read(computed);
        if (KNOWN.size() < MOST_KNOWN) {
            KNOWN.put(computed, style);
        }
        return style;
    }

    private static TextStyle read(Map<String, String> computed) {
        float size = (float) Lengths.points(computed.getOrDefault("font-size", "12pt"), 12);
        String weight = computed.getOrDefault("font-weight", "normal");
        boolean bold = weight.equals("bold") || weight.equals("bolder") || (Character.isDigit(weight.charAt(0)) && Integer.parseInt(weight) >= 600);
        String family = computed.getOrDefault("font-family", "serif");
        return new TextStyle(family, List.copyOf(families(family)), bold, size,
                lineHeight(computed.getOrDefault("line-height", "normal"), size),
                computed.getOrDefault("text-align", "left"), computed.getOrDefault("white-space", "normal").startsWith("pre"));
    }

    /** The line height in points; 0 for {@code normal}, the face's own ascent and descent. */
    private static float lineHeight(String value, float size) {
        if (value.equals("normal")) {
            return 0;
        }
        boolean bare = value.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        return bare ? Float.parseFloat(value) * size : (float) Lengths.points(value, size);
    }

    private static List<String> families(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            names.add(name.trim().replace("\"", "").replace("'", ""));
        }
        return names;
    }
}
