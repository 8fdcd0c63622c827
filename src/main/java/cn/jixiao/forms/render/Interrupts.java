package cn.jixiao.forms.render;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;
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

    /**
     * openhtmltopdf's own line breaker (the same one it makes when given none, so the layout is unchanged),
     * asked for every break opportunity of every text: the checkpoint inside the layout.
     */
    static FSTextBreaker lineBreaker() {
        FSTextBreaker breaker = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
        return new FSTextBreaker() {
            @Override
            public int next() {
                check();
                return breaker.next();
            }

            @Override
            public void setText(String text) {
                breaker.setText(text);
            }
        };
    }
}
