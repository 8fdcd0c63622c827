package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.indicator.IndicatorValue.Kind;
import cn.jixiao.forms.form.indicator.IndicatorValue.Operator;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the free text of an indicator value into an {@link IndicatorValue}; see there for what it finds. */
final class ValueReader {
    private static final Map<String, Operator> OPERATORS = Map.ofEntries(
            Map.entry("≥", Operator.AT_LEAST), Map.entry("≧", Operator.AT_LEAST), Map.entry(">=", Operator.AT_LEAST),
            Map.entry("=>", Operator.AT_LEAST), Map.entry("大于等于", Operator.AT_LEAST), Map.entry("不少于", Operator.AT_LEAST),
            Map.entry("不低于", Operator.AT_LEAST), Map.entry("不小于", Operator.AT_LEAST), Map.entry("至少", Operator.AT_LEAST),
            Map.entry("达到", Operator.AT_LEAST), Map.entry("达", Operator.AT_LEAST), Map.entry("达至", Operator.AT_LEAST),
            Map.entry(">", Operator.MORE_THAN), Map.entry("大于", Operator.MORE_THAN), Map.entry("高于", Operator.MORE_THAN),
            Map.entry("超过", Operator.MORE_THAN), Map.entry("多于", Operator.MORE_THAN),
            Map.entry("≤", Operator.AT_MOST), Map.entry("≦", Operator.AT_MOST), Map.entry("<=", Operator.AT_MOST),
            Map.entry("=<", Operator.AT_MOST), Map.entry("小于等于", Operator.AT_MOST), Map.entry("不超过", Operator.AT_MOST),
            Map.entry("不高于", Operator.AT_MOST), Map.entry("不大于", Operator.AT_MOST), Map.entry("不多于", Operator.AT_MOST),
            Map.entry("至多", Operator.AT_MOST), Map.entry("最多", Operator.AT_MOST),
            Map.entry("<", Operator.LESS_THAN), Map.entry("小于", Operator.LESS_THAN), Map.entry("低于", Operator.LESS_THAN),
            Map.entry("少于", Operator.LESS_THAN),
            Map.entry("=", Operator.EQUAL), Map.entry("等于", Operator.EQUAL));

    private static final String NUMBER = "\\d+(?:,\\d{3})*(?:\\.\\d+)?";
    /** The comparisons, longest first, so that 大于等于 wins over 大于. */
    private static final List<String> OPERATOR_SPELLINGS = OPERATORS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    /** A quantity, anchored on its number (the comparison before it is looked up backwards); 个工作日 wins over 个. */
    private static final Pattern VALUE = Pattern.compile(
            "(?<n>" + NUMBER + ")\\s*(?:(?:~|-|—|至|到)\\s*(?<m>" + NUMBER + "))?\\s*"
                    + "(?<scale>万|亿)?"
                    + "(?<unit>" + alternatives(Units.SPELLINGS.keySet().toArray(String[]::new)) + ")?"
                    + "(?<per>/(?:年|月|日|天|周|季度|人|次|户))?"
                    + "(?<base>/\\s*\\d*\\s*(?:万|千|百|亿)\\s*(?:人口|人|例|户)?)?\\s*"
                    + "(?<after>及以上|及以下|以上|以下|以内|之内)?");
    /** How many of what 万 and 亿 stand for, before a unit that is no money. */
    private static final Map<String, BigDecimal> SCALES = Map.of("万", new BigDecimal(10_000), "亿", new BigDecimal(100_000_000));
    private static final Pattern DATE = Pattern.compile(
            "(1[89]|2[01])\\d{2}\\s*年\\s*\\d{1,2}\\s*月|(1[89]|2[01])\\d{2}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\s*月\\s*(\\d{1,2}\\s*日|底|末|[上中下]旬|前|以前|之前)"
                    + "|年底|年末|年内|年中|上半年|下半年|季度末|月底|月末|当月|当季");

    private static final Pattern YEAR = Pattern.compile("(1[89]|2[01])\\d{2}");
    /**
     * Words that join the words a value leads with to its comparison or number and say nothing of their own: 合格率为
     * 100%, 满意度保持在90%以上, 投诉率控制在5%以内, 覆盖率应达到100%.
     */
    private static final Pattern JOINING = Pattern.compile("(?:在|为|是|应|须|需|需要|要|要求|保持|控制|维持|稳定|确保|力争|争取)+$");
    private static final Pattern EDGES = Pattern.compile("^[\\s:：,，、;；]+|[\\s:：,，、;；。.]+$");

    private ValueReader() {
    }

    private static String alternatives(String[] spellings) {
        Arrays.sort(spellings, (a, b) -> b.length() - a.length());
        StringBuilder pattern = new StringBuilder();
        for (String spelling : spellings) {
            pattern.append(pattern.length() == 0 ? "" : "|").append(Pattern.quote(spelling));
        }
        return pattern.toString();
    }

    static IndicatorValue read(String written) {
        String text = written == null ? "" : written;
        if (text.isBlank()) {
            return new IndicatorValue(Kind.EMPTY, Operator.NONE, null, null, "", "", "", "", text);
        }
        // Full-width digits, signs and ％ read as their ASCII forms; ㎡ and m² as m2.
        String normal = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).replace('～', '~');
        Found number = number(normal, text);
        Matcher date = DATE.matcher(normal);
        // A date is what the value says, unless it only leads the words before a share or a comparison (上半年完成率≥50%).
        if (date.find() && (number == null || date.end() > number.start()
                || number.value().operator() == Operator.NONE && !Units.isShare(number.value().unit()))) {
            return new IndicatorValue(Kind.DATE, Operator.NONE, null, null, "", "", "", "", text);
        }
        return number != null ? number.value() : new IndicatorValue(Kind.QUALITATIVE, Operator.NONE, null, null, "", "", "", "", text);
    }

    /** A number read, and where its comparison (or the number, without one) starts in the text. */
    private record Found(IndicatorValue value, int start) {
    }

    /**
     * The quantity the value states: the first number that a comparison leads (3号楼满意度≥90% is about 90), else the
     * first number that is no year; null when there is none.
     */
    private static Found number(String normal, String text) {
        Matcher value = VALUE.matcher(normal);
        Found first = null;
        while (value.find()) {
            String before = normal.substring(0, value.start()).stripTrailing();
            String comparison = OPERATOR_SPELLINGS.stream().filter(before::endsWith).findFirst().orElse(null);
            if (isYear(value.group("n"), unitOf(value)) && comparison == null) {
                continue; // 2021年… names a year, it is no quantity
            }
            Found found = new Found(quantity(value, normal, text, before, comparison),
                    comparison == null ? value.start() : before.length() - comparison.length());
            if (comparison != null) {
                return found;
            }
            if (first == null) {
                first = found;
            }
        }
        return first;
    }

    private static String unitOf(Matcher value) {
        return value.group("unit") == null ? "" : Units.SPELLINGS.get(value.group("unit"));
    }

    /** The number found, with its unit, scale, rate base and comparison, and the words around it. */
    private static IndicatorValue quantity(Matcher value, String normal, String text, String before, String comparison) {
        String unitAsWritten = value.group("unit") == null ? "" : value.group("unit");
        String unit = unitOf(value);
        if (value.group("per") != null && !unit.isEmpty()) {
            unit = unit + value.group("per");
            unitAsWritten = unitAsWritten + value.group("per");
        }
        BigDecimal scale = BigDecimal.ONE;
        if (value.group("scale") != null) {
            // 120万元 is an amount in 万元; 1.2万人次 is 12,000 人次
            if (unit.equals("元")) {
                unit = value.group("scale") + "元";
                unitAsWritten = value.group("scale") + unitAsWritten;
            } else {
                scale = SCALES.get(value.group("scale"));
            }
        }
        if (value.group("base") != null) {
            // a rate per 10万 (≤250/10万) is no percentage
            String base = value.group("base").replaceAll("\\s", "");
            unit = unit + base;
            unitAsWritten = unitAsWritten + base;
        }
        Operator operator = comparison != null ? OPERATORS.get(comparison) : after(value.group("after"));
        BigDecimal number = scaled(value.group("n"), scale);
        BigDecimal upper = value.group("m") == null ? null : scaled(value.group("m"), scale);
        String words = trim(comparison == null ? before : before.substring(0, before.length() - comparison.length()));
        String prefix = trim(JOINING.matcher(words).replaceFirst(""));
        String suffix = trim(normal.substring(value.end()));
        return new IndicatorValue(upper == null ? Kind.NUMBER : Kind.RANGE, operator, number, upper, unit, unitAsWritten,
                prefix, suffix, text);
    }

    /** Whether words mention a date or a part of the year: 上半年, 年底前, 2024年12月. */
    static boolean mentionsDate(String words) {
        return DATE.matcher(words).find();
    }

    /** The number times its scale, written without an exponent: 1.2万 is 12000. */
    private static BigDecimal scaled(String digits, BigDecimal scale) {
        BigDecimal number = new BigDecimal(digits.replace(",", ""));
        if (scale.equals(BigDecimal.ONE)) {
            return number;
        }
        BigDecimal product = number.multiply(scale).stripTrailingZeros();
        return product.scale() < 0 ? product.setScale(0) : product;
    }

    private static boolean isYear(String number, String unit) {
        return unit.equals("年") && YEAR.matcher(number).matches();
    }

    private static Operator after(String word) {
        if (word == null) {
            return Operator.NONE;
        }
        return word.endsWith("以上") ? Operator.AT_LEAST : Operator.AT_MOST;
    }

    private static String trim(String words) {
        return EDGES.matcher(words).replaceAll("");
    }
}
