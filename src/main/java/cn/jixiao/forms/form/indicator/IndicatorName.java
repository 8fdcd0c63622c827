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

    /**
     * Shares that cannot pass 100 % even when done beyond plan (a 完成率 or 使用率 can: 110 % of the plan, beds used
     * by more than one patient a day): what passed, was covered, was known, was satisfied, was on time.
     */
    private static final Pattern BOUNDED_SHARE = Pattern.compile(
            "(合格|通过|覆盖|达标|知晓|满意|及时|准确|正确|合规|完好|参保|接种|普及|验收|治愈|好评)(率|度)$");

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

    /** A share of a whole that nothing done beyond plan can take past 100 % (合格率, 覆盖率, 满意度 …). */
    static boolean isBoundedShare(String name) {
        return BOUNDED_SHARE.matcher(withoutRemarks(name)).find() && !mayExceedHundred(name);
    }

    static boolean isBudgetInput(String name) {
        return BUDGET_INPUT.matcher(name).find();
    }

    private static String withoutRemarks(String name) {
        return REMARKS.matcher(name.strip()).replaceFirst("");
    }
}
