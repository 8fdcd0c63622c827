package cn.jixiao.forms.batch;

import cn.jixiao.forms.CheckedDocument;
import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.RequestJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;

/**
 * A department's forms in one request, {@code {"items": [{"form": "<form id>", "document": {…}}, …]}}, read and
 * checked whole before anything is rendered: a bad item refuses the batch with every problem at its path in
 * the batch ({@code /items/3/document/forms/0/annualBudget}), and the warnings of every item come along.
 * An item may carry a document of another form instead ({@code "from": "<form id>"}), made into the item's form as
 * its folder declares, with what people add to every form made that way in {@code "fill"} (a year, a period).
 */
public record BatchRequest(List<Item> items, List<Problem> warnings) {
    private static final Set<String> ITEM_FIELDS = Set.of("form", "document", "from", "fill");

    /** One checked item: its document, checked once and rendered as it is in every file, and its own warnings. */
    public record Item(int index, CheckedDocument document, List<Problem> warnings) {
        public RegisteredForm form() {
            return document.form();
        }
    }

    public static BatchRequest read(byte[] body, FormService service, int maxItems) {
        JsonNode root = RequestJson.read(body);
        Problems problems = new Problems();
        JsonNode items = root.path("items");
        if (!root.isObject()) {
            throw FormError.invalid(List.of(new Problem("", "请求应为对象 {\"items\": […]}")));
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals("items")) {
                problems.error("/" + field.getKey(), "不认识的字段「" + field.getKey() + "」：批量请求只有 items");
            }
        }
        if (!items.isArray() || items.isEmpty()) {
            problems.error("/items", "「items」应为列表，至少一项：每项 {\"form\": 表单编号, \"document\": 文档}");
            throw FormError.invalid(problems.errors());
        }
        if (items.size() > maxItems) {
            throw FormError.invalid(List.of(new Problem("/items", "一次最多 " + maxItems + " 项，现有 " + items.size()
                    + " 项（限制 JIXIAO_MAX_BATCH_ITEMS）", "JIXIAO_MAX_BATCH_ITEMS")));
        }
        List<Item> checked = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (int i = 0; i < items.size() && !problems.full(); i++) {
            Item item = item(items.get(i), i, service, problems);
            // Its checked document is kept to render; the tree it was read from is let go as the next is checked.
            ((ArrayNode) items).set(i, NullNode.getInstance());
            if (item != null) {
                checked.add(item);
                warnings.addAll(item.warnings());
            }
        }
        problems.throwIfErrors();
        return new BatchRequest(checked, warnings);
    }

    private static Item item(JsonNode item, int index, FormService service, Problems problems) {
        String path = "/items/" + index;
        if (!item.isObject()) {
            problems.error(path, "第 " + (index + 1) + " 项应为对象 {\"form\": 表单编号, \"document\": 文档}");
            return null;
        }
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (!ITEM_FIELDS.contains(field.getKey())) {
                problems.error(path + "/" + field.getKey(), "不认识的字段「" + field.getKey() + "」：每项只有 form、document，"
                        + "由另一张表生成时还有 from 和 fill");
            }
        }
        RegisteredForm form = null;
        JsonNode id = item.path("form");
        if (!id.isString()) {
            problems.error(path + "/form", "缺少表单编号「form」，如 " + ids(service));
        } else {
            form = service.forms().stream().filter(f -> f.id().equals(id.asString())).findFirst().orElse(null);
            if (form == null) {
                problems.error(path + "/form", "没有这种表：" + id.asString() + "；可用的表：" + ids(service));
            }
        }
        JsonNode document = item.get("document");
        if (document == null || !document.isObject()) {
            problems.error(path + "/document", "缺少文档「document」，应为对象");
            return null;
        }
        if (form == null) {
            return null;
        }
        if (item.has("from") || item.has("fill")) {
            document = DerivedItem.document(item, path, form, service, problems);
            if (document == null) {
                return null;
            }
            return checked(index, form, document, path + "/derived", DerivedItem::made, service, problems);
        }
        return checked(index, form, document, path + "/document", problem -> problem, service, problems);
    }

    /**
     * The item's document checked, once, its problems at {@code at} and below. It is checked as the bytes it is
     * rendered from and attached as read back, as a single render's body would be.
     */
    private static Item checked(int index, RegisteredForm form, JsonNode document, String at, UnaryOperator<Problem> told,
                                FormService service, Problems problems) {
        byte[] source = Json.MAPPER.writeValueAsBytes(document);
        RegisteredForm.Examined examined = service.examine(form, RequestJson.read(source));
        RegisteredForm.Verdict verdict = examined.verdict();
        verdict.errors().forEach(problem -> problems.error(told.apply(problem).within(at)));
        List<Problem> warnings = verdict.warnings().stream().map(problem -> problem.within(at)).toList();
        return verdict.valid() ? new Item(index, new CheckedDocument(form, examined.validated(), source), warnings) : null;
    }

    static String ids(FormService service) {
        List<String> ids = new ArrayList<>();
        service.forms().forEach(form -> ids.add(form.id()));
        return String.join("、", ids);
    }
}
