package cn.jixiao.forms.form.selfeval;

import cn.jixiao.forms.form.selfeval.SelfEvaluationForm.FundRow;
import cn.jixiao.forms.form.selfeval.SelfEvaluationForm.Funds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The 项目资金 block worked out: the 年度资金总额 row summed column by column, its 执行率 and the 资金 得分
 * (分值 × min(执行率, 100%)), exact decimals rounded to two places half up.
 *
 * @param total  年度资金总额: each column the sum of the three rows, null where all three are absent
 * @param weight 分值 of the block: as given, else {@link #DEFAULT_WEIGHT}
 */
record FundsBlock(FundRow total, BigDecimal weight) {
    static final BigDecimal DEFAULT_WEIGHT = BigDecimal.TEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static FundsBlock of(SelfEvaluationForm form) {
        Funds funds = form.funds();
        return new FundsBlock(new FundRow(
                sum(funds, FundRow::initialBudget),
                sum(funds, FundRow::annualBudget),
                sum(funds, FundRow::executed)),
                Objects.requireNonNullElse(form.executionWeight(), DEFAULT_WEIGHT));
    }

    private static BigDecimal sum(Funds funds, Function<FundRow, BigDecimal> column) {
        return Stream.of(funds.fiscal(), funds.carryOver(), funds.other())
                .filter(Objects::nonNull).map(column).filter(Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
    }

    /** Whether 执行率 can be worked out: a 全年预算数 above zero and a 全年执行数. */
    boolean computable() {
        return total.annualBudget() != null && total.annualBudget().signum() > 0 && total.executed() != null;
    }

    /** 全年执行数 ÷ 全年预算数 × 100 of the 年度资金总额 row. */
    Optional<BigDecimal> rate() {
        return computable()
                ? Optional.of(total.executed().multiply(HUNDRED).divide(total.annualBudget(), 2, RoundingMode.HALF_UP))
                : Optional.empty();
    }

    /** 分值 × min(全年执行数 ÷ 全年预算数, 1). */
    Optional<BigDecimal> score() {
        if (!computable()) {
            return Optional.empty();
        }
        if (overspent()) {
            return Optional.of(weight.setScale(2, RoundingMode.HALF_UP));
        }
        return Optional.of(weight.multiply(total.executed()).divide(total.annualBudget(), 2, RoundingMode.HALF_UP));
    }

    boolean overspent() {
        return computable() && total.executed().compareTo(total.annualBudget()) > 0;
    }

    /** How {@link #rate} was reached, for messages: {@code 37.24 ÷ 43.2 × 100 = 86.20}. */
    String rateWorking() {
        return total.executed().toPlainString() + " ÷ " + total.annualBudget().toPlainString() + " × 100 = "
                + rate().orElseThrow().toPlainString();
    }

    /** How {@link #score} was reached, for messages: {@code 10 × 37.24 ÷ 43.2 = 8.62}. */
    String scoreWorking() {
        String score = score().orElseThrow().toPlainString();
        if (overspent()) {
            return "执行率超过 100%，按 100% 计：" + weight.toPlainString() + " × 100% = " + score;
        }
        return weight.toPlainString() + " × " + total.executed().toPlainString() + " ÷ "
                + total.annualBudget().toPlainString() + " = " + score;
    }
}
