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
        int width = Math.max(1, widthInCharacters * 9 / 10 - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int characters = paragraph.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
            lines += Math.max(1, (characters + width - 1) / width);
        }
        return lines;
    }
}
