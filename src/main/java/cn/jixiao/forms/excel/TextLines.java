package cn.jixiao.forms.excel;

/**
 * How many lines a text takes in a column of a width in characters, and how tall a row of them is: the row
 * height a spreadsheet program does not work out by itself for a merged cell, nor for a file it did not lay out.
 */
final class TextLines {
    /** A line of 11 pt CJK text, with the line spacing of the CJK fonts office programs fall back to. */
    private static final float LINE_POINTS = 18;

    private TextLines() {
    }

    /** The height in points of a row of {@code lines} lines; 409 at most, as Excel allows. */
    static float height(int lines) {
        return Math.min(409, Math.max(1, lines) * LINE_POINTS + 4);
    }

    static int count(String text, int widthInCharacters) {
        return count(text, (long) Math.max(1, widthInCharacters * 9 / 10 - 1));
    }

    /** Lines of text of {@code fontPoints} in a width of {@code widthPoints}: a CJK character is as wide as the font is tall. */
    static int count(String text, double widthPoints, double fontPoints) {
        return count(text, (long) Math.max(2, Math.floor(widthPoints / (fontPoints / 2))));
    }

    /** The height in points of {@code lines} lines {@code linePoints} apart. */
    static double height(int lines, double linePoints) {
        return Math.max(1, lines) * linePoints;
    }

    /** The width in points a line of text of {@code fontPoints} takes. */
    static double width(String text, double fontPoints) {
        return halfWidths(text) * fontPoints / 2;
    }

    /** Lines of a text in lines of {@code halves} half-width characters. */
    private static int count(String text, long halves) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += (int) Math.max(1, (halfWidths(paragraph) + halves - 1) / halves);
        }
        return lines;
    }

    /** A CJK character counts two, any other one. */
    private static long halfWidths(String text) {
        return text.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
    }
}
