package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Amounts;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the checks know of the project an indicator belongs to.
 *
 * @param name           the project's name, quoted in messages
 * @param indicatorsPath the JSON pointer of its list of indicators, where a warning about the list is placed
 * @param budget         its budget, when the form states one that is not zero
 */
public record ProjectContext(String name, String indicatorsPath, Optional<Budget> budget) {

    /**
     * A project's budget as its form states it, e.g. 总计 239.20 万元 or 当年预算数 4,050,000.00 元.
     *
     * @param label  the form's name for the figure
     * @param amount the figure
     * @param unit   元, 万元 or 亿元
     */
    public record Budget(String label, BigDecimal amount, String unit) {

        public Budget {
            if (Units.toYuan(amount, unit).isEmpty()) {
                throw new IllegalArgumentException("a budget is in 元, 万元 or 亿元, not " + unit);
            }
        }

        BigDecimal inYuan() {
            return Units.toYuan(amount, unit).orElseThrow();
        }

        /** As a message names it: 总计 239.20 万元. */
        String printed() {
            return label + " " + Amounts.format(amount) + " " + unit;
        }

        /** The budget as a ceiling written the way an indicator value is: ≤239.20万元. */
        String asCeiling() {
            return "≤" + Amounts.format(amount) + unit;
        }
    }
}
