package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.TemplateFailure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The document fields a form's XHTML marks, in plain attributes the PDF and DOCX pass over: {@code data-field}, a
 * JSON pointer to the value an element shows, relative to the nearest {@code data-item} around it (itself
 * relative to the one around that) unless it starts with {@code /}; {@code data-choice}, on a cell that is ticked
 * when the field (a list, or one choice) holds that choice.
 */
final class FieldMarks {
    static final String FIELD = "data-field";
    static final String ITEM = "data-item";
    static final String CHOICE = "data-choice";

    private FieldMarks() {
    }

    /** Whether any element of the document marks a field: a form whose template marks none keeps the sheet of labels. */
    static boolean any(Document xhtml) {
        return xhtml != null && marks(xhtml.getDocumentElement());
    }

    private static boolean marks(Element element) {
        if (element.hasAttribute(FIELD)) {
            return true;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner && marks(inner)) {
                return true;
            }
        }
        return false;
    }

    /** The absolute pointer of the field an element marks. */
    static String pointer(Element field) {
        return resolve(field.getAttribute(FIELD), field);
    }

    /** The element with the nearest {@code data-item} at or above {@code element}; null when none. */
    static Element itemElement(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute(ITEM)) {
                return e;
            }
        }
        return null;
    }

    /** The absolute pointer of the item an element stands for ({@code data-item}); "" for none. */
    static String item(Element element) {
        Element marked = itemElement(element);
        return marked == null ? "" : resolve(marked.getAttribute(ITEM), marked.getParentNode());
    }

    /** {@code pointer} made absolute against the item around {@code from}. */
    private static String resolve(String pointer, Node from) {
        if (pointer.startsWith("/")) {
            return pointer;
        }
        String item = from instanceof Element element ? item(element) : "";
        if (item.isEmpty()) {
            throw new TemplateFailure(FIELD + "=\"" + pointer + "\" is relative, and no element around it has " + ITEM
                    + ": write the item's pointer on an element around it, " + ITEM + "=\"/forms/${f?index}\"", null);
        }
        return item + "/" + pointer;
    }
}
