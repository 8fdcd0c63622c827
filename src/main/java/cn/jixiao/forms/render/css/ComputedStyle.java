package cn.jixiao.forms.render.css;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * An element's computed declarations as the cascade hands them out: unmodifiable, and remembering its hash, since
 * the writers look up what they read of a style by the map itself (a text style per element and paragraph) and the
 * same few maps come back for every cell of a table.
 */
final class ComputedStyle extends AbstractMap<String, String> {
    private final Map<String, String> declarations;
    private final int hash;

    ComputedStyle(Map<String, String> declarations) {
        this.declarations = Map.copyOf(declarations);
        this.hash = this.declarations.hashCode();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return declarations.entrySet();
    }

    @Override
    public String get(Object key) {
        return declarations.get(key);
    }

    @Override
    public String getOrDefault(Object key, String otherwise) {
        return declarations.getOrDefault(key, otherwise);
    }

    @Override
    public boolean containsKey(Object key) {
        return declarations.containsKey(key);
    }

    @Override
    public int size() {
        return declarations.size();
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof ComputedStyle style) {
            return style.hash == hash && declarations.equals(style.declarations);
        }
        return declarations.equals(other);
    }
}
