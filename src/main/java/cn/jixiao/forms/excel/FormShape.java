package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.shape.FormSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a workbook needs to know of one object of a form's JSON Schema: its fields in schema order, each with
 * its Chinese title and the kind of cell it takes; objects of like rows (a grid, such as 项目资金), and arrays
 * of rows (a table, such as the indicators). Read from the schema the service validates with, so that a
 * workbook and the contract cannot drift.
 */
final class FormShape {
    /** {@code LIST}: a list of values in one cell — of {@code choices} (偏差原因) separated by 、, or texts one a line. */
    enum Kind { TEXT, AMOUNT, NUMBER, INTEGER, DATE, YES_NO, LEVEL1, LEVEL2, CHOICE, LIST }

    /** Something of an object a sheet shows: a field, a grid or a table. */
    interface Member {
    }

    /**
     * One value; {@code pointer} is relative to the object, {@code /trackingPeriod/start} for a nested one;
     * {@code fallback} is the schema's {@code default}, what an absent value means ("" for none); {@code headers}
     * the other names a column or label may give it ({@link HeaderNames}); {@code sumOf} the fields it adds up
     * ({@code x-sum-of}).
     */
    record Field(String pointer, String title, Kind kind, List<String> choices, boolean multiline, String fallback,
                 List<String> headers, List<String> sumOf) implements Member {
        Field(String pointer, String title, Kind kind, List<String> choices, boolean multiline) {
            this(pointer, title, kind, choices, multiline, "", List.of(), List.of());
        }

        String name() {
            return pointer.substring(pointer.lastIndexOf('/') + 1);
        }

        /** Every name a header or label may give the field: its title first. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            names.add(title);
            names.addAll(headers);
            return names;
        }
    }

    /** An object whose properties are objects of one shape: one row each, the shape's fields as columns. */
    record Grid(String pointer, String title, List<Field> rows, List<Field> columns) implements Member {
        /** The field of one cell: a row's column, {@code /funds/fiscal/initialBudget}, titled 当年财政拨款年初预算数. */
        Field cell(Field row, Field column) {
            return new Field(row.pointer() + column.pointer(), row.title() + column.title(), column.kind(), column.choices(),
                    column.multiline());
        }
    }

    /** An array of objects: a header of its items' fields, one row an item; {@code headers} as a field's ({@link HeaderNames}). */
    record Table(String pointer, String title, List<Member> columns, JsonNode items, List<String> headers) implements Member {
        List<Field> fields() {
            return fieldsOf(columns);
        }

        /** The table as one column of text: the target table's composed 绩效指标. */
        Field asText() {
            return new Field(pointer, title, Kind.TEXT, List.of(), true, "", headers, List.of());
        }
    }

    private final ObjectNode root;
    private final List<Member> members = new ArrayList<>();
    /** Relative pointers of objects the schema requires: present, if empty, so that their own fields are reported. */
    private final Set<String> requiredObjects = new HashSet<>();

    private FormShape(ObjectNode root) {
        this.root = root;
    }

    /** The shape of {@code objectSchema}, a node of the form's schema {@code root}. */
    static FormShape of(ObjectNode root, JsonNode objectSchema) {
        FormShape shape = new FormShape(root);
        shape.collect(shape.resolve(objectSchema), "");
        return shape;
    }

    List<Member> members() {
        return members;
    }

    Set<String> requiredObjects() {
        return requiredObjects;
    }

    /** The first table, if the object has one. */
    Table table() {
        return members.stream().filter(Table.class::isInstance).map(Table.class::cast).findFirst().orElse(null);
    }

    private void collect(JsonNode schema, String prefix) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (var property : schema.path("properties").properties()) {
            String pointer = prefix + "/" + property.getKey();
            JsonNode node = resolve(property.getValue());
            String title = property.getValue().path("title").asString(node.path("title").asString(property.getKey()));
            JsonNode items = resolve(node.path("items"));
            if (types(node).contains("array") && (types(items).contains("object") || items.has("properties"))) {
                members.add(new Table(pointer, title, of(root, node.path("items")).members, items,
                        HeaderNames.of(title)));
            } else if (types(node).contains("array")) {
                members.add(list(pointer, title, items));
            } else if (types(node).contains("object")) {
                if (required.contains(property.getKey())) {
                    requiredObjects.add(pointer);
                }
                List<Field> rows = gridRows(node, pointer);
                if (rows.isEmpty()) {
                    collect(node, pointer);
                } else {
                    members.add(new Grid(pointer, title, rows, of(root, resolve(node.path("properties").properties()
                            .iterator().next().getValue())).fields()));
                }
            } else {
                members.add(field(pointer, title, property.getValue(), node));
            }
        }
    }

    List<Field> fields() {
        return fieldsOf(members);
    }

    private static List<Field> fieldsOf(List<Member> members) {
        return members.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    /** The rows of a grid: every property refers to one and the same object definition; none otherwise. */
    private List<Field> gridRows(JsonNode object, String pointer) {
        List<Field> rows = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (var property : object.path("properties").properties()) {
            String target = reference(property.getValue());
            JsonNode node = resolve(property.getValue());
            if (target == null || !types(node).contains("object")) {
                return List.of();
            }
            targets.add(target);
            rows.add(new Field(pointer + "/" + property.getKey(), property.getValue().path("title").asString(property.getKey()),
                    Kind.TEXT, List.of(), false));
        }
        return targets.size() == 1 ? rows : List.of();
    }

    /** A list of values (not of rows), written in one cell: its items' choices, if they have any. */
    private static Field list(String pointer, String title, JsonNode items) {
        List<String> choices = new ArrayList<>();
        items.path("enum").forEach(value -> {
            if (value.isString()) {
                choices.add(value.asString());
            }
        });
        return new Field(pointer, title, Kind.LIST, List.copyOf(choices), choices.isEmpty());
    }

    private static Field field(String pointer, String title, JsonNode declared, JsonNode node) {
        String taxonomy = node.path("x-taxonomy").asString("");
        Set<String> types = types(node);
        List<String> choices = List.of();
        Kind kind;
        if (taxonomy.equals("level1")) {
            kind = Kind.LEVEL1;
            choices = Taxonomy.level1Labels();
        } else if (taxonomy.equals("level2")) {
            kind = Kind.LEVEL2;
            choices = Taxonomy.level2Labels();
        } else if (types.contains("boolean")) {
            kind = Kind.YES_NO;
            choices = List.of("是", "否");
        } else if (node.path("format").asString("").equals("date")) {
            kind = Kind.DATE;
        } else if ("amount".equals(declared.path("x-kind").asString(node.path("x-kind").asString("")))) {
            kind = Kind.AMOUNT;
        } else if (types.contains("integer")) {
            kind = Kind.INTEGER;
        } else if (types.contains("number")) {
            kind = Kind.NUMBER;
        } else if (node.has("enum")) {
            kind = Kind.CHOICE;
            List<String> values = new ArrayList<>();
            node.path("enum").forEach(value -> {
                if (value.isString()) {
                    values.add(value.asString());
                }
            });
            choices = List.copyOf(values);
        } else {
            kind = Kind.TEXT;
        }
        return new Field(pointer, title, kind, choices, node.path("x-multiline").asBoolean(false),
                node.path("default").asString(""), HeaderNames.of(title), strings(declared, node, "x-sum-of"));
    }

    /** The strings of a keyword's list, as declared beside the reference or in the schema it refers to. */
    private static List<String> strings(JsonNode declared, JsonNode node, String keyword) {
        JsonNode list = declared.has(keyword) ? declared.path(keyword) : node.path(keyword);
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(item.asString()));
        return List.copyOf(strings);
    }

    private static Set<String> types(JsonNode node) {
        return FormSchema.types(node);
    }

    /** The {@code $ref} a property names, directly or as the non-null branch of an {@code anyOf}. */
    private static String reference(JsonNode node) {
        if (node.has("$ref")) {
            return node.path("$ref").asString();
        }
        for (JsonNode branch : node.path("anyOf")) {
            if (branch.has("$ref")) {
                return branch.path("$ref").asString();
            }
        }
        return null;
    }

    /** The schema a property stands for: its {@code $ref} followed, the null branch of an {@code anyOf} left out. */
    JsonNode resolve(JsonNode node) {
        String ref = reference(node);
        return ref == null ? node : root.at(ref.substring(1));
    }
}
