package cn.jixiao.forms.render.docx;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part as docx4j marshals it, but with the namespace declarations of its root element sorted by prefix. JAXB
 * declares every namespace of docx4j's context at the root, in the order it met them while building the context
 * from docx4j's classes — an order that follows how the JVM lists those classes' members, which is not the same
 * from one process to the next — so without this the same document gave other bytes in another process. No
 * setting does it: the JAXB RI's canonical writing drops a declaration (LibreOffice then cannot open the file),
 * and docx4j's canonicalisation drops the unused declarations and the XML declaration besides, through a DOM.
 * Only the root's start tag is held back; the rest of the part streams through.
 */
final class SortedNamespaces extends FilterOutputStream {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=]+)=\"([^\"]*)\"");
    private static final Pattern ROOT = Pattern.compile("<[^?!][^\\s/>]*");
    /** The part up to the end of its root's start tag; null once written. */
    private ByteArrayOutputStream head = new ByteArrayOutputStream(8 * 1024);

    SortedNamespaces(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (head == null) {
            out.write(b);
            return;
        }
        head.write(b);
        if (b == '>') {
            String text = head.toString(StandardCharsets.UTF_8);
            Matcher root = ROOT.matcher(text);
            if (root.find() && text.indexOf('>', root.end()) == text.length() - 1) {
                writeHead(text.substring(0, root.end()) + sorted(text.substring(root.end(), text.length() - 1)) + ">");
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        while (head != null && i < off + len) {
            write(b[i++]);
        }
        out.write(b, i, off + len - i);
    }

    /** Writes what is held back, as it came when the part ended before its root's start tag did. */
    void finish() throws IOException {
        if (head != null) {
            writeHead(head.toString(StandardCharsets.UTF_8));
        }
    }

    private void writeHead(String text) throws IOException {
        head = null;
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The attributes of a start tag, the namespace declarations first in order of prefix, then the others as they came. */
    private static String sorted(String attributes) {
        List<String[]> declarations = new ArrayList<>();
        StringBuilder others = new StringBuilder();
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        int end = 0;
        while (attribute.find() && attribute.start() == end) {
            String written = " " + attribute.group(1) + "=\"" + attribute.group(2) + "\"";
            if (attribute.group(1).equals("xmlns") || attribute.group(1).startsWith("xmlns:")) {
                declarations.add(new String[]{attribute.group(1), written});
            } else {
                others.append(written);
            }
            end = attribute.end();
        }
        declarations.sort(Comparator.comparing(declaration -> declaration[0]));
        StringBuilder tag = new StringBuilder();
        declarations.forEach(declaration -> tag.append(declaration[1]));
        return tag.append(others).append(attributes.substring(end)).toString();
    }
}
