package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.DECIMAL;
import static cn.jixiao.forms.form.functions.Functions.INT;
import static cn.jixiao.forms.form.functions.Functions.STRING;
import static cn.jixiao.forms.form.functions.Functions.STRINGS;

import cn.jixiao.forms.form.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

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
