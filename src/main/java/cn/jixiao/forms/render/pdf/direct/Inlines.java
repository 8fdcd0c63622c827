package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/** The paragraphs of a block's content: text and spans run on, {@code <br>} breaks, {@code <p>} and {@code <div>} start one. */
final class Inlines {
    private static final Set<String> BLOCKS = Set.of("p", "div");
    /** The inline elements the layout knows; anything else makes the document one for openhtmltopdf. */
    static final Set<String> KNOWN = Set.of("span", "br", "p", "div");

    private final Cascade cascade;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private Paragraph current;

    private Inlines(Cascade cascade) {
        this.cascade = cascade;
    }

    static List<Paragraph> of(Element block, Map<String, String> computed, Cascade cascade) {
        Inlines inlines = new Inlines(cascade);
        TextStyle style = TextStyle.of(computed);
        inlines.current = new Paragraph(style);
        inlines.walk(block, computed, style);
        inlines.flush();
        return inlines.paragraphs;
    }

    private void walk(Element parent, Map<String, String> computed, TextStyle style) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Text text) {
                text(text.getData(), style);
            } else if (node instanceof Element element) {
                String tag = Xhtml.tag(element);
                Map<String, String> own = cascade.compute(element, computed);
                TextStyle ownStyle = TextStyle.of(own);
                if (tag.equals("br")) {
                    current.append('\n', style);
                } else if (BLOCKS.contains(tag)) {
                    flush();
                    current = new Paragraph(ownStyle);
                    walk(element, own, ownStyle);
                    flush();
                    current = new Paragraph(style);
                } else if (own.getOrDefault("display", "inline").equals("inline-block")) {
                    current.box((float) Lengths.points(own.getOrDefault("width", "0"), ownStyle.size()),
                            (float) Lengths.points(own.getOrDefault("height", "0"), ownStyle.size()),
                            own.getOrDefault("vertical-align", "baseline").equals("text-bottom"), ownStyle);
                } else {
                    walk(element, own, ownStyle);
                }
            }
        }
    }

    private void text(String data, TextStyle style) {
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (style.preWrap()) {
                if (c == '\r') {
                    continue;
                }
                current.append(c == '\t' ? ' ' : c, style);
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                if (current.text.length() > 0 && !current.collapsibleSpaceAtEnd()) {
                    current.append(' ', style);
                }
            } else {
                current.append(c, style);
            }
        }
    }

    /** Ends the paragraph; one of nothing but collapsible white space is no paragraph. */
    private void flush() {
        while (current.collapsibleSpaceAtEnd()) {
            current.text.setLength(current.text.length() - 1);
            current.styles.remove(current.styles.size() - 1);
        }
        if (current.text.length() > 0) {
            paragraphs.add(current);
        }
    }
}
