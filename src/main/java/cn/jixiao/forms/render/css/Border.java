package cn.jixiao.forms.render.css;

import java.util.Locale;
import java.util.Map;

/** One side of a cell's border as the cascade computes it: its style, width in points and colour ({@code RRGGBB}). */
public record Border(Style style, double width, String color) {
    /** The styles the writers tell apart; any other solid. */
    public enum Style { NONE, SOLID, DASHED, DOTTED, DOUBLE }

    public static final Border NONE = new Border(Style.NONE, 0, "");
    /** Widths are lengths of the box, not of its text: em resolves against this. */
    private static final double NOMINAL_FONT_SIZE = 12;
    private static final Map<String, Style> STYLES = Map.of("dashed", Style.DASHED, "dotted", Style.DOTTED, "double", Style.DOUBLE);

    /** The border of {@code side} (top, right, bottom, left) of an element's computed declarations. */
    public static Border of(Map<String, String> computed, String side) {
        String[] keys = KEYS.get(side);
        String kind = computed.getOrDefault(keys[0], "none");
        if (kind.equals("none") || kind.equals("hidden")) {
            return NONE;
        }
        double width = Lengths.points(computed.getOrDefault(keys[1], "medium"), NOMINAL_FONT_SIZE);
        String color = computed.getOrDefault(keys[2], "#000000");
        return new Border(STYLES.getOrDefault(kind, Style.SOLID), width,
                color.startsWith("#") && color.length() == 7 ? color.substring(1).toUpperCase(Locale.ROOT) : "000000");
    }

    /** Each side's style, width and colour property: names made once, not for every cell. */
    private static final Map<String, String[]> KEYS = Map.of(
            "top", keys("top"), "right", keys("right"), "bottom", keys("bottom"), "left", keys("left"));

    private static String[] keys(String side) {
        return new String[] {"border-" + side + "-style", "border-" + side + "-width", "border-" + side + "-color"};
    }
}
