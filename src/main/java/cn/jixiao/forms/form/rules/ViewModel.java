package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.Bookmark;
import cn.jixiao.forms.form.FormDefinition;
import cn.jixiao.forms.form.shape.FieldKind;
import cn.jixiao.forms.form.shape.ObjectShape;
import cn.jixiao.forms.form.shape.ObjectShape.Property;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a template receives as {@code doc}: the document with every value printed as its cell shows it (amounts
 * {@code 1,323,379.00}, dates {@code 2022年3月5日}, 是/否), an absent value as its default or an empty string, every
 * figure beside the fields, {@code <run>Span} on the rows of a list with runs, {@code anchor} on the items of the
 * outline and {@code bookmarks} on the document. Templates compute nothing.
 */
public final class ViewModel {
    private final Evaluation evaluation;
    private final FieldKind.Printing printing;

    private ViewModel(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.printing = evaluation.printing();
    }

    public static Map<String, Object> of(Evaluation evaluation, FormDefinition definition) {
        ViewModel builder = new ViewModel(evaluation);
        Map<String, Object> view = builder.object(evaluation.form().schema().root(), evaluation.values());
        view.put("bookmarks", outline(definition.outline(), view, ""));
        return view;
    }

    private Map<String, Object> object(ObjectShape shape, Map<String, Object> object) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Property property : shape.properties().values()) {
            Object value = object.get(property.name());
            if (property.object() != null) {
                view.put(property.name(), object(property.object(), value instanceof Map<?, ?> map ? cast(map) : Map.of()));
            } else if (property.items() != null) {
                List<Object> rows = new ArrayList<>();
                if (value instanceof List<?> list) {
                    list.forEach(row -> rows.add(object(property.items(), cast((Map<?, ?>) row))));
                }
                view.put(property.name(), rows);
            } else if (property.itemKind() != null) {
                List<Object> items = new ArrayList<>();
                if (value instanceof List<?> list) {
                    list.forEach(item -> items.add(property.itemKind().print(item, printing)));
                }
                view.put(property.name(), items);
            } else {
                view.put(property.name(), scalar(property, value));
            }
        }
        for (Figure figure : evaluation.form().figures(shape)) {
            Object value = object.get(figure.name());
            if (value instanceof Boolean yes && figure.format() == Figure.Format.NATURAL) {
                view.put(figure.name(), yes);
            } else if (value instanceof List<?> list) {
                view.put(figure.name(), printed(figure, list));
            } else if (value != null) {
                view.put(figure.name(), figure.print(value, printing));
            } else {
                view.put(figure.name(), figure.expression().type().equals(SimpleType.BOOL) ? Boolean.FALSE : "");
            }
        }
        Evaluation.Row row = evaluation.row(object);
        RowRuns runs = evaluation.form().runs(shape);
        if (row != null && runs != null) {
            runs.keys().keySet().forEach(run -> view.put(run + "Span", row.span(run)));
        }
        return view;
    }

    private String scalar(Property property, Object value) {
        FieldKind.Printing own = property.isoDate() ? new FieldKind.Printing(printing.decimals(), printing.blankZeroAmounts(), false)
                : printing;
        if (value != null) {
            return property.kind().print(value, own);
        }
        JsonNode fallback = property.fallback();
        return fallback == null || fallback.isNull() ? "" : fallback.asString(fallback.toString());
    }

    /** A figure that is a list (a row's pieces): a list of its items as printed, lists within it likewise. */
    private List<Object> printed(Figure figure, List<?> list) {
        List<Object> items = new ArrayList<>();
        list.forEach(item -> items.add(item instanceof List<?> inner ? printed(figure, inner) : figure.print(item, printing)));
        return items;
    }

    /** Gives each item of the outline's lists its anchor ({@code unit-0}, {@code project-0-3}) and lists the entries. */
    @SuppressWarnings("unchecked")
    private static List<Bookmark> outline(FormDefinition.Outline outline, Map<String, Object> view, String suffix) {
        List<Bookmark> marks = new ArrayList<>();
        if (outline == null || !(view.get(outline.items()) instanceof List<?> items)) {
            return marks;
        }
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = (Map<String, Object>) items.get(i);
            String anchor = outline.anchor() + suffix + "-" + i;
            item.put("anchor", anchor);
            List<Bookmark> children = outline(outline.children(), item, suffix + "-" + i);
            marks.add(new Bookmark(String.valueOf(item.getOrDefault(outline.title(), "")), anchor, children));
        }
        return marks;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
