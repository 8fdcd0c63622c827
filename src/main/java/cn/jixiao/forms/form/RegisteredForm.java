package cn.jixiao.forms.form;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A form type together with its compiled schema and example: reads a request body into a validated
 * document, or says everything that is wrong with it.
 */
public final class RegisteredForm<D> {
    private final FormType<D> type;
    private final ObjectNode schemaJson;
    private final Schema schema;
    private final SchemaMessages messages;
    private final ArrayLimits arrayLimits;
    private final byte[] example;
    private final TextRules textRules;

    RegisteredForm(FormType<D> type, ObjectNode schemaJson, Schema schema, byte[] example, TextRules textRules) {
        this.type = type;
        this.schemaJson = schemaJson;
        this.schema = schema;
        this.messages = new SchemaMessages(schemaJson);
        this.arrayLimits = new ArrayLimits(schemaJson, messages);
        this.example = example;
        this.textRules = textRules;
    }

    public FormType<D> type() {
        return type;
    }

    public String id() {
        return type.id();
    }

    public ObjectNode schemaJson() {
        return schemaJson;
    }

    public byte[] example() {
        return example.clone();
    }

    /** A document that may be rendered, and the warnings that ride along with it. */
    public record Validated<D>(D document, List<Problem> warnings) {
    }

    /**
     * The outcome of checking a document without rendering it; {@code truncated}: more was found than is listed.
     * {@code computed}: the form type's worked-out figures; when the document did not get past its schema, those
     * that the rows holding its errors do not feed (see {@link FormType#rowsOfTheirOwn}), else none.
     */
    public record Verdict(List<Problem> errors, List<Problem> warnings, boolean truncated, String errorsLeftOut,
                          Map<String, String> computed) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Parses, checks and binds; throws {@link FormError} for malformed JSON or any error in the document. */
    public Validated<D> read(byte[] body) {
        Problems problems = new Problems();
        D document = check(RequestJson.read(body), problems);
        problems.throwIfErrors();
        return new Validated<>(document, problems.warnings());
    }

    /**
     * Like {@link #read} but reports a broken document as a verdict, with the figures the form works out (for
     * {@code /validate}); only malformed JSON throws.
     */
    public Verdict verdict(byte[] body) {
        return verdict(RequestJson.read(body), true);
    }

    /**
     * The verdict on a document already read as JSON, one item of a batch, without the computed figures nobody
     * asks of an item; the tree is left as it was.
     */
    public Verdict verdict(JsonNode document) {
        return verdict(document.deepCopy(), false);
    }

    private Verdict verdict(JsonNode tree, boolean withComputed) {
        Problems problems = new Problems();
        D checked = check(tree, problems);
        Map<String, String> computed = !withComputed ? Map.of()
                : checked != null ? type.computed(checked) : computedDespite(tree, problems);
        return new Verdict(problems.errors(), problems.warnings(), problems.truncated(), problems.errorsLeftOut(), computed);
    }

    /**
     * The figures of a document whose errors all lie in rows of their own (a blank indicator row just added):
     * worked out without those rows; none when an error lies elsewhere.
     */
    private Map<String, String> computedDespite(JsonNode tree, Problems problems) {
        if (problems.truncated() || type.rowsOfTheirOwn().isEmpty()) {
            return Map.of();
        }
        Optional<RowsSetAside> aside = RowsSetAside.of(problems.errors(), type.rowsOfTheirOwn().get());
        if (aside.isEmpty() || !aside.get().removeFrom(tree)) {
            return Map.of();
        }
        D rest = check(tree, new Problems());
        return rest == null ? Map.of() : aside.get().restore(type.computed(rest), type::readsEveryRow);
    }

    private D check(JsonNode tree, Problems problems) {
        if (arrayLimits.exceeded(tree, problems)) {
            return null;
        }
        Blanks.remove(tree);
        BoundedNumbers.apply(tree, problems);
        textRules.check(tree, problems);
        for (Error error : schemaErrors(tree, problems)) {
            problems.error(messages.toProblem(error));
        }
        if (problems.hasErrors()) {
            return null;
        }
        D document = bind(tree);
        type.validate(document, problems);
        return document;
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

    private static String pathOf(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getPropertyName() != null ? SchemaMessages.escape(ref.getPropertyName()) : ref.getIndex());
        }
        return pointer.toString();
    }

    private D bind(JsonNode tree) {
        try {
            return Json.MAPPER.treeToValue(tree, type.documentClass());
        } catch (DatabindException e) {
            // The schema admits only what binds; reaching here means the two disagree.
            throw FormError.invalid(List.of(new Problem(pathOf(e), "无法读取：" + e.getOriginalMessage())));
        }
    }
}
