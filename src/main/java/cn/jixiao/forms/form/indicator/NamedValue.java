package cn.jixiao.forms.form.indicator;

/**
 * One value of an indicator as a form names it, e.g. 年度指标值 at {@code /units/0/projects/3/indicators/2/annualValue}.
 *
 * @param label the column's name on the form, used in messages ({@code 年度指标值}, {@code 应完成的绩效目标值})
 * @param path  the JSON pointer of the value, where a warning about it is placed
 * @param text  the value as written; null or blank when not filled in
 * @param role  whether the value is a target set in advance or what was achieved
 */
public record NamedValue(String label, String path, String text, Role role) {

    public enum Role {
        /** A value set in advance (实施周期指标值, 年度指标值, 应完成的绩效目标值): every check applies. */
        TARGET,
        /** What was achieved (实际完成值): only compared with the targets' units, never judged as a target. */
        ACTUAL
    }

    boolean filledIn() {
        return text != null && !text.isBlank();
    }
}
