package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.Interrupts;
import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * openhtmltopdf's own line breaker (the one it makes when given none, so the layout is unchanged), asked for
 * every break opportunity of every text: the checkpoint inside the layout where a render that has been given
 * up on stops.
 */
final class InterruptibleLineBreaker implements FSTextBreaker {
    private final FSTextBreaker breaker = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));

    @Override
    public int next() {
        Interrupts.check();
        return breaker.next();
    }

    @Override
    public void setText(String text) {
        breaker.setText(text);
    }
}
