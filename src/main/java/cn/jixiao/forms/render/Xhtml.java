package cn.jixiao.forms.render;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses template output with the JDK's own parser, whatever XML libraries sit on the class path, with
 * DOCTYPEs and external entities refused: the markup is ours, the text inside it is the user's. Also the
 * few questions both renderers ask of an element: its name, its children of one name, its classes.
 */
public final class Xhtml {
    private static final DocumentBuilderFactory FACTORY = factory();
    /** A parser per thread, reset between documents: making one allocates more than parsing a form. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Xhtml::builder);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Xhtml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param source names the template that produced the markup, for the message when it is not well-formed */
    public static Document parse(String markup, String source) {
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new InputSource(new StringReader(markup)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (SAXParseException e) {
            throw new TemplateFailure(source + " produced XHTML that is not well-formed, at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + " of its output: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new TemplateFailure(source + " produced XHTML that is not well-formed: " + e.getMessage(), e);
        } finally {
            builder.reset();
        }
    }

    /** All the text of a node and its descendants, as {@link Node#getTextContent()} gives it, in one buffer. */
    public static String text(Node node) {
        StringBuilder text = new StringBuilder(16 * 1024);
        appendText(node, text);
        return text.toString();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ELEMENT_NODE, Node.ENTITY_REFERENCE_NODE -> appendText(child, text);
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    /** The element's name in lower case: the renderers take {@code <TD>} for {@code <td>}. */
    public static String tag(Element element) {
        return element.getTagName().toLowerCase(Locale.ROOT);
    }

    /** The child elements named {@code tag} (lower case), in document order. */
    public static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && tag(element).equals(tag)) {
                result.add(element);
            }
        }
        return result;
    }

    /** The names in the element's {@code class} attribute. */
    public static Set<String> classes(Element element) {
        String attribute = element.getAttribute("class");
        if (attribute.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(WHITESPACE.split(attribute.trim()))); // class="v v" names v once
    }
}
