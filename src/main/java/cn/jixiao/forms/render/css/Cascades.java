package cn.jixiao.forms.render.css;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The cascades of the stylesheets seen so far, by their text, so that a renderer parses each form's
 * stylesheet once and keeps its computed styles between renders. Bounded: past 64 stylesheets it starts again.
 */
public final class Cascades {
    private static final int MOST = 64;
    private final Map<String, Cascade> byText = new ConcurrentHashMap<>();

    /** The cascade of an XHTML document's stylesheet: all its {@code <style>} elements, in order. */
    public Cascade of(Document xhtml) {
        String text = styleText(xhtml);
        if (byText.size() > MOST) {
            byText.clear();
        }
        return byText.computeIfAbsent(text, css -> new Cascade(CssParser.parse(css)));
    }

    private static String styleText(Document xhtml) {
        StringBuilder css = new StringBuilder();
        NodeList styles = xhtml.getElementsByTagName("style");
        for (int i = 0; i < styles.getLength(); i++) {
            css.append(styles.item(i).getTextContent()).append('\n');
        }
        return css.toString();
    }
}
