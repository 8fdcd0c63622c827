package cn.jixiao.forms.render;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses template output with the JDK's own parser, whatever XML libraries sit on the class path, with
 * DOCTYPEs and external entities refused: the markup is ours, the text inside it is the user's.
 */
public final class Xhtml {
    private static final DocumentBuilderFactory FACTORY = factory();

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

    public static Document parse(String markup) {
        return parse(markup, "template");
    }

    /** @param source names the template that produced the markup, for the message when it is not well-formed */
    public static Document parse(String markup, String source) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(markup)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        } catch (org.xml.sax.SAXParseException e) {
            throw new TemplateFailure(source + " produced XHTML that is not well-formed, at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + " of its output: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new TemplateFailure(source + " produced XHTML that is not well-formed: " + e.getMessage(), e);
        }
    }
}
