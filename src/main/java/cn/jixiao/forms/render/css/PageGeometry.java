package cn.jixiao.forms.render.css;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of an {@code @page} rule in points: its size (A3, A4, A5; portrait or landscape) and margins,
 * as both renderers and the page estimate read them.
 */
public record PageGeometry(double width, double height, boolean landscape, double top, double right, double bottom,
                           double left) {
    private static final Pattern PAGE_SIZE = Pattern.compile("(?i)\\b(A3|A4|A5)\\b");
    private static final String DEFAULT_MARGIN = "20mm";
    /** Margins are lengths of the page: em resolves against this, not against any text. */
    private static final double NOMINAL_FONT_SIZE = 12;

    public static PageGeometry of(Stylesheet.Page page) {
        Map<String, String> declarations = page.declarations();
        String size = declarations.getOrDefault("size", "A4 portrait");
        double widthMm = 210;
        double heightMm = 297;
        Matcher matcher = PAGE_SIZE.matcher(size);
        if (matcher.find()) {
            switch (matcher.group(1).toUpperCase(Locale.ROOT)) {
                case "A3" -> {
                    widthMm = 297;
                    heightMm = 420;
                }
                case "A5" -> {
                    widthMm = 148;
                    heightMm = 210;
                }
                default -> {
                }
            }
        }
        boolean landscape = size.toLowerCase(Locale.ROOT).contains("landscape");
        return new PageGeometry(Lengths.mm(landscape ? heightMm : widthMm), Lengths.mm(landscape ? widthMm : heightMm), landscape,
                margin(declarations, "top"), margin(declarations, "right"), margin(declarations, "bottom"), margin(declarations, "left"));
    }

    private static double margin(Map<String, String> declarations, String side) {
        return Lengths.points(declarations.getOrDefault("margin-" + side, DEFAULT_MARGIN), NOMINAL_FONT_SIZE);
    }

    /** The height left for the content of a page. */
    public double contentHeight() {
        return height - top - bottom;
    }
}
