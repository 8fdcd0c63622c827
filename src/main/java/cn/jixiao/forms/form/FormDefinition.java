package cn.jixiao.forms.form;

import cn.jixiao.forms.form.rules.FormDefinitionError;
import cn.jixiao.forms.form.rules.JsonPlaces;
import cn.jixiao.forms.form.shape.FieldKind;
import cn.jixiao.forms.form.shape.KindKeywords.AmountSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What identifies a form, from its folder's {@code form.json}: its title and description, its paper, how its amounts
 * are given and printed, its download name and the outline of its PDF. The id is the folder's name.
 *
 * @param paper       what the template's page rule receives: {@code size} (A4 portrait), {@code margin}
 * @param amountUnit  the unit of every amount, or empty when the document states it in {@code amountUnitField}
 * @param amountUnitField the document's field that states the unit (its schema default when left out), or null
 * @param fileName    the expression of the download name's subject, or null
 * @param outline     the PDF's outline: which list's items get an entry (and an anchor), and below them which
 * @param order       where the form stands among the others (listings, the staff page)
 */
public record FormDefinition(String id, String title, String description, Map<String, String> paper,
                             Optional<String> amountUnit, String amountUnitField, int amountDecimals,
                             boolean blankZeroAmounts, boolean chineseDates, String fileName, Outline outline, int order,
                             JsonNode json) {
    private static final Set<String> KEYS = Set.of("title", "description", "paper", "amountUnit", "amountUnitField",
            "amountDecimals", "zeroAmounts", "dates", "fileName", "outline", "order", "attachment", "basis", "derive",
            "pdfLayout");

    /** An outline level: the list whose items each get an entry, the anchor's prefix, the field naming the entry. */
    public record Outline(String items, String anchor, String title, Outline children) {
    }

    /**
     * What a template receives as {@code form}: every key of form.json as written, with {@code id} and {@code paper}
     * completed ({@code paper.size} "A4 portrait", {@code paper.margin}).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> templateModel() {
        Map<String, Object> model = new LinkedHashMap<>(Json.MAPPER.convertValue(json, Map.class));
        model.put("id", id);
        model.put("title", title);
        model.put("description", description);
        model.put("paper", paper);
        model.put("amountUnit", amountUnit.orElse(""));
        return Map.copyOf(model);
    }

    /**
     * The forms a document of this form can be made from, each with the expression that makes it: {@code derive} in
     * form.json, {@code {"performance-target": "…"}} or {@code {"performance-target": {"document": "…"}}}.
     */
    public Map<String, String> derivations() {
        Map<String, String> derivations = new LinkedHashMap<>();
        json.path("derive").properties().forEach(e -> derivations.put(e.getKey(),
                e.getValue().isString() ? e.getValue().asString() : e.getValue().path("document").asString("")));
        return derivations;
    }

    /**
     * Whether the direct PDF layout may write this form when the operator switches it on ({@code "pdfLayout":
     * "direct"}): only a form it has been checked on against openhtmltopdf says so.
     */
    public boolean directPdfLayout() {
        return json.path("pdfLayout").asString("openhtmltopdf").equals("direct");
    }

    /** How the form's amounts are given, for its schema's amount fields. */
    public AmountSettings amountSettings() {
        return new AmountSettings(amountUnit, amountDecimals);
    }

    public FieldKind.Printing printing() {
        return new FieldKind.Printing(amountDecimals, blankZeroAmounts, chineseDates);
    }

    /** Reads {@code form.json}; {@link FormDefinitionError} naming the key and its place when it is wrong. */
    public static FormDefinition read(String id, JsonNode json, JsonPlaces places) {
        List<FormDefinitionError.Fault> faults = new ArrayList<>();
        if (!(json instanceof ObjectNode object)) {
            throw new FormDefinitionError(places.at(""), "form.json 应为一个 JSON 对象");
        }
        for (String key : object.propertyNames()) {
            if (!KEYS.contains(key)) {
                faults.add(new FormDefinitionError.Fault(places.at("/" + key), "form.json 中不认识的键「" + key + "」；可用的键："
                        + String.join("、", KEYS.stream().sorted().toList())));
            }
        }
        String title = json.path("title").asString("");
        if (title.isBlank()) {
            faults.add(new FormDefinitionError.Fault(places.at(""), "form.json 缺少 title（表名，如 项目支出绩效跟踪表）"));
        }
        JsonNode paper = json.path("paper");
        String size = paper.path("size").asString("A4") + " " + paper.path("orientation").asString("portrait");
        String margin = paper.path("margin").asString("18mm 15mm 18mm 15mm");
        String unit = json.path("amountUnit").asString(null);
        if (unit != null && !unit.equals("元") && !unit.equals("万元")) {
            faults.add(new FormDefinitionError.Fault(places.at("/amountUnit"), "amountUnit 只能是 元 或 万元"));
        }
        String zero = json.path("zeroAmounts").asString("0.00");
        if (!zero.equals("blank") && !zero.equals("0.00")) {
            faults.add(new FormDefinitionError.Fault(places.at("/zeroAmounts"), "zeroAmounts 只能是 blank（零印作空格）或 0.00"));
        }
        String dates = json.path("dates").asString("chinese");
        if (!dates.equals("chinese") && !dates.equals("iso")) {
            faults.add(new FormDefinitionError.Fault(places.at("/dates"), "dates 只能是 chinese（2021年9月10日）或 iso（2021-09-10）"));
        }
        String layout = json.path("pdfLayout").asString("openhtmltopdf");
        if (!layout.equals("openhtmltopdf") && !layout.equals("direct")) {
            faults.add(new FormDefinitionError.Fault(places.at("/pdfLayout"),
                    "pdfLayout 只能是 direct（已与 openhtmltopdf 逐页核对过的表）或 openhtmltopdf（默认）"));
        }
        if (!faults.isEmpty()) {
            throw new FormDefinitionError(faults);
        }
        return new FormDefinition(id, title, json.path("description").asString(""),
                Map.of("size", size, "margin", margin, "orientation", paper.path("orientation").asString("portrait")),
                Optional.ofNullable(unit), json.path("amountUnitField").asString(null),
                json.path("amountDecimals").asInt(2), zero.equals("blank"), dates.equals("chinese"),
                json.path("fileName").asString(null), outline(json.path("outline")), json.path("order").asInt(100), json);
    }

    private static Outline outline(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new Outline(node.path("items").asString(), node.path("anchor").asString("item"),
                node.path("title").asString("name"), outline(node.path("children")));
    }

    /** The unit of a document's amounts: the form's, else the one the document states, else that field's default. */
    public String amountUnitOf(JsonNode document, JsonNode schema) {
        if (amountUnit.isPresent()) {
            return amountUnit.get();
        }
        if (amountUnitField == null) {
            return "元";
        }
        JsonNode stated = document == null ? null : document.get(amountUnitField);
        if (stated != null && stated.isString() && !stated.asString().isBlank()) {
            return stated.asString();
        }
        return schema.path("properties").path(amountUnitField).path("default").asString("元");
    }
}
