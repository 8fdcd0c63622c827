package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document read from a workbook: the JSON the other endpoints take, what could not be read (each error at
 * its cell), the warnings of its cells (sums that disagree, columns left unread), where each value came from
 * ({@code /units/0/projects/3/fiscalAppropriation} → {@code Sheet1!C9}), by which a problem of the document is
 * shown at its cell, which header was read as which field, and every column that was not read.
 *
 * @param form          the id of the form the workbook holds
 * @param errorsLeftOut what the errors listed leave out, for a message; empty when nothing
 */
public record ImportedWorkbook(String form, ObjectNode document, List<Problem> errors, String errorsLeftOut,
                               List<Problem> warnings, Map<String, String> sources, Map<String, String> places,
                               List<Column> columns, List<Unread> unread, List<String> missing) {

    /** A header read as a field: {@code path} is the field's pointer, {@code *} standing for any item. */
    public record Column(String cell, String header, String field, String path) {
    }

    /**
     * A column no field reads: its header (empty for none) at {@code cell}, and how many cells below it hold
     * something ({@code filled}), where ({@code cells}, the first to the last).
     */
    public record Unread(String cell, String header, int filled, String cells) {
    }

    public byte[] json() {
        return Json.MAPPER.writeValueAsBytes(document);
    }

    /**
     * The same with the document's own problems: its errors where the workbook said nothing yet (a value that
     * could not be read is not also missing; a column that is not there is said once, at the header), and its
     * warnings; each at its cell.
     */
    public ImportedWorkbook checked(List<Problem> documentErrors, List<Problem> documentWarnings) {
        List<Pattern> absent = missing.stream().map(p -> Pattern.compile(Pattern.quote(p).replace("*", "\\E[0-9]+\\Q")
                + "(/.*)?")).toList();
        List<Problem> all = new ArrayList<>(errors);
        for (Problem error : locate(documentErrors)) {
            boolean said = errors.stream().anyMatch(e -> error.path().equals(e.path()) || error.path().startsWith(e.path() + "/"))
                    || absent.stream().anyMatch(p -> p.matcher(error.path()).matches());
            if (!said && all.size() < Problems.MAX_DETAILS) {
                all.add(error);
            }
        }
        List<Problem> warned = new ArrayList<>(warnings);
        warned.addAll(locate(documentWarnings));
        return new ImportedWorkbook(form, document, List.copyOf(all), errorsLeftOut, List.copyOf(warned), sources, places, columns,
                unread, missing);
    }

    /** Each problem with the cell of its path, or of the nearest enclosing value, row or table read. */
    public List<Problem> locate(List<Problem> problems) {
        List<Problem> located = new ArrayList<>();
        for (Problem problem : problems) {
            located.add(problem.cell() != null ? problem : cellOf(problem.path()).map(problem::at).orElse(problem));
        }
        return located;
    }

    private Optional<String> cellOf(String path) {
        for (String at = path; ; at = at.substring(0, at.lastIndexOf('/'))) {
            String cell = places.get(at);
            if (cell != null) {
                return Optional.of(cell);
            }
            if (at.isEmpty()) {
                return Optional.empty();
            }
        }
    }
}
