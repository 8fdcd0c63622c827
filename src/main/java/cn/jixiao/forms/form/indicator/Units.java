package cn.jixiao.forms.form.indicator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The units indicator values are written in, each with its canonical spelling, longest spellings first. */
public final class Units {
    /** Spelling → canonical unit. */
    static final Map<String, String> SPELLINGS = new LinkedHashMap<>();
    private static final Set<String> TIME = Set.of("天", "个工作日", "小时", "分钟", "秒", "周", "个月", "年");
    private static final Map<String, BigDecimal> YUAN = Map.of("元", BigDecimal.ONE, "千元", new BigDecimal(1000),
            "万元", new BigDecimal(10_000), "亿元", new BigDecimal(100_000_000));

    static {
        for (String[] unit : List.of(
                new String[]{"个工作日", "个工作日"}, new String[]{"工作日", "个工作日"},
                new String[]{"平方米", "平方米"}, new String[]{"平米", "平方米"}, new String[]{"m2", "平方米"},
                new String[]{"百分比", "%"}, new String[]{"百分点", "%"}, new String[]{"%", "%"}, new String[]{"‰", "‰"},
                new String[]{"万元", "万元"}, new String[]{"亿元", "亿元"}, new String[]{"千元", "千元"}, new String[]{"元", "元"},
                new String[]{"人次", "人次"}, new String[]{"批次", "批次"}, new String[]{"分钟", "分钟"}, new String[]{"小时", "小时"},
                new String[]{"个月", "个月"}, new String[]{"公里", "公里"}, new String[]{"千米", "公里"}, new String[]{"课时", "课时"},
                new String[]{"个", "个"}, new String[]{"人", "人"}, new String[]{"台", "台"}, new String[]{"辆", "辆"},
                new String[]{"次", "次"}, new String[]{"场", "场"}, new String[]{"项", "项"}, new String[]{"家", "家"},
                new String[]{"天", "天"}, new String[]{"日", "天"}, new String[]{"秒", "秒"}, new String[]{"名", "名"},
                new String[]{"套", "套"}, new String[]{"件", "件"}, new String[]{"份", "份"}, new String[]{"所", "所"},
                new String[]{"间", "间"}, new String[]{"张", "张"}, new String[]{"篇", "篇"}, new String[]{"周", "周"},
                new String[]{"年", "年"}, new String[]{"吨", "吨"}, new String[]{"亩", "亩"}, new String[]{"户", "户"},
                new String[]{"册", "册"}, new String[]{"期", "期"}, new String[]{"床", "床"}, new String[]{"例", "例"},
                new String[]{"分", "分"}, new String[]{"级", "级"}, new String[]{"座", "座"}, new String[]{"条", "条"},
                new String[]{"km", "公里"}, new String[]{"米", "米"})) {
            SPELLINGS.put(unit[0], unit[1]);
        }
    }

    /** A count per a number of people or cases: 例/10万, /万人口. */
    private static final Pattern PER_BASE = Pattern.compile(".*/\\d*(万|千|百|亿).*");

    private Units() {
    }

    /** A share of a whole written as such: per cent, per mille, or per 10万 (≤250/10万). */
    static boolean isShare(String unit) {
        return unit.equals("%") || unit.equals("‰") || PER_BASE.matcher(unit).matches();
    }

    static boolean isTime(String unit) {
        return TIME.contains(unit);
    }

    static String dimension(String unit) {
        if (YUAN.containsKey(unit)) {
            return "元";
        }
        if (TIME.contains(unit)) {
            return "时间";
        }
        return unit;
    }

    /** Money, also per something: 元, 万元, 万元/年, 元/人. */
    static boolean isMoney(String unit) {
        int per = unit.indexOf('/');
        return YUAN.containsKey(per < 0 ? unit : unit.substring(0, per));
    }

    public static Optional<BigDecimal> toYuan(BigDecimal number, String unit) {
        BigDecimal factor = YUAN.get(unit);
        return factor == null ? Optional.empty() : Optional.of(number.multiply(factor));
    }
}
