package cn.jixiao.forms;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether the client that asked for the work on this thread is still there, so that a render nobody will read
 * is abandoned instead of run to its end: the HTTP layer says how to tell ({@link #whilePresent}), and the
 * {@link RenderQueue} asks while it waits for a render.
 */
public final class Requester {
    private static final ThreadLocal<BooleanSupplier> PRESENT = new ThreadLocal<>();

    private Requester() {
    }

    /** Runs {@code work} on this thread, its renders abandoned once {@code present} says the client has gone. */
    public static <T> T whilePresent(BooleanSupplier present, Supplier<T> work) {
        BooleanSupplier outer = PRESENT.get();
        PRESENT.set(present);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PRESENT.remove();
            } else {
                PRESENT.set(outer);
            }
        }
    }

    /** True once the client of this thread's work is known to have gone; false when nobody said how to tell. */
    static boolean gone() {
        BooleanSupplier present = PRESENT.get();
        return present != null && !present.getAsBoolean();
    }

    /** The work was abandoned because its client went away: there is nobody to answer. */
    public static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Gone() {
            super("the client went away; its render was abandoned", null, false, false);
        }
    }
}
