package cn.jixiao.forms.form;

import java.time.LocalDate;

/** Dates on the forms: within the years a budget form can speak of, printed as 2021年9月10日. */
public final class Dates {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private Dates() {
    }

    /** Adds an error for a date outside {@link #EARLIEST}…{@link #LATEST}; true when it is fine (or absent). */
    public static boolean check(LocalDate date, String path, Problems problems) {
        if (date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
            return true;
        }
        problems.error(path, "日期 " + date + " 不在 " + EARLIEST.getYear() + "—" + LATEST.getYear() + " 年之间，请检查年份");
        return false;
    }

    /** {@code 2021年9月10日}, or empty for no date. */
    public static String chinese(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
