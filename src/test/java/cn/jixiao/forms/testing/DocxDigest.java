package cn.jixiao.forms.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** What a reviewer can read of a DOCX: its parts, and its XML indented one element a line. */
public final class DocxDigest {
    private DocxDigest() {
    }

    public static Map<String, byte[]> parts(byte[] docx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    public static String part(byte[] docx, String name) {
        byte[] bytes = parts(docx).get(name);
        if (bytes == null) {
            throw new AssertionError("no part " + name + " in " + parts(docx).keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The XML of a part, indented, so that a diff shows exactly which cell or property moved. */
    public static String pretty(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            stripWhitespace(document);
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString().replace("\r\n", "\n").strip() + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stripWhitespace(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()
                    && !"w:t".equals(node.getNodeName())) {
                node.removeChild(child);
            } else {
                stripWhitespace(child);
            }
            child = next;
        }
    }

    /** The visible text: paragraphs on lines, table cells separated by tabs. */
    public static String text(byte[] docx) {
        String xml = part(docx, "word/document.xml");
        return xml.replaceAll("<w:tab/>", "\t")
                .replaceAll("<w:br/>", "\n")
                .replaceAll("</w:p>", "\n")
                .replaceAll("</w:tc>", "\t")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
