package cn.jixiao.forms.render.css;

import java.util.List;
import java.util.Map;

/**
 * A parsed stylesheet: its rules in the order the cascade applies them (specificity, then source order),
 * and the one {@code @page} rule.
 */
public record Stylesheet(List<Rule> rules, Page page) {

    /** One selector of a rule with the rule's declarations, shorthands expanded; {@code order} is its place in the source. */
    public record Rule(Selector selector, Map<String, String> declarations, int order) {
    }

    /** {@code @page}: its own declarations and those of its margin boxes, e.g. {@code bottom-center}. */
    public record Page(Map<String, String> declarations, Map<String, Map<String, String>> marginBoxes) {
    }
}
