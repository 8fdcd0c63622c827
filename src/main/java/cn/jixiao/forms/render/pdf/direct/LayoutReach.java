package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Stylesheet;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Whether a document is within what the direct layout does: the elements it knows, tables with columns, plain files. */
final class LayoutReach {
    private static final Set<String> ELEMENTS = Set.of("div", "p", "span", "br", "table", "colgroup", "col", "thead", "tbody", "tr", "td", "th");

    private LayoutReach() {
    }

    static boolean within(Document xhtml, Stylesheet.Page page, RenderOptions options) {
        if (options.archive() != RenderOptions.Archive.NONE || options.signatureFields()) {
            return false;
        }
        if (!page.marginBoxes().keySet().stream().allMatch("bottom-center"::equals)) {
            return false;
        }
        Node body = xhtml.getElementsByTagName("body").item(0);
        return body instanceof Element element && known(element);
    }

    private static boolean known(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                String tag = Xhtml.tag(element);
                if (!ELEMENTS.contains(tag) || tag.equals("table") && Xhtml.children(element, "colgroup").isEmpty() || !known(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
