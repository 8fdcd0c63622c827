package cn.jixiao.forms.render.css;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** CSS lengths in points. */
public final class Lengths {
    private Lengths() {
    }

    /** Millimetres in points. */
    public static double mm(double millimetres) {
        return millimetres * 72 / 25.4;
    }

    /**
     * A length in points: {@code pt}, {@code px}, {@code mm}, {@code cm}, {@code in}, a bare number (points),
     * {@code em} and {@code %} of {@code fontSize}, and the border keywords {@code thin}, {@code medium},
     * {@code thick}; {@code 0}, {@code none}, {@code auto} and the empty string are 0.
     *
     * @throws IllegalArgumentException for any other unit or keyword
     */
    public static double points(String length, double fontSize) {
        Length parsed = PARSED.get(length);
        if (parsed == null) {
            parsed = parse(length);
            if (PARSED.size() < MOST_PARSED) {
                PARSED.put(length, parsed);
            }
        }
        return switch (parsed.unit()) {
            case POINTS -> parsed.number();
            case EM -> parsed.number() * fontSize;
            case PERCENT -> parsed.number() * fontSize / 100;
        };
    }

    /** A length read: so many points, ems or per cent. */
    private record Length(double number, Unit unit) {
    }

    private enum Unit { POINTS, EM, PERCENT }

    /** Lengths read so far, by their text: a layout reads the same few again for every cell. */
    private static final Map<String, Length> PARSED = new ConcurrentHashMap<>();
    private static final int MOST_PARSED = 1024;

    private static Length parse(String length) {
        String value = length.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "0", "none", "auto", "" -> {
                return new Length(0, Unit.POINTS);
            }
            case "thin" -> {
                return new Length(0.5, Unit.POINTS);
            }
            case "medium" -> {
                return new Length(1, Unit.POINTS);
            }
            case "thick" -> {
                return new Length(2, Unit.POINTS);
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
            case "pt" -> new Length(number, Unit.POINTS);
            case "px" -> new Length(number * 0.75, Unit.POINTS);
            case "mm" -> new Length(number * 72 / 25.4, Unit.POINTS);
            case "cm" -> new Length(number * 72 / 2.54, Unit.POINTS);
            case "in" -> new Length(number * 72, Unit.POINTS);
            case "em" -> new Length(number, Unit.EM);
            case "%" -> new Length(number, Unit.PERCENT);
            case "" -> new Length(number, Unit.POINTS);
            default -> throw new IllegalArgumentException("unsupported CSS length: " + length);
        };
    }
}
