package cn.jixiao.forms;

import cn.jixiao.forms.form.FormDefinition;
import cn.jixiao.forms.render.OutlinePage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The page of the PDF each item of a document's outline starts on, by the JSON pointer of its list, pages from 1:
 * {@code {"/units": [1], "/units/0/projects": [1, 1, 2, …]}}. The file's outline has an entry per item, in order, as
 * the form's folder declares its outline; a list whose entries do not match its items one for one is left out
 * rather than guessed.
 */
final class SectionPages {
    private SectionPages() {
    }

    static Map<String, List<Integer>> of(FormDefinition.Outline outline, JsonNode document, List<OutlinePage> entries) {
        Map<String, List<Integer>> pages = new LinkedHashMap<>();
        add(outline, "", document, entries, pages);
        return pages;
    }

    private static void add(FormDefinition.Outline outline, String parent, JsonNode object, List<OutlinePage> entries,
                            Map<String, List<Integer>> pages) {
        if (outline == null || object == null) {
            return;
        }
        JsonNode items = object.path(outline.items());
        if (!items.isArray() || items.size() != entries.size() || entries.isEmpty()) {
            return;
        }
        String list = parent + "/" + outline.items();
        pages.put(list, entries.stream().map(entry -> entry.page() + 1).toList());
        for (int i = 0; i < entries.size(); i++) {
            add(outline.children(), list + "/" + i, items.get(i), entries.get(i).children(), pages);
        }
    }
}
