package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.functions.Functions;
import cn.jixiao.forms.form.indicator.NamedValue;
import cn.jixiao.forms.form.rules.ExpressionCompiler.Scope;
import cn.jixiao.forms.form.shape.FieldKind;
import cn.jixiao.forms.form.shape.FormSchema;
import cn.jixiao.forms.form.shape.ObjectShape.Property;
import cn.jixiao.forms.form.shape.ObjectShape;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Everything a form's schema declares beyond JSON Schema, compiled when the form loads: the figures of each
 * object ({@code x-derive}, and each {@code x-sum-of}), its rules ({@code x-rules}), the runs of its lists
 * ({@code x-runs}) and its indicator checks ({@code x-indicator-checks}), and the document's file name. Every fault is
 * collected with its file, line and column, so that a maintainer sees them all at once.
 */
public final class CompiledForm {
    private static final Set<String> FIGURE_KEYS = Set.of("expr", "format", "figure", "title", "description");
    private static final Set<String> RULE_KEYS = Set.of("rule", "severity", "path", "message", "messageExpression",
            "limit", "description");
    private static final Set<String> CHECK_KEYS = Set.of("rows", "project", "budget", "budgetLabel", "budgetUnit", "skip",
            "level1", "level2", "name", "values", "description");

    private final FormSchema schema;
    private final Map<ObjectShape, List<Figure>> figures = new HashMap<>();
    private final Map<ObjectShape, List<Rule>> rules = new HashMap<>();
    private final Map<ObjectShape, RowRuns> rowRuns = new HashMap<>();
    private final Map<ObjectShape, IndicatorDeclaration> checks = new HashMap<>();
    private final Expression fileName;
    private final List<FormDefinitionError.Fault> faults = new ArrayList<>();
    private final JsonPlaces places;
    private final ShapeTypes types;
    private final ExpressionCompiler compiler;

    private CompiledForm(FormSchema schema, JsonPlaces places, String fileNameExpression, SourcePlace fileNamePlace) {
        this.schema = schema;
        this.places = places;
        this.types = new ShapeTypes(schema.shapes());
        this.compiler = new ExpressionCompiler(types, schema.root());
        for (ObjectShape shape : schema.shapes()) {
            guard(() -> compileRuns(shape));
        }
        for (ObjectShape shape : postOrder()) {
            guard(() -> compileFigures(shape));
        }
        for (ObjectShape shape : schema.shapes()) {
            guard(() -> compileRules(shape));
            guard(() -> compileChecks(shape));
        }
        Expression name = null;
        if (fileNameExpression != null) {
            try {
                name = compiler.compile(fileNameExpression, fileNamePlace, schema.root(), Scope.DOCUMENT, null, SimpleType.STRING);
            } catch (FormDefinitionError e) {
                faults.addAll(e.faults());
            }
        }
        this.fileName = name;
        if (!faults.isEmpty()) {
            throw new FormDefinitionError(faults);
        }
    }

    /**
     * Compiles a form's declarations; {@link FormDefinitionError} with every fault.
     *
     * @param fileName the expression of the download name's subject, or null for the title alone
     */
    public static CompiledForm of(FormSchema schema, JsonPlaces places, String fileName, SourcePlace fileNamePlace) {
        return new CompiledForm(schema, places, fileName, fileNamePlace);
    }

    public FormSchema schema() {
        return schema;
    }

    /**
     * An expression on this form's whole document ({@code self}, with its figures), written elsewhere (another form's
     * derive): compiled against this form's types; a fault at {@code place}.
     */
    Expression compileOnDocument(String text, SourcePlace place, CelType expected) {
        return compiler.compile(text, place, schema.root(), Scope.DOCUMENT, null, expected);
    }

    List<Figure> figures(ObjectShape shape) {
        return figures.getOrDefault(shape, List.of());
    }

    List<Rule> rules(ObjectShape shape) {
        return rules.getOrDefault(shape, List.of());
    }

    RowRuns runs(ObjectShape rows) {
        return rowRuns.get(rows);
    }

    IndicatorDeclaration checks(ObjectShape shape) {
        return checks.get(shape);
    }

    Expression fileName() {
        return fileName;
    }

    /** How many expressions the form declares: for the maintainer's summary. */
    public int expressionCount() {
        int count = fileName == null ? 0 : 1;
        for (List<Figure> list : figures.values()) {
            count += list.size();
        }
        for (List<Rule> list : rules.values()) {
            count += list.size();
        }
        for (RowRuns runs : rowRuns.values()) {
            count += runs.keys().size();
        }
        return count + checks.size();
    }

    private void guard(Runnable step) {
        try {
            step.run();
        } catch (FormDefinitionError e) {
            faults.addAll(e.faults());
        }
    }

    /** Children before parents, so that a parent's figures may add up its children's. */
    private List<ObjectShape> postOrder() {
        List<ObjectShape> order = new ArrayList<>();
        visit(schema.root(), new HashSet<>(), order);
        return order;
    }

    private static void visit(ObjectShape shape, Set<ObjectShape> seen, List<ObjectShape> order) {
        if (!seen.add(shape)) {
            return;
        }
        for (Property property : shape.properties().values()) {
            if (property.object() != null) {
                visit(property.object(), seen, order);
            }
            if (property.items() != null) {
                visit(property.items(), seen, order);
            }
        }
        order.add(shape);
    }

    private String declared(ObjectShape shape, String keyword) {
        return shape.schemaPointer() + "/" + keyword;
    }

    private void compileRuns(ObjectShape shape) {
        for (Property property : shape.properties().values()) {
            Map<String, String> declared = property.runs();
            if (declared.isEmpty()) {
                continue;
            }
            if (property.items() == null) {
                throw new FormDefinitionError(places.at(property.schemaPointer() + "/x-runs"),
                        "x-runs 只能写在对象列表上（" + property.name() + " 不是）");
            }
            ObjectShape rows = property.items();
            Map<String, Expression> keys = new LinkedHashMap<>();
            declared.forEach((run, text) -> keys.put(run, compiler.compile(text,
                    places.insideString(property.schemaPointer() + "/x-runs/" + run), rows, Scope.RUN_KEY, null, null)));
            rowRuns.put(rows, new RowRuns(property.name(), keys, types.runs(rows, property.name(), List.copyOf(keys.keySet()))));
        }
    }

    private void compileFigures(ObjectShape shape) {
        List<Figure> list = new ArrayList<>();
        for (Property property : shape.properties().values()) {
            List<String> parts = property.sumOf();
            if (parts.isEmpty()) {
                continue;
            }
            for (String part : parts) {
                Property summed = shape.properties().get(part);
                if (summed == null || summed.kind() == null || !summed.kind().isNumber()) {
                    throw new FormDefinitionError(places.at(property.schemaPointer() + "/x-sum-of"),
                            "x-sum-of 列出的「" + part + "」不是本对象的数值字段");
                }
            }
            String text = "[" + String.join(", ", parts.stream().map(p -> "self.?" + p).toList()) + "].sum()";
            Expression sum = compiler.compile(text, places.at(property.schemaPointer() + "/x-sum-of"), shape, scope(shape), runsType(shape), null);
            list.add(new Figure(property.name(), sum, Figure.Format.NATURAL, property.name(), property.kind(), parts));
        }
        String at = declared(shape, "x-derive");
        for (var entry : shape.node().path("x-derive").properties()) {
            String name = entry.getKey();
            JsonNode declaration = entry.getValue();
            String pointer = at + "/" + name;
            String text = declaration.isString() ? declaration.asString() : declaration.path("expr").asString(null);
            if (text == null) {
                throw new FormDefinitionError(places.at(pointer), "x-derive 的「" + name + "」缺少 expr");
            }
            unknownKeys(declaration, FIGURE_KEYS, pointer);
            SourcePlace place = places.insideString(declaration.isString() ? pointer : pointer + "/expr");
            Expression expression = compiler.compile(text, place, shape, scope(shape), runsType(shape), null);
            CelType type = expression.type() instanceof OptionalType optional ? optional.parameters().get(0) : expression.type();
            Property shadowed = shape.properties().get(name);
            if (shadowed != null && !ShapeTypes.of(shadowed.kind() == null ? FieldKind.TEXT : shadowed.kind()).equals(type)) {
                throw new FormDefinitionError(place, "算出的「" + name + "」与同名字段的类型不同：请换一个名字");
            }
            Figure.Format format;
            try {
                format = Figure.Format.of(declaration.path("format").asString(null));
            } catch (IllegalArgumentException e) {
                throw new FormDefinitionError(places.at(pointer + "/format"), "format 只能是：" + String.join("、", Figure.Format.names()));
            }
            JsonNode figure = declaration.path("figure");
            String cell = figure.isBoolean() ? (figure.booleanValue() ? name : null) : figure.asString(null);
            list.add(new Figure(name, expression, format, cell, shadowed == null ? null : shadowed.kind(), List.of()));
            types.addFigure(shape, name, type);
        }
        figures.put(shape, list);
    }

    private Scope scope(ObjectShape shape) {
        return shape.isRow() ? Scope.ROW : Scope.OBJECT;
    }

    private CelType runsType(ObjectShape shape) {
        RowRuns runs = rowRuns.get(shape);
        return runs == null ? null : runs.type();
    }

    private void compileRules(ObjectShape shape) {
        List<Rule> list = new ArrayList<>();
        JsonNode declared = shape.node().path("x-rules");
        for (int i = 0; i < declared.size(); i++) {
            int number = i;
            guard(() -> list.add(compileRule(shape, declared.get(number), number)));
        }
        rules.put(shape, list);
    }

    private Rule compileRule(ObjectShape shape, JsonNode rule, int i) {
        String pointer = declared(shape, "x-rules") + "/" + i;
        unknownKeys(rule, RULE_KEYS, pointer);
        String text = rule.path("rule").asString(null);
        if (text == null) {
            throw new FormDefinitionError(places.at(pointer), "x-rules 的第 " + (i + 1) + " 条缺少 rule");
        }
        String severity = rule.path("severity").asString("error");
        if (!severity.equals("error") && !severity.equals("warning")) {
            throw new FormDefinitionError(places.at(pointer + "/severity"), "severity 只能是 error 或 warning");
        }
        String path = rule.path("path").asString("");
        checkPath(shape, path, places.at(pointer + "/path"));
        Expression holds = compiler.compile(text, places.insideString(pointer + "/rule"), shape, scope(shape),
                runsType(shape), SimpleType.BOOL);
        String message = rule.path("message").asString(null);
        Expression messageExpression = null;
        if (rule.has("messageExpression")) {
            messageExpression = compiler.compile(rule.path("messageExpression").asString(),
                    places.insideString(pointer + "/messageExpression"), shape, scope(shape), runsType(shape), SimpleType.STRING);
        } else if (message == null) {
            throw new FormDefinitionError(places.at(pointer), "x-rules 的第 " + (i + 1) + " 条缺少 message 或 messageExpression");
        }
        return new Rule(holds, severity.equals("error"), path, message, messageExpression, rule.path("limit").asString(null));
    }

    /** A rule's path names fields of its object (or below), so that its message lands where the page shows it. */
    private void checkPath(ObjectShape shape, String path, SourcePlace place) {
        ObjectShape current = shape;
        for (String segment : path.isEmpty() ? new String[0] : path.split("/")) {
            if (current == null) {
                return;
            }
            Property property = current.properties().get(segment);
            if (property == null) {
                if (figures.getOrDefault(current, List.of()).stream().anyMatch(f -> f.name().equals(segment))
                        || segment.chars().allMatch(Character::isDigit)) {
                    return;
                }
                throw new FormDefinitionError(place, "path 中的「" + segment + "」不是「" + current.name() + "」的字段；字段有："
                        + String.join("、", current.properties().keySet()));
            }
            current = property.object() != null ? property.object() : property.items();
        }
    }

    private void compileChecks(ObjectShape shape) {
        JsonNode declared = shape.node().get("x-indicator-checks");
        if (declared == null) {
            return;
        }
        String pointer = declared(shape, "x-indicator-checks");
        unknownKeys(declared, CHECK_KEYS, pointer);
        String list = declared.path("rows").asString("indicators");
        Property rowsProperty = shape.properties().get(list);
        if (rowsProperty == null || rowsProperty.items() == null) {
            throw new FormDefinitionError(places.at(pointer + "/rows"), "rows 应为本对象中指标列表的字段名，「" + list + "」不是");
        }
        ObjectShape rows = rowsProperty.items();
        String level1 = field(rows, declared.path("level1").asString(byKind(rows, FieldKind.LEVEL1)), pointer + "/level1");
        String level2Name = declared.path("level2").asString(byKind(rows, FieldKind.LEVEL2));
        String level2 = level2Name == null ? null : field(rows, level2Name, pointer + "/level2");
        String name = field(rows, declared.path("name").asString("name"), pointer + "/name");
        List<IndicatorDeclaration.Value> values = new ArrayList<>();
        for (var entry : declared.path("values").properties()) {
            Property value = rows.properties().get(field(rows, entry.getKey(), pointer + "/values"));
            NamedValue.Role role;
            try {
                role = NamedValue.Role.valueOf(entry.getValue().asString("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FormDefinitionError(places.at(pointer + "/values/" + entry.getKey()), "指标值的角色只能是 target 或 actual");
            }
            values.add(new IndicatorDeclaration.Value(value.name(), value.title(), role));
        }
        Expression project = compiler.compile(declared.path("project").asString("''"),
                places.insideString(pointer + "/project"), shape, Scope.OBJECT, null, SimpleType.STRING);
        Expression budget = declared.has("budget") ? compiler.compile(declared.path("budget").asString(),
                places.insideString(pointer + "/budget"), shape, Scope.OBJECT, null, Functions.DECIMAL) : null;
        Expression unit = compiler.compile(declared.path("budgetUnit").asString("'元'"),
                places.insideString(pointer + "/budgetUnit"), shape, Scope.OBJECT, null, SimpleType.STRING);
        Expression skip = declared.has("skip") ? compiler.compile(declared.path("skip").asString(),
                places.insideString(pointer + "/skip"), rows, scope(rows), runsType(rows), SimpleType.BOOL) : null;
        checks.put(shape, new IndicatorDeclaration(list, project, budget, declared.path("budgetLabel").asString("预算"), unit,
                skip, level1, level2, name, values));
    }

    private static String byKind(ObjectShape rows, FieldKind kind) {
        return rows.properties().values().stream().filter(p -> p.kind() == kind).map(Property::name).findFirst().orElse(null);
    }

    private String field(ObjectShape rows, String name, String pointer) {
        if (name == null || !rows.properties().containsKey(name)) {
            throw new FormDefinitionError(places.at(pointer), "指标行没有字段「" + name + "」；字段有："
                    + String.join("、", rows.properties().keySet()));
        }
        return name;
    }

    private void unknownKeys(JsonNode declaration, Set<String> known, String pointer) {
        if (!declaration.isObject()) {
            return;
        }
        for (String key : declaration.propertyNames()) {
            if (!known.contains(key)) {
                throw new FormDefinitionError(places.at(pointer + "/" + key), "不认识的键「" + key + "」；可用的键："
                        + String.join("、", known.stream().sorted().toList()));
            }
        }
    }
}
