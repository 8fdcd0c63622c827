package cn.jixiao.forms.excel;

import java.time.LocalDate;

/**
 * What one cell holds, as read by {@link CellContents}: its kind and the text it shows — cut to the field
 * limit when {@code cut}, {@code length} the whole text's characters — with its number (1 or 0 for TRUE or
 * FALSE) or date; a cell that cannot be read (a number written {@code INF}, a date that is none) is
 * {@link Kind#BROKEN}, {@code text} saying why.
 */
record CellContent(Kind kind, String text, int length, boolean cut, double number, LocalDate date, boolean percent) {
    enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR, BROKEN }

    static final CellContent BLANK = new CellContent(Kind.BLANK, "", 0, false, 0, null, false);

    static CellContent text(String text, int length, boolean cut) {
        return text.isEmpty() ? BLANK : new CellContent(Kind.TEXT, text, length, cut, 0, null, false);
    }

    /** A number and how the cell shows it; {@code percent}: shown as a percentage (86% for 0.86). */
    static CellContent number(double number, String shown, boolean percent) {
        return new CellContent(Kind.NUMBER, shown, shown.length(), false, number, null, percent);
    }

    static CellContent date(LocalDate date) {
        return new CellContent(Kind.DATE, date.toString(), 10, false, 0, date, false);
    }

    static CellContent bool(boolean value) {
        return new CellContent(Kind.BOOLEAN, value ? "TRUE" : "FALSE", value ? 4 : 5, false, value ? 1 : 0, null, false);
    }

    /** A formula's error, as Excel shows it: #DIV/0!, #N/A. */
    static CellContent error(String shown) {
        return new CellContent(Kind.ERROR, shown, shown.length(), false, 0, null, false);
    }

    static CellContent broken(String why) {
        return new CellContent(Kind.BROKEN, why, 0, false, 0, null, false);
    }

    /** What a person sees in the cell: nothing for one that cannot be read. */
    String shown() {
        return kind == Kind.BROKEN ? "" : text;
    }
}
