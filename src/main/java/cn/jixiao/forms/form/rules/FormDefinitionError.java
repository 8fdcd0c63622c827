package cn.jixiao.forms.form.rules;

import java.util.List;

/**
 * A form's folder that cannot be served as written: a schema, an expression or a declaration that is wrong, each
 * fault with the file, line and column it stands at. Raised when a form loads, never by a request.
 */
public final class FormDefinitionError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Fault> faults;

    /** One fault: where, and what is wrong, in words a template maintainer reads. */
    public record Fault(SourcePlace place, String message) {
        @Override
        public String toString() {
            return place + ": " + message;
        }
    }

    public FormDefinitionError(List<Fault> faults) {
        super(String.join("\n", faults.stream().map(Fault::toString).toList()));
        this.faults = List.copyOf(faults);
    }

    public FormDefinitionError(SourcePlace place, String message) {
        this(List.of(new Fault(place, message)));
    }

    public List<Fault> faults() {
        return faults;
    }
}
