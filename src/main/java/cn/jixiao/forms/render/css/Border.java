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
        String kind = computed.getOrDefault("border-" + side + "-style", "none");
        if (kind.equals("none") || kind.equals("hidden")) {
            return NONE;
        }
        double width = Lengths.points(computed.getOrDefault("border-" + side + "-width", "medium"), NOMINAL_FONT_SIZE);
        String color = computed.getOrDefault("border-" + side + "-color", "#000000");
        return new Border(STYLES.getOrDefault(kind, Style.SOLID), width,
                color.startsWith("#") && color.length() == 7 ? color.substring(1).toUpperCase(Locale.ROOT) : "000000");
    }
}
