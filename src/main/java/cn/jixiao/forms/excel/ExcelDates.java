package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Problems;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Date cells are day numbers: in Excel's 1900 system 1 is 1900-01-01, in its 1904 system (an option of the
 * workbook, the Mac's old default) 0 is 1904-01-01. What Excel shows as ##### — before the first day, after
 * 9999-12-31 — is no date, nor is 60, Excel's 1900-02-29, a day that never was.
 */
final class ExcelDates {
    /** The day after 9999-12-31, the last day Excel shows, in each system. */
    private static final double END_1900 = 2_958_466;
    private static final double END_1904 = END_1900 - 1462;
    /** Excel's 1900-02-29: it takes 1900 for a leap year, as Lotus 1-2-3 did. */
    private static final double FEBRUARY_29_1900 = 60;

    private ExcelDates() {
    }

    /** Why a day number is no date, for a message about its cell; null when it is one. */
    static String problem(double serial, boolean date1904) {
        if (!Double.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= (date1904 ? END_1904 : END_1900)) {
            return Problems.quote(Double.isFinite(serial) ? NumberToTextConverter.toText(serial) : String.valueOf(serial))
                    + "不是日期：Excel 中显示为 #####（日期应在 " + (date1904 ? "1904-01-01" : "1900-01-01") + " 至 9999-12-31 之间）";
        }
        if (!date1904 && Math.floor(serial) == FEBRUARY_29_1900) {
            return "「60」在 Excel 中是 1900年2月29日，这一天并不存在（Excel 把 1900 年误作闰年）";
        }
        return null;
    }

    /** The date of a day number that is one (see {@link #problem}). */
    static LocalDate of(double serial, boolean date1904) {
        return DateUtil.getLocalDateTime(serial, date1904, false).toLocalDate();
    }
}
