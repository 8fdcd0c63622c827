package cn.jixiao.forms.render.docx;

import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.docx.ComputedStyles.RunStyle;
import cn.jixiao.forms.render.docx.ComputedStyles.Spacing;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.docx4j.wml.P;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The text of one render's paragraphs: inline elements walked into runs, white space collapsed as HTML
 * shows it or kept as typed ({@code pre}, {@code pre-wrap}: tabs and line breaks too), and the collapsed
 * white space at a paragraph's edges trimmed.
 */
final class Paragraphs {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "footer", "article", "main", "ul", "ol", "li");
    private static final Pattern COLLAPSIBLE = Pattern.compile("[ \\t\\n\\r\\f]+");

    private final ComputedStyles styles;
    /** Texts whose spaces are the user's content, exempt from the trimming of collapsed whitespace. */
    private final Set<Text> verbatim = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The style of each run of collapsed text, which text of the same style may continue. */
    private final Map<R, RunStyle> runStyles = new IdentityHashMap<>();

    Paragraphs(ComputedStyles styles) {
        this.styles = styles;
    }

    static boolean isBlock(Element element) {
        return BLOCKS.contains(Xhtml.tag(element));
    }

    /** An empty paragraph styled as the element whose declarations these are. */
    P paragraph(Map<String, String> computed) {
        return RunFormat.paragraph(styles.paragraph(computed));
    }

    /** A paragraph of a block element: its inline content, its margins and paddings as spacing; edges not yet trimmed. */
    P block(Element element, Map<String, String> computed) {
        P paragraph = paragraph(computed);
        inline(element, computed, paragraph);
        Spacing spacing = ComputedStyles.paragraphSpacing(computed);
        if (spacing.before() != 0 || spacing.after() != 0) {
            PPrBase.Spacing wml = RunFormat.spacingOf(paragraph);
            wml.setBefore(Twips.of(spacing.before()));
            wml.setAfter(Twips.of(spacing.after()));
        }
        return paragraph;
    }

    /** Adds a container's top margin to the spacing before its first paragraph. */
    static void addBefore(P paragraph, double points) {
        PPrBase.Spacing spacing = RunFormat.spacingOf(paragraph);
        spacing.setBefore(Twips.of(points).add(spacing.getBefore() == null ? BigInteger.ZERO : spacing.getBefore()));
    }

    /** Adds a container's bottom margin to the spacing after its last paragraph. */
    static void addAfter(P paragraph, double points) {
        PPrBase.Spacing spacing = RunFormat.spacingOf(paragraph);
        spacing.setAfter(Twips.of(points).add(spacing.getAfter() == null ? BigInteger.ZERO : spacing.getAfter()));
    }

    void inline(Element element, Map<String, String> computed, P paragraph) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            inline(child, computed, paragraph);
        }
    }

    /** A node inside a paragraph whose parent element computed {@code computed}. */
    void inline(Node node, Map<String, String> computed, P paragraph) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            text(paragraph, node.getNodeValue(), computed);
        } else if (node instanceof Element element) {
            if (Xhtml.tag(element).equals("br")) {
                paragraph.getContent().add(RunFormat.lineBreak(styles.run(computed)));
            } else {
                inline(element, styles.compute(element, computed), paragraph);
            }
        }
    }

    /** Text as runs: collapsed to single spaces, or kept with its tabs and line breaks. */
    void text(P paragraph, String text, Map<String, String> computed) {
        if (text.isEmpty()) {
            return;
        }
        RunStyle style = styles.run(computed);
        if (!style.keepsWhiteSpace()) {
            String collapsed = COLLAPSIBLE.matcher(text).replaceAll(" ");
            if (!collapsed.isEmpty() && !continued(paragraph, collapsed, style)) {
                R run = RunFormat.text(collapsed, style);
                runStyles.put(run, style);
                paragraph.getContent().add(run);
            }
            return;
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                paragraph.getContent().add(RunFormat.lineBreak(style));
            }
            String[] pieces = lines[i].split("\t", -1);
            for (int j = 0; j < pieces.length; j++) {
                if (j > 0) {
                    paragraph.getContent().add(RunFormat.tab(style));
                }
                if (!pieces[j].isEmpty()) {
                    R run = RunFormat.text(pieces[j], style);
                    verbatim.add(RunFormat.textOf(run));
                    paragraph.getContent().add(run);
                }
            }
        }
    }

    /**
     * Adds text to the paragraph's last run when that is text of the same style: text an element without a style of its
     * own ({@code <span data-field>}) parts is one run, as it was before.
     */
    private boolean continued(P paragraph, String text, RunStyle style) {
        List<Object> content = paragraph.getContent();
        if (!content.isEmpty() && content.get(content.size() - 1) instanceof R last && style.equals(runStyles.get(last))) {
            Text written = RunFormat.textOf(last);
            written.setValue(written.getValue() + text);
            return true;
        }
        return false;
    }

    /** Whitespace between blocks, which HTML does not show. */
    boolean isInsignificant(Node node, Map<String, String> computed) {
        return node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank() && !styles.run(computed).keepsWhiteSpace();
    }

    /** Removes the whitespace that HTML would not show at the start and end of a collapsed paragraph; once a paragraph. */
    void trimEdges(P paragraph) {
        List<Object> runs = paragraph.getContent();
        if (!runs.isEmpty() && runs.get(0) instanceof R first) {
            Text text = RunFormat.textOf(first);
            if (text != null && !verbatim.contains(text)) {
                text.setValue(text.getValue().stripLeading());
            }
        }
        if (!runs.isEmpty() && runs.get(runs.size() - 1) instanceof R last) {
            Text text = RunFormat.textOf(last);
            if (text != null && !verbatim.contains(text)) {
                text.setValue(text.getValue().stripTrailing());
            }
        }
        runs.removeIf(o -> o instanceof R r && RunFormat.textOf(r) != null && RunFormat.textOf(r).getValue().isEmpty() && r.getContent().size() == 1);
    }
}
