package cn.jixiao.forms.excel;

/**
 * How many lines a text takes in a column of a width in characters: the row height a spreadsheet program
 * does not work out by itself for a merged cell, nor for a file it did not lay out.
 */
final class TextLines {
    private TextLines() {
    }

    static int count(String text, int widthInCharacters) {
        int width = Math.max(1, widthInCharacters - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int characters = paragraph.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
            lines += Math.max(1, (characters + width - 1) / width);
        }
        return lines;
    }
}
