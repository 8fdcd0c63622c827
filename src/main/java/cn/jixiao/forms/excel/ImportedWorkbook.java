package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document read from a workbook: the JSON the other endpoints take, the warnings of its cells (sums that
 * disagree), and where each value came from ({@code /units/0/projects/3/fiscalAppropriation} →
 * {@code Sheet1!C9}), by which a problem of the document is shown at its cell.
 */
public record ImportedWorkbook(ObjectNode document, List<Problem> warnings, Map<String, String> sources,
                               Map<String, String> places) {

    public byte[] json() {
        return Json.MAPPER.writeValueAsBytes(document);
    }

    /** The same, with more warnings after its own. */
    public ImportedWorkbook warnedAlso(List<Problem> more) {
        List<Problem> all = new ArrayList<>(warnings);
        all.addAll(locate(more));
        return new ImportedWorkbook(document, List.copyOf(all), sources, places);
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
