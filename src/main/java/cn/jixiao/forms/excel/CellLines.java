package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an XHTML cell (or paragraph) shows, as a sheet takes it: its lines — apart at {@code <br/>} and between
 * blocks — each of text and of the fields ({@code data-field}) it shows, white space collapsed as HTML shows it
 * or kept where the style keeps it.
 */
record CellLines(List<Line> lines) {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li");
    private static final Pattern COLLAPSIBLE = Pattern.compile("[ \\t\\n\\r\\f]+");

    /** Text, or a field as printed ({@code field} the element that marks it). */
    record Piece(String text, Element field) {
        boolean isField() {
            return field != null;
        }
    }

    /** One line: its pieces, text apart from fields, no empty text. */
    record Line(List<Piece> pieces) {
        long fields() {
            return pieces.stream().filter(Piece::isField).count();
        }

        /** The line as printed. */
        String text() {
            return String.join("", pieces.stream().map(Piece::text).toList());
        }
    }

    static CellLines of(Element element, Map<String, String> computed, Cascade cascade) {
        List<Line> lines = new ArrayList<>();
        if (element.hasAttribute(FieldMarks.FIELD)) {
            lines.add(new Line(List.of(new Piece(Xhtml.text(element).strip(), element))));
            return new CellLines(lines);
        }
        Builder builder = new Builder(cascade, lines);
        builder.walk(element, computed);
        builder.endLine();
        return new CellLines(lines);
    }

    long fields() {
        return lines.stream().mapToLong(Line::fields).sum();
    }

    /** All the cell's text, its lines apart by line breaks. */
    String text() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }

    private static final class Builder {
        private final Cascade cascade;
        private final List<Line> lines;
        private List<Piece> pieces = new ArrayList<>();
        private StringBuilder text = new StringBuilder();

        Builder(Cascade cascade, List<Line> lines) {
            this.cascade = cascade;
            this.lines = lines;
        }

        void walk(Element element, Map<String, String> computed) {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    boolean kept = computed.getOrDefault("white-space", "normal").startsWith("pre");
                    text.append(kept ? child.getNodeValue() : COLLAPSIBLE.matcher(child.getNodeValue()).replaceAll(" "));
                } else if (child instanceof Element inner) {
                    String tag = Xhtml.tag(inner);
                    if (tag.equals("br")) {
                        endLine();
                    } else if (inner.hasAttribute(FieldMarks.FIELD)) {
                        endText();
                        pieces.add(new Piece(Xhtml.text(inner).strip(), inner));
                    } else if (BLOCKS.contains(tag)) {
                        endLine();
                        walk(inner, cascade.compute(inner, computed));
                        endLine();
                    } else {
                        walk(inner, cascade.compute(inner, computed));
                    }
                }
            }
        }

        private void endText() {
            if (!text.isEmpty()) {
                pieces.add(new Piece(text.toString(), null));
                text = new StringBuilder();
            }
        }

        /** Ends the line: its text trimmed at its ends, empty text left out; a line of nothing is none. */
        void endLine() {
            endText();
            List<Piece> kept = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                String written = piece.text();
                if (!piece.isField()) {
                    written = i == 0 ? written.stripLeading() : written;
                    written = i == pieces.size() - 1 ? written.stripTrailing() : written;
                }
                if (piece.isField() || !written.isEmpty()) {
                    kept.add(new Piece(written, piece.field()));
                }
            }
            if (!kept.isEmpty()) {
                lines.add(new Line(List.copyOf(kept)));
            }
            pieces = new ArrayList<>();
        }
    }
}
