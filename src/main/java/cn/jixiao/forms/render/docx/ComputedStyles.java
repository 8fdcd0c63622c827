package cn.jixiao.forms.render.docx;

import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.css.Border;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * What the DOCX reads of the cascade, as typed values: the one place on the DOCX side that names CSS
 * properties. Each value is built once per computed style of a render, and only where the DOCX maps it,
 * so that a value the DOCX does not read (a {@code width: calc(…)} on a table, say) cannot break it.
 */
final class ComputedStyles {
    private static final String DEFAULT_FONT_SIZE = "10.5pt";
    /** Lengths that are not font-relative by intent (heights, widths, border widths) resolve em against this. */
    private static final double NOMINAL_FONT_SIZE = 12;
    private static final Pattern NUMBER = Pattern.compile("[0-9.]+");
    private static final Pattern QUOTES = Pattern.compile("^[\"']|[\"']$");

    enum TextAlign { LEFT, CENTER, RIGHT, JUSTIFY }

    enum VerticalAlign { TOP, MIDDLE, BOTTOM }

    /** The keywords the DOCX tells apart; any other takes the default: left, middle, solid. */
    private static final Map<String, TextAlign> TEXT_ALIGN = Map.of("center", TextAlign.CENTER, "right", TextAlign.RIGHT,
            "justify", TextAlign.JUSTIFY);
    private static final Map<String, VerticalAlign> VERTICAL_ALIGN = Map.of("top", VerticalAlign.TOP, "bottom", VerticalAlign.BOTTOM);

    /**
     * How runs look: the family for the East Asian slot and the one for Latin text, size in points, weight,
     * and whether spaces, tabs and line breaks are kept as typed ({@code white-space: pre…}).
     */
    record RunStyle(String font, String latinFont, double size, boolean bold, boolean keepsWhiteSpace) {
    }

    /** A paragraph: its runs' style, alignment, exact line height in points (none: the font's own), keep with next. */
    record ParagraphStyle(RunStyle run, TextAlign align, OptionalDouble lineHeight, boolean keepWithNext) {
    }

    /** A cell's box: borders and paddings (points) top, right, bottom, left, and vertical alignment. */
    record CellStyle(Border top, Border right, Border bottom, Border left,
                     double paddingTop, double paddingRight, double paddingBottom, double paddingLeft,
                     VerticalAlign verticalAlign) {
    }

    /**
     * {@code page-break-before: always} ({@code before}) and {@code avoid} ({@code keepWithPrevious}),
     * {@code page-break-after: avoid} ({@code keepWithNext}), {@code page-break-inside: avoid} ({@code keepTogether}).
     */
    record PageBreaks(boolean before, boolean keepWithPrevious, boolean keepWithNext, boolean keepTogether) {
    }

    /** Space before and after a block, in points. */
    record Spacing(double before, double after) {
    }

    private final Cascade cascade;
    private final FontLibrary fonts;
    private final Map<Map<String, String>, RunStyle> runs = new IdentityHashMap<>();
    private final Map<Map<String, String>, ParagraphStyle> paragraphs = new IdentityHashMap<>();
    private final Map<Map<String, String>, CellStyle> cells = new IdentityHashMap<>();

    ComputedStyles(Cascade cascade, FontLibrary fonts) {
        this.cascade = cascade;
        this.fonts = fonts;
    }

    Cascade cascade() {
        return cascade;
    }

    /** The computed declarations of an element; they are the key to its typed styles. */
    Map<String, String> compute(Element element, Map<String, String> parent) {
        return cascade.compute(element, parent);
    }

    RunStyle run(Map<String, String> computed) {
        return runs.computeIfAbsent(computed, this::newRunStyle);
    }

    ParagraphStyle paragraph(Map<String, String> computed) {
        return paragraphs.computeIfAbsent(computed, this::newParagraphStyle);
    }

    CellStyle cell(Map<String, String> computed) {
        return cells.computeIfAbsent(computed, ComputedStyles::newCellStyle);
    }

    private RunStyle newRunStyle(Map<String, String> computed) {
        String font = family(computed.getOrDefault("font-family", ""));
        String latin = fonts.family(font).map(FontLibrary.Family::docxLatin).filter(s -> !s.isEmpty()).orElse(font);
        return new RunStyle(font, latin, fontSize(computed), isBold(computed.getOrDefault("font-weight", "normal")),
                computed.getOrDefault("white-space", "normal").startsWith("pre"));
    }

    private ParagraphStyle newParagraphStyle(Map<String, String> computed) {
        RunStyle run = run(computed);
        TextAlign align = TEXT_ALIGN.getOrDefault(computed.getOrDefault("text-align", "left"), TextAlign.LEFT);
        String lineHeight = computed.get("line-height");
        OptionalDouble exact = OptionalDouble.empty();
        if (lineHeight != null && !lineHeight.equals("normal")) {
            // A number is a multiple of the font size, as in CSS.
            exact = OptionalDouble.of(NUMBER.matcher(lineHeight).matches() ? Double.parseDouble(lineHeight) * run.size()
                    : Lengths.points(lineHeight, run.size()));
        }
        return new ParagraphStyle(run, align, exact, "avoid".equals(computed.get("page-break-after")));
    }

    private static CellStyle newCellStyle(Map<String, String> computed) {
        double fontSize = fontSize(computed);
        return new CellStyle(Border.of(computed, "top"), Border.of(computed, "right"), Border.of(computed, "bottom"), Border.of(computed, "left"),
                length(computed, "padding-top", fontSize), length(computed, "padding-right", fontSize),
                length(computed, "padding-bottom", fontSize), length(computed, "padding-left", fontSize),
                VERTICAL_ALIGN.getOrDefault(computed.getOrDefault("vertical-align", "middle"), VerticalAlign.MIDDLE));
    }

    static PageBreaks pageBreaks(Map<String, String> computed) {
        String before = computed.get("page-break-before");
        return new PageBreaks("always".equals(before), "avoid".equals(before), "avoid".equals(computed.get("page-break-after")),
                "avoid".equals(computed.get("page-break-inside")));
    }

    /** A paragraph's spacing: its margin and padding above and below. */
    static Spacing paragraphSpacing(Map<String, String> computed) {
        double fontSize = fontSize(computed);
        return new Spacing(length(computed, "margin-top", fontSize) + length(computed, "padding-top", fontSize),
                length(computed, "margin-bottom", fontSize) + length(computed, "padding-bottom", fontSize));
    }

    /** A container's margins above and below, which go to its first and last paragraph. */
    static Spacing containerMargins(Map<String, String> computed) {
        double fontSize = fontSize(computed);
        return new Spacing(length(computed, "margin-top", fontSize), length(computed, "margin-bottom", fontSize));
    }

    /** {@code height} of a row or cell, in points: a minimum. */
    static double height(Map<String, String> computed) {
        return length(computed, "height", NOMINAL_FONT_SIZE);
    }

    private static double fontSize(Map<String, String> computed) {
        return Lengths.points(computed.getOrDefault("font-size", DEFAULT_FONT_SIZE), NOMINAL_FONT_SIZE);
    }

    private static double length(Map<String, String> computed, String property, double fontSize) {
        return Lengths.points(computed.getOrDefault(property, "0"), fontSize);
    }

    /** The first family of a font-family list that the font library knows; the first one otherwise. */
    private String family(String fontFamily) {
        String first = null;
        for (String candidate : fontFamily.split(",")) {
            String name = QUOTES.matcher(candidate.trim()).replaceAll("");
            if (name.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = name;
            }
            if (fonts.family(name).isPresent()) {
                return name;
            }
        }
        return first == null ? "宋体" : first;
    }

    private static boolean isBold(String weight) {
        return weight.equals("bold") || weight.equals("bolder") || (weight.matches("\\d+") && Integer.parseInt(weight) >= 600);
    }
}
