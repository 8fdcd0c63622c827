package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The other names budget systems give a column, by the title of the field it holds ({@code 年度目标} for
 * 绩效目标): one table for every form, {@code header-names.json} beside this class.
 */
final class HeaderNames {
    private static final Map<String, List<String>> NAMES = load();

    private HeaderNames() {
    }

    /** The other names of a field titled so; none when the table has no entry. */
    static List<String> of(String title) {
        return NAMES.getOrDefault(title, List.of());
    }

    /** The whole table: title → other names, in the order written. */
    static Map<String, List<String>> all() {
        return NAMES;
    }

    private static Map<String, List<String>> load() {
        try (InputStream in = HeaderNames.class.getResourceAsStream("header-names.json")) {
            JsonNode table = Json.MAPPER.readTree(in);
            Map<String, List<String>> names = new LinkedHashMap<>();
            table.properties().forEach(e -> names.put(e.getKey(), e.getValue().valueStream().map(JsonNode::asString).toList()));
            return Collections.unmodifiableMap(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
