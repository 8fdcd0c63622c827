package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.indicator.NamedValue;
import java.util.List;

/**
 * The auditor's indicator checks switched on for an object ({@code x-indicator-checks}): which of its lists holds the
 * indicators, which fields of a row are its levels, name and values, and what the project's budget is.
 *
 * @param list        the list of indicator rows
 * @param project     the project's name, for messages
 * @param budget      the budget the checks compare costs with (a decimal or an optional one), or null
 * @param budgetLabel how the form names that figure (总计, 全年预算数)
 * @param budgetUnit  its unit (元, 万元)
 * @param skip        a row the checks pass over (the template's placeholder rows), or null
 * @param level1      the field of the 一级指标
 * @param level2      the field of the 二级指标, or null when the form has none
 * @param name        the field of the 三级指标
 * @param values      the values in print order, each with its role
 */
record IndicatorDeclaration(String list, Expression project, Expression budget, String budgetLabel, Expression budgetUnit,
                            Expression skip, String level1, String level2, String name, List<Value> values) {

    /** One value field of a row: its name, its title on the form, and whether it is a target or a result. */
    record Value(String field, String label, NamedValue.Role role) {
    }
}
