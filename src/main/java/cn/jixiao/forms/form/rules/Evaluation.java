package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.Amounts;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.SchemaMessages;
import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.functions.Decimal;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.indicator.IndicatorDescription;
import cn.jixiao.forms.form.indicator.NamedValue;
import cn.jixiao.forms.form.indicator.ProjectContext;
import cn.jixiao.forms.form.shape.FieldKind;
import cn.jixiao.forms.form.shape.ObjectShape.Property;
import cn.jixiao.forms.form.shape.ObjectShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One document worked out by its form's declarations: first its figures, from the rows up (an object's figures may
 * add up its children's), then its rules and indicator checks, from the top down, so that problems come in the
 * order a reader meets them. An expression that reads a value with an error is not worked out; so a figure is
 * given wherever what it adds up is sound, whatever is wrong elsewhere.
 */
public final class Evaluation {
    private final CompiledForm form;
    private final Set<String> errors;
    private final Map<String, Object> limits;
    private final FieldKind.Printing printing;
    private final Map<String, Object> rootInput;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Map<Map<String, Object>, Row> rows = new IdentityHashMap<>();
    private final Map<String, Decimal> givenSums = new HashMap<>();
    /** Figures not worked out because what they read holds an error: what reads them is held back too. */
    private final Set<String> withheld = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Object> values;

    /** Where a row stands in its list, and the runs it belongs to. */
    record Row(int index, List<Object> inputRows, Map<String, Map<String, Object>> runs, String listPointer) {
        long span(String run) {
            Map<String, Object> state = runs.get(run);
            return state == null || !(Boolean) state.get("first") ? 0 : (Long) state.get("size");
        }
    }

    private Evaluation(CompiledForm form, JsonNode document, Set<String> errors, Map<String, Object> limits,
                       FieldKind.Printing printing) {
        this.form = form;
        this.errors = errors;
        this.limits = limits;
        this.printing = printing;
        this.rootInput = DocumentValues.of(form.schema().root(), document);
        this.values = object(form.schema().root(), document, "", null);
    }

    /**
     * Works out the figures of {@code document}, whose errors so far (schema and kinds) lie at {@code errors}; the rules
     * and checks are added to {@code problems} by {@link #check}.
     */
    public static Evaluation of(CompiledForm form, JsonNode document, Set<String> errors, Map<String, Object> limits,
                                FieldKind.Printing printing) {
        return new Evaluation(form, document, errors, limits, printing);
    }

    /** The document with its figures, as expressions saw it. */
    public Map<String, Object> values() {
        return values;
    }

    /** The figures as printed, by the JSON pointer of the cell each fills: what {@code /validate} answers. */
    public Map<String, String> figures() {
        return figures;
    }

    /** Expressions that failed on this document (a fault of the form, not of the document): for the maintainer. */
    public List<String> failures() {
        return failures;
    }

    /** The document as sent, before its figures: what {@code root} is in expressions. */
    Map<String, Object> rootInput() {
        return rootInput;
    }

    Map<String, Object> limits() {
        return limits;
    }

    Row row(Map<String, Object> object) {
        return rows.get(object);
    }

    CompiledForm form() {
        return form;
    }

    FieldKind.Printing printing() {
        return printing;
    }

    /** The download name's subject, worked out on the whole document; empty when the form declares none or it fails. */
    public String fileSubject() {
        Expression expression = form.fileName();
        if (expression == null) {
            return "";
        }
        try {
            return expression.evaluate(Map.of("self", values, "root", rootInput, "limits", limits)).map(String::valueOf).orElse("");
        } catch (Expression.EvaluationFailure failure) {
            failures.add(failure.getMessage());
            return "";
        }
    }

    // ---- figures, from the rows up

    private Map<String, Object> object(ObjectShape shape, JsonNode node, String pointer, Row row) {
        Map<String, Object> object = inputs(shape, node, pointer);
        figures(shape, object, pointer, row);
        return object;
    }

    private Map<String, Object> inputs(ObjectShape shape, JsonNode node, String pointer) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return object;
        }
        for (Property property : shape.properties().values()) {
            JsonNode child = node.get(property.name());
            if (child == null || child.isNull()) {
                continue;
            }
            String at = pointer + "/" + SchemaMessages.escape(property.name());
            Object value;
            if (property.object() != null) {
                value = child.isObject() ? object(property.object(), child, at, null) : null;
            } else if (property.items() != null) {
                value = child.isArray() ? rows(property.items(), child, at) : null;
            } else {
                value = DocumentValues.value(property, child);
            }
            if (value != null) {
                object.put(property.name(), value);
            }
        }
        return object;
    }

    private List<Object> rows(ObjectShape shape, JsonNode array, String pointer) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(inputs(shape, array.get(i), pointer + "/" + i));
        }
        List<Object> inputRows = new ArrayList<>();
        list.forEach(row -> inputRows.add(new LinkedHashMap<>(row)));
        List<Map<String, Map<String, Object>>> runs = runs(shape, inputRows, pointer);
        for (int i = 0; i < list.size(); i++) {
            Row row = new Row(i, inputRows, runs.get(i), pointer);
            rows.put(list.get(i), row);
            figures(shape, list.get(i), pointer + "/" + i, row);
        }
        return new ArrayList<>(list);
    }

    /** For each row, each run it belongs to: {@code first}, {@code size} and {@code rows}. */
    private List<Map<String, Map<String, Object>>> runs(ObjectShape shape, List<Object> inputRows, String pointer) {
        List<Map<String, Map<String, Object>>> result = new ArrayList<>();
        inputRows.forEach(r -> result.add(new LinkedHashMap<>()));
        RowRuns declared = form.runs(shape);
        if (declared == null) {
            return result;
        }
        for (Map.Entry<String, Expression> run : declared.keys().entrySet()) {
            List<Object> keys = new ArrayList<>();
            for (int i = 0; i < inputRows.size(); i++) {
                Map<String, Object> variables = Map.of("self", inputRows.get(i), "index", (long) i, "root", rootInput,
                        "limits", limits);
                Object key = blocked(run.getValue(), pointer + "/" + i, pointer) ? null : quietly(run.getValue(), variables);
                keys.add(key == null ? new Object() : key); // a row whose key cannot be read runs alone
            }
            int start = 0;
            while (start < keys.size()) {
                int end = start + 1;
                while (end < keys.size() && keys.get(end).equals(keys.get(start))) {
                    end++;
                }
                List<Object> members = List.copyOf(inputRows.subList(start, end));
                for (int i = start; i < end; i++) {
                    result.get(i).put(run.getKey(), Map.of("first", i == start, "size", (long) (end - start), "rows", members));
                }
                start = end;
            }
        }
        return result;
    }

    private void figures(ObjectShape shape, Map<String, Object> object, String pointer, Row row) {
        for (Figure figure : form.figures(shape)) {
            if (!figure.sumOf().isEmpty() && object.get(figure.name()) instanceof Decimal given) {
                givenSums.put(pointer + "/" + figure.name(), given);
            }
            if (blocked(figure.expression(), pointer, row == null ? null : row.listPointer())) {
                object.remove(figure.name());
                withheld.add(pointer + "/" + figure.name());
                continue;
            }
            Optional<Object> value;
            try {
                value = figure.expression().evaluate(variables(object, row));
            } catch (Expression.EvaluationFailure failure) {
                failures.add(failure.getMessage());
                withheld.add(pointer + "/" + figure.name());
                value = Optional.empty();
            }
            if (value.isPresent()) {
                object.put(figure.name(), value.get());
            } else {
                object.remove(figure.name());
            }
            if (figure.cell() != null) {
                figures.put(pointer + "/" + figure.cell(), value.map(v -> figure.print(v, printing)).orElse(""));
            }
        }
    }

    private Map<String, Object> variables(Map<String, Object> self, Row row) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("self", self);
        variables.put("root", rootInput);
        variables.put("limits", limits);
        if (row != null) {
            variables.put("index", (long) row.index());
            variables.put("rows", row.inputRows());
            variables.put("runs", row.runs());
        }
        return variables;
    }

    private Object quietly(Expression expression, Map<String, Object> variables) {
        try {
            return expression.evaluate(variables).orElse(null);
        } catch (Expression.EvaluationFailure failure) {
            failures.add(failure.getMessage());
            return null;
        }
    }

    /** Whether the expression reads a value with an error, at {@code pointer} (its object) or in its list. */
    private boolean blocked(Expression expression, String pointer, String listPointer) {
        if (errors.isEmpty() && withheld.isEmpty()) {
            return false;
        }
        for (ReadPaths.Read read : expression.reads()) {
            String base = switch (read.variable()) {
                case "self" -> pointer;
                case "root" -> "";
                case "rows", "runs" -> listPointer;
                default -> null;
            };
            if (base == null) {
                continue;
            }
            List<String> path = new ArrayList<>(segments(base));
            if (read.variable().equals("runs")) {
                path.add(ReadPaths.ANY); // a run's rows are some of the list's rows
            } else {
                read.fields().forEach(field -> path.add(field.equals(ReadPaths.ANY) ? field : SchemaMessages.escape(field)));
            }
            if (meetsError(path, read.shallow())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> segments(String pointer) {
        return pointer.isEmpty() ? List.of() : List.of(pointer.substring(1).split("/", -1));
    }

    /**
     * Whether an error lies at what is read, below it ({@code shallow}: not), or at an object above it; {@code *} in
     * the read stands for any item of a list.
     */
    private boolean meetsError(List<String> read, boolean shallow) {
        return meets(errors, read, shallow) || meets(withheld, read, shallow);
    }

    private static boolean meets(Set<String> places, List<String> read, boolean shallow) {
        for (String error : places) {
            List<String> at = segments(error);
            int common = Math.min(at.size(), read.size());
            boolean alike = true;
            for (int i = 0; i < common && alike; i++) {
                alike = read.get(i).equals(ReadPaths.ANY) || read.get(i).equals(at.get(i));
            }
            if (alike && (at.size() <= read.size() || !shallow)) {
                return true;
            }
        }
        return false;
    }

    // ---- rules and checks, from the top down

    /** Adds every rule's and check's problem to {@code problems}, in the order of the document. */
    public void check(Problems problems, IndicatorChecks indicatorChecks) {
        check(form.schema().root(), values, "", problems, indicatorChecks);
    }

    private void check(ObjectShape shape, Map<String, Object> object, String pointer, Problems problems,
                       IndicatorChecks indicatorChecks) {
        Row row = rows.get(object);
        for (Figure figure : form.figures(shape)) {
            String at = pointer + "/" + figure.name();
            Decimal given = givenSums.get(at);
            if (given != null && !meets(errors, segments(at), false) && object.get(figure.name()) instanceof Decimal sum
                    && !given.equals(sum)) {
                problems.error(pointer + "/" + figure.name(), sumMessage(shape, figure, given, sum));
            }
        }
        for (Rule rule : form.rules(shape)) {
            String list = row == null ? null : row.listPointer();
            if (blocked(rule.holds(), pointer, list)
                    || rule.messageExpression() != null && blocked(rule.messageExpression(), pointer, list)) {
                continue;
            }
            Map<String, Object> variables = variables(object, row);
            Object holds = quietly(rule.holds(), variables);
            if (!Boolean.FALSE.equals(holds)) {
                continue;
            }
            Object worded = rule.messageExpression() == null ? rule.message() : quietly(rule.messageExpression(), variables);
            String message = worded != null ? worded.toString() : rule.message();
            if (message == null) {
                continue;
            }
            String path = rule.path().isEmpty() ? pointer : pointer + "/" + rule.path();
            if (rule.error()) {
                problems.error(new Problem(path, message, rule.limit()));
            } else {
                problems.warning(path, message);
            }
        }
        for (Property property : shape.properties().values()) {
            Object child = object.get(property.name());
            String at = pointer + "/" + SchemaMessages.escape(property.name());
            if (property.object() != null && child instanceof Map<?, ?> map) {
                check(property.object(), cast(map), at, problems, indicatorChecks);
            } else if (property.items() != null && child instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    check(property.items(), cast((Map<?, ?>) list.get(i)), at + "/" + i, problems, indicatorChecks);
                }
            }
        }
        IndicatorDeclaration declaration = form.checks(shape);
        if (declaration != null) {
            indicators(declaration, shape, object, pointer, problems, indicatorChecks);
        }
    }

    private static String sumMessage(ObjectShape shape, Figure figure, Decimal given, Decimal sum) {
        List<String> parts = new ArrayList<>();
        figure.sumOf().forEach(part -> parts.add(shape.properties().get(part).title()));
        String title = shape.properties().get(figure.name()).title();
        return title + " " + Amounts.format(given.value()) + " 不等于 " + String.join(" + ", parts) + " = "
                + Amounts.format(sum.value());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The auditor's checks of one project's indicators; none while a row of them has an error (fix those first). */
    private void indicators(IndicatorDeclaration declaration, ObjectShape shape, Map<String, Object> object, String pointer,
                            Problems problems, IndicatorChecks indicatorChecks) {
        String listPointer = pointer + "/" + declaration.list();
        if (meetsErrorBelow(listPointer) || !(object.get(declaration.list()) instanceof List<?> list)) {
            return;
        }
        Map<String, Object> variables = variables(object, rows.get(object));
        String project = String.valueOf(Optional.ofNullable(quietly(declaration.project(), variables)).orElse(""));
        Optional<ProjectContext.Budget> budget = Optional.empty();
        if (declaration.budget() != null && !blocked(declaration.budget(), pointer, null)
                && quietly(declaration.budget(), variables) instanceof Decimal amount && amount.value().signum() > 0) {
            String unit = String.valueOf(quietly(declaration.budgetUnit(), variables));
            try {
                budget = Optional.of(new ProjectContext.Budget(declaration.budgetLabel(), amount.value(), unit));
            } catch (IllegalArgumentException notMoney) {
                failures.add(declaration.budgetUnit().place() + ": " + notMoney.getMessage());
            }
        }
        List<IndicatorDescription> described = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> row = cast((Map<?, ?>) list.get(i));
            if (declaration.skip() != null && Boolean.TRUE.equals(quietly(declaration.skip(), variables(row, rows.get(row))))) {
                continue;
            }
            String at = listPointer + "/" + i;
            Optional<Taxonomy.Level1> level1 = Taxonomy.level1(String.valueOf(row.get(declaration.level1())));
            if (level1.isEmpty()) {
                return;
            }
            Optional<Taxonomy.Level2> level2 = declaration.level2() == null ? Optional.empty()
                    : Taxonomy.level2(String.valueOf(row.get(declaration.level2()))).filter(l2 -> l2.parent() == level1.get());
            List<NamedValue> named = new ArrayList<>();
            for (IndicatorDeclaration.Value value : declaration.values()) {
                Object text = row.get(value.field());
                named.add(new NamedValue(value.label(), at + "/" + value.field(), text == null ? null : text.toString(), value.role()));
            }
            described.add(new IndicatorDescription(at, level1.get(), level2, String.valueOf(row.get(declaration.name())), named,
                    declaration.level2() == null ? null : at + "/" + declaration.level2()));
        }
        indicatorChecks.check(new ProjectContext(project, listPointer, budget), described, problems);
    }

    private boolean meetsErrorBelow(String path) {
        return !errors.isEmpty() && meetsError(segments(path), false);
    }
}
