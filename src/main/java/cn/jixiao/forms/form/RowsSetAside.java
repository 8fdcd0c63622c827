package cn.jixiao.forms.form;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The rows of a document's lists (its indicators) that hold its errors, set aside so that the figures the rest of
 * the document yields can still be worked out while someone is editing it: a blank indicator row just added
 * should not take away the 合计 above it. The figures come back under the pointers of the document as sent, and
 * those that read every row of a list with a row set aside (a 总分) are left out.
 */
final class RowsSetAside {
    /** Removed row indexes, ascending, by the pointer of their list ({@code /forms/0/indicators}). */
    private final Map<String, TreeSet<Integer>> removed;

    private RowsSetAside(Map<String, TreeSet<Integer>> removed) {
        this.removed = removed;
    }

    /** The rows holding every error, when each lies in a row of a list named {@code list}; empty otherwise. */
    static Optional<RowsSetAside> of(List<Problem> errors, String list) {
        Map<String, TreeSet<Integer>> removed = new TreeMap<>();
        for (Problem error : errors) {
            String[] segments = error.path().split("/", -1);
            int at = -1;
            for (int i = segments.length - 2; i >= 1 && at < 0; i--) {
                if (segments[i].equals(list) && isIndex(segments[i + 1])) {
                    at = i;
                }
            }
            if (at < 0) {
                return Optional.empty();
            }
            String pointer = String.join("/", Arrays.copyOfRange(segments, 0, at + 1));
            removed.computeIfAbsent(pointer, p -> new TreeSet<>()).add(Integer.parseInt(segments[at + 1]));
        }
        return removed.isEmpty() ? Optional.empty() : Optional.of(new RowsSetAside(removed));
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 6 && segment.chars().allMatch(Character::isDigit);
    }

    /** Takes the rows out of the document (a tree of its own); false when a list is not where the errors say. */
    boolean removeFrom(JsonNode document) {
        for (Map.Entry<String, TreeSet<Integer>> list : removed.entrySet()) {
            if (!(document.at(list.getKey()) instanceof ArrayNode rows) || list.getValue().last() >= rows.size()) {
                return false;
            }
            for (int index : list.getValue().descendingSet()) {
                rows.remove(index);
            }
        }
        return true;
    }

    /**
     * The figures of the document without the rows, under the pointers of the document with them; a figure that
     * {@code readsEveryRow} of its list is left out where rows of that list were set aside.
     */
    Map<String, String> restore(Map<String, String> figures, Predicate<String> readsEveryRow) {
        Map<String, String> restored = new LinkedHashMap<>();
        for (Map.Entry<String, String> figure : figures.entrySet()) {
            String pointer = figure.getKey();
            boolean incomplete = false;
            for (Map.Entry<String, TreeSet<Integer>> list : removed.entrySet()) {
                String owner = list.getKey().substring(0, list.getKey().lastIndexOf('/'));
                if (pointer.startsWith(owner + "/") && readsEveryRow.test(pointer)) {
                    incomplete = true;
                }
                pointer = renumbered(pointer, list.getKey(), list.getValue());
            }
            if (!incomplete) {
                restored.put(pointer, figure.getValue());
            }
        }
        return restored;
    }

    /** A pointer into a row of {@code list} given the row's index in the document as it was. */
    private static String renumbered(String pointer, String list, TreeSet<Integer> removed) {
        if (!pointer.startsWith(list + "/")) {
            return pointer;
        }
        String rest = pointer.substring(list.length() + 1);
        int end = rest.indexOf('/');
        String segment = end < 0 ? rest : rest.substring(0, end);
        if (!isIndex(segment)) {
            return pointer;
        }
        int index = Integer.parseInt(segment);
        for (int gone : removed) {
            if (gone <= index) {
                index++;
            }
        }
        return list + "/" + index + (end < 0 ? "" : rest.substring(end));
    }
}
