package cn.jixiao.forms.form.indicator;

import java.util.regex.Pattern;

/** What the 三级 name of an indicator says about the values it takes. */
final class IndicatorName {
    /** Closing remarks such as （%） or （实际采购金额/文件规定的配置标准金额）. */
    private static final Pattern REMARKS = Pattern.compile("(\\s*[（(][^（()）]*[）)])+\\s*$");
    private static final Pattern SHARE = Pattern.compile(".*(率|比例|占比)$");
    /** Names ending in 率 that are no share of a whole: 工作效率 is no percentage. */
    private static final Pattern NOT_A_SHARE = Pattern.compile(".*(效率|频率|功率|速率|汇率)$");
    /** A growth can exceed 100 %: 门诊量增长率 200%. */
    private static final Pattern GROWTH = Pattern.compile("增长|增幅|增速");
    /** How much of the money arrived or was spent: the budget's execution, not what the project achieved. */
    private static final Pattern BUDGET_INPUT = Pattern.compile(
            "(预算|资金|经费)(执行|到位|拨付|支付|支出|使用|完成)(率|进度|比例)|拨付率|拨付进度");

    private IndicatorName() {
    }

    /** A 率 or 比例 indicator, whose values are percentages. */
    static boolean isRate(String name) {
        String core = withoutRemarks(name);
        return SHARE.matcher(core).matches() && !NOT_A_SHARE.matcher(core).matches();
    }

    static boolean mayExceedHundred(String name) {
        return GROWTH.matcher(name).find();
    }

    static boolean isBudgetInput(String name) {
        return BUDGET_INPUT.matcher(name).find();
    }

    private static String withoutRemarks(String name) {
        return REMARKS.matcher(name.strip()).replaceFirst("");
    }
}
