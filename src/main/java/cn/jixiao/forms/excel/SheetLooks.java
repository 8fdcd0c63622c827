package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.css.Border;
import cn.jixiao.forms.render.css.Lengths;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of a printed layout, from the CSS the PDF is drawn with: font size and weight, alignment, and
 * each side's border; one style for each look and number format, made once.
 */
final class SheetLooks {
    /** The height of a line of {@code line-height: normal}, as a multiple of the font size: the forms' own 1.35. */
    private static final double NORMAL_LINE = 1.35;
    /** Lengths that are not of text resolve em against this. */
    private static final double NOMINAL_FONT_SIZE = 12;

    /**
     * How a cell looks: its text, alignment, the border of each side, and the padding of its sides in points (for
     * measuring its text: the sheet's cells have none of their own).
     */
    record Look(String font, double fontPoints, double linePoints, boolean bold, HorizontalAlignment horizontal,
                VerticalAlignment vertical, BorderStyle top, BorderStyle right, BorderStyle bottom, BorderStyle left, double[] padding) {
        /**
         * The look of a piece of a cell that lies on only the edges given: their borders and padding, none on the others
         * (a cell split into rows has its top padding on its first row, its bottom padding on its last).
         */
        Look sides(boolean hasTop, boolean hasRight, boolean hasBottom, boolean hasLeft) {
            return new Look(font, fontPoints, linePoints, bold, horizontal, vertical, hasTop ? top : BorderStyle.NONE,
                    hasRight ? right : BorderStyle.NONE, hasBottom ? bottom : BorderStyle.NONE, hasLeft ? left : BorderStyle.NONE,
                    new double[] {hasTop ? padding[0] : 0, hasRight ? padding[1] : 0, hasBottom ? padding[2] : 0, hasLeft ? padding[3] : 0});
        }

        /** Padding left and right. */
        double paddingX() {
            return padding[1] + padding[3];
        }

        /** Padding above and below. */
        double paddingY() {
            return padding[0] + padding[2];
        }
    }

    /** What tells styles apart: the look but for its padding, the number format, the quote prefix. */
    private record Key(String font, double fontPoints, boolean bold, HorizontalAlignment horizontal, VerticalAlignment vertical,
                       BorderStyle top, BorderStyle right, BorderStyle bottom, BorderStyle left, short format, boolean quoted) {
    }

    private record FontKey(String name, double points, boolean bold) {
    }

    private final Workbook workbook;
    private final Map<Key, CellStyle> styles = new HashMap<>();
    private final Map<FontKey, Font> fonts = new HashMap<>();

    SheetLooks(Workbook workbook) {
        this.workbook = workbook;
    }

    /** The look of an element's computed declarations. */
    static Look of(Map<String, String> computed) {
        double size = Lengths.points(computed.getOrDefault("font-size", "10.5pt"), NOMINAL_FONT_SIZE);
        String weight = computed.getOrDefault("font-weight", "normal");
        boolean bold = weight.equals("bold") || weight.equals("bolder") || weight.matches("[6-9]00");
        HorizontalAlignment horizontal = switch (computed.getOrDefault("text-align", "left")) {
            case "center" -> HorizontalAlignment.CENTER;
            case "right" -> HorizontalAlignment.RIGHT;
            default -> HorizontalAlignment.LEFT;
        };
        VerticalAlignment vertical = switch (computed.getOrDefault("vertical-align", "middle")) {
            case "top" -> VerticalAlignment.TOP;
            case "bottom" -> VerticalAlignment.BOTTOM;
            default -> VerticalAlignment.CENTER;
        };
        String family = computed.getOrDefault("font-family", "宋体").split(",")[0].replaceAll("[\"']", "").strip();
        String lineHeight = computed.getOrDefault("line-height", "normal");
        double line = lineHeight.equals("normal") ? size * NORMAL_LINE
                : lineHeight.matches("[0-9.]+") ? size * Double.parseDouble(lineHeight) : Lengths.points(lineHeight, size);
        return new Look(family.isEmpty() ? "宋体" : family, size, line, bold, horizontal, vertical, border(computed, "top"),
                border(computed, "right"), border(computed, "bottom"), border(computed, "left"),
                new double[] {length(computed, "padding-top", size), length(computed, "padding-right", size),
                        length(computed, "padding-bottom", size), length(computed, "padding-left", size)});
    }

    private static double length(Map<String, String> computed, String property, double fontSize) {
        return Lengths.points(computed.getOrDefault(property, "0"), fontSize);
    }

    private static BorderStyle border(Map<String, String> computed, String side) {
        Border border = Border.of(computed, side);
        return switch (border.style()) {
            case NONE -> BorderStyle.NONE;
            case DASHED -> BorderStyle.DASHED;
            case DOTTED -> BorderStyle.DOTTED;
            case DOUBLE -> BorderStyle.DOUBLE;
            case SOLID -> border.width() <= 0.75 ? BorderStyle.THIN : border.width() <= 1.5 ? BorderStyle.MEDIUM : BorderStyle.THICK;
        };
    }

    /** The style of a look showing values in the number format {@code format}, quote-prefixed or not (see {@link CellStyles#text}). */
    CellStyle style(Look look, short format, boolean quoted) {
        Key key = new Key(look.font(), look.fontPoints(), look.bold(), look.horizontal(), look.vertical(), look.top(), look.right(),
                look.bottom(), look.left(), format, quoted);
        return styles.computeIfAbsent(key, k -> {
            CellStyle style = workbook.createCellStyle();
            style.setFont(fonts.computeIfAbsent(new FontKey(look.font(), look.fontPoints(), look.bold()), this::font));
            style.setAlignment(look.horizontal());
            style.setVerticalAlignment(look.vertical());
            style.setWrapText(true);
            style.setBorderTop(look.top());
            style.setBorderRight(look.right());
            style.setBorderBottom(look.bottom());
            style.setBorderLeft(look.left());
            style.setDataFormat(format);
            style.setQuotePrefixed(quoted);
            return style;
        });
    }

    private Font font(FontKey key) {
        Font font = workbook.createFont();
        font.setFontName(key.name());
        font.setFontHeight((short) Math.round(key.points() * 20));
        font.setBold(key.bold());
        return font;
    }
}
