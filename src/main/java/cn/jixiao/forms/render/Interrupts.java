package cn.jixiao.forms.render;

import java.util.concurrent.CancellationException;

/**
 * A render that has been given up on (its thread interrupted by the render queue at its deadline) stops at
 * the next check, so that its slot and its memory are free again; the work is never left to run on.
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** Throws {@link CancellationException} when the current render has been given up on. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("render abandoned");
        }
    }
}
