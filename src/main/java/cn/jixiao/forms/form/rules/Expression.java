package cn.jixiao.forms.form.rules;

import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One expression of a form, checked and ready to run: its text, where it stands, its result type and what it
 * reads ({@link ReadPaths}).
 */
public final class Expression {
    private final String text;
    private final SourcePlace place;
    private final CelType type;
    private final CelRuntime.Program program;
    private final Set<ReadPaths.Read> reads;

    Expression(String text, SourcePlace place, CelType type, CelRuntime.Program program, Set<ReadPaths.Read> reads) {
        this.text = text;
        this.place = place;
        this.type = type;
        this.program = program;
        this.reads = Set.copyOf(reads);
    }

    public String text() {
        return text;
    }

    public SourcePlace place() {
        return place;
    }

    CelType type() {
        return type;
    }

    Set<ReadPaths.Read> reads() {
        return reads;
    }

    /** Whether it reads a variable at all (any of its fields). */
    boolean reads(String variable) {
        return reads.stream().anyMatch(read -> read.variable().equals(variable));
    }

    /**
     * The value, with an optional unwrapped: empty for {@code optional.none()}. A failure (a key the document does not
     * have, a division by zero) is an {@link EvaluationFailure}: the figure cannot be worked out.
     */
    Optional<Object> evaluate(Map<String, Object> variables) {
        Object value;
        try {
            value = program.eval(name -> Optional.ofNullable(variables.get(name)));
        } catch (CelEvaluationException | RuntimeException e) {
            throw new EvaluationFailure(this, e);
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Object.class::cast);
        }
        return Optional.of(value);
    }

    /** An expression that could not be worked out for a document. */
    static final class EvaluationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationFailure(Expression expression, Throwable cause) {
            super(expression.place + ": " + cause.getMessage(), cause, false, false);
        }
    }
}
