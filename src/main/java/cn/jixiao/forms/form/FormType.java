package cn.jixiao.forms.form;

import java.util.Map;
import java.util.Optional;

/**
 * One kind of form: what a document of it looks like (a record type and a JSON Schema), what makes it
 * wrong, and what its template receives. A form type knows nothing of HTTP or of output formats.
 *
 * @param <D> the document record, bound from JSON after the schema accepted it
 */
public interface FormType<D> {

    /** Stable identifier used in URLs and as the template folder name, e.g. {@code performance-tracking}. */
    String id();

    /** The official Chinese title, e.g. 项目支出绩效跟踪表. */
    String title();

    /** One sentence for API listings. */
    String description();

    Class<D> documentClass();

    /** Classpath resource of the JSON Schema of a document, relative to this class. */
    default String schemaResource() {
        return "schema.json";
    }

    /** Everything the schema cannot say: arithmetic, dates in order, taxonomy membership. */
    void validate(D document, Problems problems);

    /** The view model: every string the template prints, already formatted and arranged. */
    Object view(D document);

    /**
     * The figures the form works out, as it prints them, keyed by the JSON pointer of their place: a field the
     * document may leave out ({@code /forms/0/executionRate}) or a cell it has no field for (the 合计 row,
     * {@code /total}). An editor shows them as the user types, from the same arithmetic as the file. A value
     * that cannot be worked out is an empty string, as its cell prints.
     */
    Map<String, String> computed(D document);

    /**
     * The name of the lists whose rows feed no figure but their own and those {@link #readsEveryRow} names (the
     * indicators): while rows of them hold a document's errors, the figures of the rest are still worked out for
     * an editor. Empty: a document with errors yields no figures.
     */
    default Optional<String> rowsOfTheirOwn() {
        return Optional.empty();
    }

    /** Whether the figure at this pointer reads every row of the {@link #rowsOfTheirOwn} list beside it (a 总分). */
    default boolean readsEveryRow(String figure) {
        return false;
    }

    /** File name without extension for a download, e.g. {@code <项目名称>-项目支出绩效跟踪表}. */
    String fileName(D document);
}
