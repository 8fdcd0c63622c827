package cn.jixiao.forms.render.css;

import java.util.Locale;

/** CSS lengths in points. */
public final class Lengths {
    private Lengths() {
    }

    /**
     * A length in points: {@code pt}, {@code px}, {@code mm}, {@code cm}, {@code in}, a bare number (points),
     * {@code em} and {@code %} of {@code fontSize}, and the border keywords {@code thin}, {@code medium},
     * {@code thick}; {@code 0}, {@code none}, {@code auto} and the empty string are 0.
     *
     * @throws IllegalArgumentException for any other unit or keyword
     */
    /** Millimetres in points. */
    public static double mm(double millimetres) {
        return millimetres * 72 / 25.4;
    }

    public static double points(String length, double fontSize) {
        String value = length.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "0", "none", "auto", "" -> {
                return 0;
            }
            case "thin" -> {
                return 0.5;
            }
            case "medium" -> {
                return 1;
            }
            case "thick" -> {
                return 2;
            }
            default -> {
            }
        }
        int unit = 0;
        while (unit < value.length() && (Character.isDigit(value.charAt(unit)) || value.charAt(unit) == '.' || value.charAt(unit) == '-')) {
            unit++;
        }
        double number = Double.parseDouble(value.substring(0, unit));
        return switch (value.substring(unit)) {
            case "pt" -> number;
            case "px" -> number * 0.75;
            case "mm" -> number * 72 / 25.4;
            case "cm" -> number * 72 / 2.54;
            case "in" -> number * 72;
            case "em" -> number * fontSize;
            case "%" -> number * fontSize / 100;
            case "" -> number;
            default -> throw new IllegalArgumentException("unsupported CSS length: " + length);
        };
    }
}
