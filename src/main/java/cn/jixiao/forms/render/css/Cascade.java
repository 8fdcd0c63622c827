package cn.jixiao.forms.render.css;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The declarations that apply to an element: the parent's text properties inherited, then the matching
 * rules by specificity and source order, then its {@code style} attribute; {@code em} and {@code %} font
 * sizes resolved against the parent's. Values stay CSS text: each renderer reads what it maps.
 */
public final class Cascade {
    private static final Set<String> INHERITED = Set.of("font-family", "font-size", "font-weight",
            "font-style", "text-align", "line-height", "white-space", "color");
    /** Font size against which a root element's {@code em} and {@code %} resolve. */
    private static final String ROOT_FONT_SIZE = "12pt";
    private static final int MOST_PATHS = 4096;

    private final Stylesheet stylesheet;
    /**
     * Computed declarations by the element's path from the root (tags, classes, inline styles): with only
     * element, class, descendant and child selectors, that path decides them. Bounded.
     */
    private final Map<String, Map<String, String>> computed;
    /** The declarations of an element itself, nothing inherited, by its path as {@link #computed}. Bounded. */
    private final Map<String, Map<String, String>> cascadedByPath;
    /** Each element's path, made once for one walk of a document that does not change meanwhile; null: none kept. */
    private final Map<Node, String> paths;

    public Cascade(Stylesheet stylesheet) {
        this(stylesheet, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), null);
    }

    private Cascade(Stylesheet stylesheet, Map<String, Map<String, String>> computed, Map<String, Map<String, String>> cascadedByPath,
                    Map<Node, String> paths) {
        this.stylesheet = stylesheet;
        this.computed = computed;
        this.cascadedByPath = cascadedByPath;
        this.paths = paths;
    }

    /**
     * This cascade, its computed styles shared, for one thread's walk of a document that does not change until the
     * walk ends: an element's path is made from its parent's, not read again from every ancestor.
     */
    public Cascade forOneWalk() {
        return new Cascade(stylesheet, computed, cascadedByPath, new IdentityHashMap<>());
    }

    public Stylesheet.Page page() {
        return stylesheet.page();
    }

    /**
     * The computed declarations of an element, given those of its parent computed by this cascade too;
     * the same map for every element on the same path.
     */
    public Map<String, String> compute(Element element, Map<String, String> parent) {
        return keptByPath(computed, element, parent);
    }

    /**
     * The declarations that apply to an element itself, nothing inherited: enough for non-inherited properties;
     * the same map for every element on the same path.
     */
    public Map<String, String> cascaded(Element element) {
        return keptByPath(cascadedByPath, element, Map.of());
    }

    /** The element's declarations over {@code parent}'s, from {@code kept} by its path or computed and kept there. */
    private Map<String, String> keptByPath(Map<String, Map<String, String>> kept, Element element, Map<String, String> parent) {
        String path = path(element);
        Map<String, String> style = kept.get(path);
        if (style == null) {
            style = new ComputedStyle(computeUncached(element, parent));
            if (kept.size() < MOST_PATHS) {
                kept.put(path, style);
            }
        }
        return style;
    }

    private String path(Element element) {
        if (paths == null) {
            StringBuilder path = new StringBuilder(128);
            for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
                appendOwn(path, e);
            }
            return path.toString();
        }
        String known = paths.get(element);
        if (known == null) {
            known = element.getParentNode() instanceof Element parent ? own(element) + path(parent) : own(element);
            paths.put(element, known);
        }
        return known;
    }

    /** An element's part of a path: its tag, classes and inline style. */
    private static String own(Element element) {
        return appendOwn(new StringBuilder(64), element).toString();
    }

    private static StringBuilder appendOwn(StringBuilder path, Element element) {
        return path.append(element.getTagName()).append('.').append(element.getAttribute("class")).append('{')
                .append(element.getAttribute("style")).append("}/");
    }

    private Map<String, String> computeUncached(Element element, Map<String, String> parent) {
        Map<String, String> style = new HashMap<>();
        for (Map.Entry<String, String> entry : parent.entrySet()) {
            if (INHERITED.contains(entry.getKey())) {
                style.put(entry.getKey(), entry.getValue());
            }
        }
        for (Stylesheet.Rule rule : stylesheet.rules()) {
            if (rule.selector().matches(element)) {
                style.putAll(rule.declarations());
            }
        }
        String inline = element.getAttribute("style");
        if (!inline.isBlank()) {
            style.putAll(CssParser.declarations(inline));
        }
        String fontSize = style.get("font-size");
        if (fontSize != null && (fontSize.endsWith("em") || fontSize.endsWith("%"))) {
            double parentSize = Lengths.points(parent.getOrDefault("font-size", ROOT_FONT_SIZE), 12);
            style.put("font-size", Lengths.points(fontSize, parentSize) + "pt");
        }
        return style;
    }
}
