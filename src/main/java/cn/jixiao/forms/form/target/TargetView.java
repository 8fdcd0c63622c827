package cn.jixiao.forms.form.target;

import cn.jixiao.forms.form.Bookmark;
import java.util.List;

/**
 * What the target template prints: the title block, then rows of three kinds — {@code total} (合计),
 * {@code unit} (a fund-using unit's subtotal) and {@code project} — every cell a finished string.
 * {@code amountScale} ({@code in-wan} or {@code in-yuan}) names the table's CSS class that sizes the money
 * columns for the largest amount of its unit. {@code bookmarks}: the PDF's outline, each unit with its projects.
 */
public record TargetView(String title, String organization, String amountUnit, String amountScale, List<Row> rows,
                         List<Bookmark> bookmarks) {

    /** One table row; {@code kind} is also its CSS class, {@code anchor} its id, where a bookmark leads. */
    public record Row(
            String kind,
            String anchor,
            String name,
            String total,
            String fiscalAppropriation,
            String specialAccountAppropriation,
            String otherFunds,
            String goal,
            String indicators) {
    }
}
