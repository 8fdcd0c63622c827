package cn.jixiao.forms.batch;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.RegisteredForm;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch item made from a document of another form: {@code {"form": "performance-monitoring", "from":
 * "performance-target", "document": {…目标表…}, "fill": {"year": 2025, "months": 6}}}. The document is checked as a
 * document of {@code from}; {@code fill}'s fields are set on every form made (each item of the list the form's
 * outline names, or the document itself), overriding what was carried.
 */
final class DerivedItem {
    private DerivedItem() {
    }

    /** The item's document made into {@code form}; null, with the problems noted, when it cannot be. */
    static ObjectNode document(JsonNode item, String path, RegisteredForm form, FormService service, Problems problems) {
        JsonNode from = item.path("from");
        if (!from.isString()) {
            problems.error(path + "/from", "「fill」只用于由另一张表生成的项：请在「from」中写明由哪张表生成，如 performance-target");
            return null;
        }
        RegisteredForm source = service.forms().stream().filter(f -> f.id().equals(from.asString())).findFirst().orElse(null);
        if (source == null) {
            problems.error(path + "/from", "没有这种表：" + from.asString() + "；可用的表：" + BatchRequest.ids(service));
            return null;
        }
        if (!form.derivableFrom().contains(source.id())) {
            problems.error(path + "/from", "「" + form.title() + "」不能由「" + source.title() + "」生成"
                    + (form.derivableFrom().isEmpty() ? "" : "；可由这些表生成：" + String.join("、", form.derivableFrom())));
            return null;
        }
        JsonNode fill = item.path("fill");
        if (!fill.isMissingNode() && !fill.isObject()) {
            problems.error(path + "/fill", "「fill」应为对象，写明每张生成的表都要填的字段，如 {\"year\": 2025}");
            return null;
        }
        ObjectNode document;
        try {
            document = service.derivedDocument(form, source, Json.MAPPER.writeValueAsBytes(item.get("document")));
        } catch (FormError e) {
            if (e.kind() != FormError.Kind.INVALID_DOCUMENT && e.kind() != FormError.Kind.LIMIT_EXCEEDED) {
                throw e;
            }
            e.details().forEach(problem -> problems.error(problem.within(path + "/document")));
            return null;
        }
        if (fill.isObject()) {
            for (JsonNode made : made(document, form)) {
                if (made instanceof ObjectNode each) {
                    for (Map.Entry<String, JsonNode> field : fill.properties()) {
                        each.set(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
        }
        return document;
    }

    /** Each form the document holds: the items of the list its outline names, or the document when it has none. */
    private static Iterable<JsonNode> made(ObjectNode document, RegisteredForm form) {
        String items = form.definition().outline() == null ? null : form.definition().outline().items();
        JsonNode list = items == null ? null : document.get(items);
        return list != null && list.isArray() ? list : List.of(document);
    }

    /** A problem of a form made from another, where the officer can act on it: in the source, or in fill. */
    static Problem made(Problem problem) {
        return new Problem(problem.path(), "由另一张表生成后：" + problem.message() + "（可在「fill」中为每张生成的表一并填写）",
                problem.limit());
    }
}
