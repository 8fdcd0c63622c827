package cn.jixiao.forms.form.target;

import java.math.BigDecimal;
import java.util.List;

/** A 项目支出绩效目标表 as the client sent it: an organisation's fund-using units and their projects. */
public record TargetDocument(String title, String organization, String amountUnit, List<Unit> units) {

    /** 资金使用单位. */
    public record Unit(String name, List<Project> projects) {
    }

    /** One project row: its funds, its goal and its coded indicators. */
    public record Project(
            String name,
            BigDecimal fiscalAppropriation,
            BigDecimal specialAccountAppropriation,
            BigDecimal otherFunds,
            BigDecimal total,
            String goal,
            List<Indicator> indicators) {
    }

    /** 一级指标 · 二级指标 · 三级指标 with its values over the whole period and for the year. */
    public record Indicator(String level1, String level2, String name, String periodValue, String annualValue) {
    }
}
