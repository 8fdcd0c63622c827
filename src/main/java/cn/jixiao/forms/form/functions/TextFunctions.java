package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.INT;
import static cn.jixiao.forms.form.functions.Functions.STRING;
import static cn.jixiao.forms.form.functions.Functions.STRINGS;

import cn.jixiao.forms.form.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import dev.cel.common.types.ListType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Figures and dates as the forms print them, and user text quoted in messages. */
final class TextFunctions {
    /** How many characters a line break stands for, when a row's text is weighed against the room on a page. */
    private static final int LINE_BREAK = 10;

    private TextFunctions() {
    }

    static void register(Functions f) {
        f.unary("points", "points_decimal", STRING, DECIMAL, Decimal.class, a -> points(a.value()));
        f.binary("fixed", "fixed_decimal_int", STRING, DECIMAL, Decimal.class, INT, Long.class,
                (a, places) -> a.value().setScale(places.intValue(), RoundingMode.HALF_UP).toPlainString());
        f.unary("chineseDate", "chinese_date", STRING, STRING, String.class, TextFunctions::chineseDate);
        f.unary("year", "year_of_date", INT, STRING, String.class, date -> (long) LocalDate.parse(date).getYear());
        f.unary("quote", "quote_text", STRING, STRING, String.class, Problems::quote);
        f.member("numbered", "numbered_strings", STRING, Functions.types(STRINGS), List.of(List.class), args -> numbered(args[0]));
        f.member("textWeight", "text_weight", INT, Functions.types(STRINGS), List.of(List.class), args -> weight(args[0]));
        f.member("pieces", "pieces_strings_ints", ListType.create(STRINGS), Functions.types(STRINGS, ListType.create(INT)),
                List.of(List.class, List.class), args -> pieces(args[0], args[1]));
    }

    /** Points without a decimal when whole: {@code 50}, {@code 12.5}. */
    static String points(BigDecimal points) {
        return points.signum() == 0 ? "0" : points.stripTrailingZeros().toPlainString();
    }

    /** {@code 2021-09-10} → {@code 2021年9月10日}. */
    static String chineseDate(String iso) {
        LocalDate date = LocalDate.parse(iso);
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code ["a", "b"]} → {@code 1、a2、b}: items numbered as the target table numbers its indicators. */
    @SuppressWarnings("unchecked")
    private static String numbered(Object list) {
        StringBuilder text = new StringBuilder();
        List<String> items = (List<String>) list;
        for (int i = 0; i < items.size(); i++) {
            text.append(i + 1).append('、').append(items.get(i));
        }
        return text.toString();
    }

    /** Where a text is best cut between pieces: after a sentence, or a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？!?\\n])");
    /** Where a sentence too long for a piece is cut: after a clause. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[；;])");

    /**
     * The texts of a row's cells, each cut into pieces of at most its weight (a cell's room on a page), at sentence
     * ends where it can: one list of cell texts per piece, as many pieces as the longest text needs ("" where a
     * text has run out). A row short enough is one piece of its texts as they are.
     */
    @SuppressWarnings("unchecked")
    static List<List<String>> pieces(Object texts, Object weights) {
        List<String> cells = (List<String>) texts;
        List<Long> room = (List<Long>) weights;
        List<List<String>> columns = new ArrayList<>();
        int count = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> cut = cut(cells.get(i), Math.max(1, i < room.size() ? room.get(i) : Long.MAX_VALUE));
            columns.add(cut);
            count = Math.max(count, cut.size());
        }
        List<List<String>> pieces = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<String> piece = new ArrayList<>();
            for (List<String> column : columns) {
                piece.add(k < column.size() ? column.get(k) : "");
            }
            pieces.add(piece);
        }
        return pieces;
    }

    /**
     * One text in pieces of at most {@code room}: whole sentences where they fit, a sentence longer than that cut
     * after its clauses, a clause longer than that cut where the room ends.
     */
    private static List<String> cut(String text, long room) {
        List<String> parts = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            parts.addAll(weight(List.of(sentence)) <= room ? List.of(sentence) : List.of(CLAUSE_END.split(sentence)));
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String part : parts) {
            String rest = part;
            while (!rest.isEmpty()) {
                if (piece.length() > 0 && weight(List.of(piece + rest)) > room) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
                int fits = fitting(rest, room);
                piece.append(rest, 0, fits);
                rest = rest.substring(fits);
            }
        }
        if (piece.length() > 0 || pieces.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** How many characters of a text starting a piece fit in {@code room}: all, or as many as weigh no more. */
    private static int fitting(String text, long room) {
        if (weight(List.of(text)) <= room) {
            return text.length();
        }
        int end = 0;
        long used = 0;
        while (end < text.length()) {
            long next = text.charAt(end) == '\n' ? LINE_BREAK : 1;
            if (used + next > room && end > 0) {
                break;
            }
            used += next;
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    /** Characters of the texts, each line break counted as {@value #LINE_BREAK}: how much room they take. */
    @SuppressWarnings("unchecked")
    private static long weight(Object list) {
        long size = 0;
        for (String text : (List<String>) list) {
            size += text.length() + (LINE_BREAK - 1) * text.chars().filter(c -> c == '\n').count();
        }
        return size;
    }
}
