package cn.jixiao.forms.form;

import java.util.List;

/**
 * An entry of a PDF's outline, as a view model offers it to its template: the title a reader sees, the id of the
 * element it leads to, and the entries below it (a unit's projects).
 */
public record Bookmark(String name, String anchor, List<Bookmark> children) {

    public static Bookmark leaf(String name, String anchor) {
        return new Bookmark(name, anchor, List.of());
    }
}
