package cn.jixiao.forms;

import java.util.Locale;

/** The service has no room for a request now: no render slot in time, a render past its time, or stopping. */
public final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        OVERLOADED,
        RENDER_TIMEOUT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public Unavailable(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
