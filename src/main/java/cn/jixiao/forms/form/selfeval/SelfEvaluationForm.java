package cn.jixiao.forms.form.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One project's 项目支出绩效自评表, as the client sent it. Amounts in 万元. {@code executionRate} and
 * {@code fundsScore} are the figures the unit itself stated for the 资金 block, printed as given.
 */
public record SelfEvaluationForm(
        Integer year,
        String attachment,
        String projectName,
        String department,
        String implementingUnit,
        Funds funds,
        BigDecimal executionWeight,
        BigDecimal executionRate,
        BigDecimal fundsScore,
        Goals goals,
        List<Indicator> indicators,
        String preparer,
        String phone,
        LocalDate reportDate) {

    /** 项目资金: 当年财政拨款, 上年结转资金 and 其他资金; an absent row prints empty cells. */
    public record Funds(FundRow fiscal, FundRow carryOver, FundRow other) {
    }

    /** One 其中 row: 年初预算数, 全年预算数, 全年执行数. */
    public record FundRow(BigDecimal initialBudget, BigDecimal annualBudget, BigDecimal executed) {
    }

    /** 年度总体目标: 预期目标 and 实际完成情况. */
    public record Goals(String expected, String achieved) {
    }

    /** One row of 绩效指标: values as written; {@code weight} is 分值, {@code score} 得分. */
    public record Indicator(
            String level1,
            String level2,
            String name,
            String target,
            String actual,
            BigDecimal weight,
            BigDecimal score,
            String deviation) {

        /** A row of the official template's placeholders (指标2, ……): a name and nothing to score. */
        public boolean placeholder() {
            return blank(target) && blank(actual) && weight == null && score == null && blank(deviation);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }
}
