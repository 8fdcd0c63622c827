package cn.jixiao.forms.form;

import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.rules.CompiledForm;
import cn.jixiao.forms.form.rules.Derivation;
import cn.jixiao.forms.form.rules.Evaluation;
import cn.jixiao.forms.form.rules.ViewModel;
import cn.jixiao.forms.form.shape.FormSchema;
import cn.jixiao.forms.form.shape.KindChecks;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A form as its folder declares it, loaded: its definition, its schema (compiled for validation, read into shapes,
 * its expressions compiled) and its example. Reads a request body into a checked document with its figures, or
 * says everything that is wrong with it. Knows no form by name.
 */
public final class RegisteredForm {
    private final FormDefinition definition;
    private final ObjectNode schemaJson;
    private final Schema schema;
    private final SchemaMessages messages;
    private final ArrayLimits arrayLimits;
    private final byte[] example;
    private final TextRules textRules;
    private final CompiledForm compiled;
    private final IndicatorChecks indicatorChecks;
    private final Map<String, Object> limits;
    private volatile Map<String, Derivation> derivations = Map.of();
    /** Documents checked so far: each request's document is to be checked once, whatever it becomes. */
    private final LongAdder checks = new LongAdder();
    /** Views made for the template so far: a checked document's XHTML is to be made once, whatever files it becomes. */
    private final LongAdder views = new LongAdder();

    RegisteredForm(FormDefinition definition, ObjectNode schemaJson, Schema schema, CompiledForm compiled, byte[] example,
                   TextRules textRules, IndicatorChecks indicatorChecks, Limits limits) {
        this.definition = definition;
        this.schemaJson = schemaJson;
        this.schema = schema;
        this.compiled = compiled;
        this.messages = new SchemaMessages(schemaJson);
        this.arrayLimits = new ArrayLimits(schemaJson, messages);
        this.example = example;
        this.textRules = textRules;
        this.indicatorChecks = indicatorChecks;
        this.limits = Map.of("forms", (long) limits.forms(), "units", (long) limits.units(),
                "indicators", (long) limits.indicators(), "fieldChars", (long) limits.fieldChars());
    }

    public String id() {
        return definition.id();
    }

    /** The official Chinese title, e.g. 项目支出绩效跟踪表. */
    public String title() {
        return definition.title();
    }

    public String description() {
        return definition.description();
    }

    public FormDefinition definition() {
        return definition;
    }

    public ObjectNode schemaJson() {
        return schemaJson;
    }

    public FormSchema shapes() {
        return compiled.schema();
    }

    /** How many expressions its folder declares, each checked when it loaded. */
    public int compiledExpressions() {
        return compiled.expressionCount();
    }

    /** The form's example document (a published form, transcribed), when its folder or the examples carry one. */
    public Optional<byte[]> example() {
        return Optional.ofNullable(example).map(byte[]::clone);
    }

    /** A document that may be rendered, its figures worked out, and the warnings that ride along with it. */
    public record Validated(JsonNode document, Evaluation evaluation, List<Problem> warnings) {
    }

    /**
     * The outcome of checking a document without rendering it; {@code truncated}: more was found than is listed.
     * {@code computed}: the figures the form works out, as printed, by the pointer of their cell — each one whose
     * inputs are sound, whatever is wrong elsewhere.
     */
    public record Verdict(List<Problem> errors, List<Problem> warnings, boolean truncated, String errorsLeftOut,
                          Map<String, String> computed) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Parses, checks and works out; throws {@link FormError} for malformed JSON or any error in the document. */
    public Validated read(byte[] body) {
        return read(RequestJson.read(body));
    }

    /** As {@link #read(byte[])} for a document already read as JSON (a workbook's); the tree is left as it was. */
    public Validated read(JsonNode document) {
        JsonNode tree = document.deepCopy();
        Problems problems = new Problems();
        Evaluation evaluation = check(tree, problems);
        problems.throwIfErrors();
        return new Validated(tree, evaluation, problems.warnings());
    }

    /** Like {@link #read} but reports a broken document as a verdict, with its figures; only malformed JSON throws. */
    public Verdict verdict(byte[] body) {
        return verdictWithFigures(RequestJson.read(body));
    }

    /** The verdict on a document already read as JSON, one item of a batch; the tree is left as it was. */
    public Verdict verdict(JsonNode document) {
        return examine(document).verdict();
    }

    /** A verdict and, when it finds no error, the document ready to render: both from one check. */
    public record Examined(Verdict verdict, Validated validated) {
    }

    /** Checks a document already read as JSON once; {@code validated} is null when it has errors. The tree is left as it was. */
    public Examined examine(JsonNode document) {
        return examined(document.deepCopy());
    }

    /** As {@link #examine(JsonNode)} for a body, read once; only malformed JSON throws. */
    public Examined examine(byte[] body) {
        return examined(RequestJson.read(body));
    }

    private Examined examined(JsonNode tree) {
        Problems problems = new Problems();
        Evaluation evaluation = check(tree, problems);
        Verdict verdict = new Verdict(problems.errors(), problems.warnings(), problems.truncated(), problems.errorsLeftOut(),
                Map.of());
        return new Examined(verdict, verdict.valid() ? new Validated(tree, evaluation, problems.warnings()) : null);
    }

    /** How many documents this form has checked since it loaded. */
    public long checks() {
        return checks.sum();
    }

    private Verdict verdictWithFigures(JsonNode tree) {
        Problems problems = new Problems();
        Evaluation evaluation = check(tree, problems);
        Map<String, String> computed = evaluation != null ? evaluation.figures() : Map.of();
        return new Verdict(problems.errors(), problems.warnings(), problems.truncated(), problems.errorsLeftOut(), computed);
    }

    /** The forms a document of this one can be made from, by their ids. */
    public Set<String> derivableFrom() {
        return derivations.keySet();
    }

    CompiledForm compiled() {
        return compiled;
    }

    void derivations(Map<String, Derivation> compiled) {
        this.derivations = Map.copyOf(compiled);
    }

    /**
     * A document of this form made from a document of {@code source}: what carries is filled in, the rest left for
     * people; {@code notes} are the new document's problems (what remains to fill in), then the source's warnings.
     */
    public record Derived(ObjectNode document, List<Problem> notes) {
    }

    /** Makes a document of this form from a body of {@code source}; {@link FormError} when the source is wrong. */
    public Derived derive(RegisteredForm source, byte[] body) {
        ObjectNode document = derivedDocument(source, body);
        Verdict verdict = verdict(document);
        List<Problem> notes = new ArrayList<>();
        verdict.errors().forEach(error -> notes.add(new Problem(error.path(), "待填写：" + error.message())));
        notes.addAll(verdict.warnings());
        return new Derived(document, notes);
    }

    /** A document of this form made from a body of {@code source}, not yet checked as this form's; as {@link #derive}. */
    public ObjectNode derivedDocument(RegisteredForm source, byte[] body) {
        Derivation derivation = derivations.get(source.id());
        if (derivation == null) {
            throw new FormError(FormError.Kind.NOT_DERIVABLE, "「" + title() + "」不能由「" + source.title() + "」生成"
                    + (derivations.isEmpty() ? "" : "；可由这些表生成：" + String.join("、", derivations.keySet())));
        }
        return derivation.apply(source.read(body).evaluation());
    }

    /** How many views of checked documents this form has made for its template since it loaded. */
    public long views() {
        return views.sum();
    }

    /** What the template receives for a checked document. */
    public Map<String, Object> view(Validated validated) {
        views.increment();
        return ViewModel.of(validated.evaluation(), definition);
    }

    /** File name without extension for a download, e.g. {@code <项目名称>-项目支出绩效跟踪表}. */
    public String fileName(Validated validated) {
        return FileNames.of(validated.evaluation().fileSubject(), definition.title());
    }

    /** Every problem of the document in {@code problems}; its figures, or null when its arrays are beyond their limits. */
    private Evaluation check(JsonNode tree, Problems problems) {
        checks.increment();
        if (arrayLimits.exceeded(tree, problems)) {
            return null;
        }
        Blanks.remove(tree);
        BoundedNumbers.apply(tree, problems);
        textRules.check(tree, problems);
        for (Error error : schemaErrors(tree, problems)) {
            if (!SchemaMessages.isNullBranch(error)) {
                problems.error(messages.toProblem(error));
            }
        }
        if (problems.truncated()) {
            return null;
        }
        KindChecks.check(compiled.schema().root(), tree, definition.amountUnitOf(tree, schemaJson),
                definition.amountDecimals(), problems);
        Set<String> errors = new HashSet<>();
        problems.errors().forEach(error -> errors.add(error.path()));
        Evaluation evaluation = Evaluation.of(compiled, tree, errors, limits, definition.printing());
        evaluation.check(problems, indicatorChecks);
        return evaluation;
    }

    /** The schema's verdict, cut short once no more errors would be kept. */
    private List<Error> schemaErrors(JsonNode tree, Problems problems) {
        BoundedErrors errors = new BoundedErrors(Problems.MAX_DETAILS - problems.errors().size());
        try {
            schema.validate(tree, context -> context.setErrors(errors));
        } catch (BoundedErrors.Full full) {
            problems.leftOut(errors.beyond, true);
            return errors;
        }
        if (errors.beyond > 0) {
            problems.leftOut(errors.beyond, false);
        }
        return errors;
    }

    /**
     * Keeps a schema validation's first {@code capacity} errors and counts the next {@link #COUNTED} more, then
     * stops it, instead of collecting millions.
     */
    private static final class BoundedErrors extends ArrayList<Error> {
        private static final long serialVersionUID = 1L;
        private static final int COUNTED = 2_000;
        private final int capacity;
        private int beyond;

        static final class Full extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Full() {
                super(null, null, false, false);
            }
        }

        BoundedErrors(int capacity) {
            this.capacity = Math.max(0, capacity);
        }

        @Override
        public boolean add(Error error) {
            if (size() < capacity) {
                return super.add(error);
            }
            if (++beyond > COUNTED) {
                beyond = COUNTED;
                throw new Full();
            }
            return false;
        }
    }
}
