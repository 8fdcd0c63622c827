package cn.jixiao.forms.form.target;

import java.util.List;

/**
 * What the target template prints: the title block, then rows of three kinds — {@code total} (合计),
 * {@code unit} (a fund-using unit's subtotal) and {@code project} — every cell a finished string.
 * {@code amountScale} ({@code in-wan} or {@code in-yuan}) names the table's CSS class that sizes the money
 * columns for the largest amount of its unit.
 */
public record TargetView(String title, String organization, String amountUnit, String amountScale, List<Row> rows) {

    /** One table row; {@code kind} is also its CSS class. */
    public record Row(
            String kind,
            String name,
            String total,
            String fiscalAppropriation,
            String specialAccountAppropriation,
            String otherFunds,
            String goal,
            String indicators) {
    }
}
