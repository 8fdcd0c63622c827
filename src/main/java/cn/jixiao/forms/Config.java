package cn.jixiao.forms;

import cn.jixiao.forms.form.Limits;
import java.util.Map;

/**
 * Everything an operator can set, read from environment variables once at start-up, each with a safe
 * default. The README lists them.
 */
public record Config(int port, Limits limits) {

    public static Config fromEnvironment(Map<String, String> env) {
        Limits defaults = Limits.DEFAULT;
        Limits limits = new Limits(
                number(env, "JIXIAO_MAX_BODY_BYTES", defaults.bodyBytes(), 1024, 64 * 1024 * 1024),
                number(env, "JIXIAO_MAX_FORMS", defaults.forms(), 1, 10_000),
                number(env, "JIXIAO_MAX_UNITS", defaults.units(), 1, 10_000),
                number(env, "JIXIAO_MAX_INDICATORS", defaults.indicators(), 1, 10_000),
                number(env, "JIXIAO_MAX_FIELD_CHARS", defaults.fieldChars(), 10, 1_000_000));
        return new Config(number(env, "PORT", 7070, 0, 65535), limits);
    }

    static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + "=" + value + " is outside " + min + "…" + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a whole number", e);
        }
    }
}
