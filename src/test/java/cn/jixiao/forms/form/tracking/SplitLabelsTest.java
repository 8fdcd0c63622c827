package cn.jixiao.forms.form.tracking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 一级目标 whose rows a page break parts names itself once on each page, never twice on one: the cell is split
 * where its rows really start a new page, also when the engine moves a whole row whose text would cross the foot
 * of a page. Fourteen indicators after a goal of varying length put the break beside every row of the table.
 */
class SplitLabelsTest {
    private static final String FORM = "performance-tracking";

    /** How many characters the goal is shortened by: about one printed line each (50 characters). */
    @ParameterizedTest(name = "goal shortened by {0} characters")
    @ValueSource(ints = {0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550})
    void eachGroupNamesItselfOncePerPage(int shorter) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example(FORM));
        ArrayNode forms = (ArrayNode) document.get("forms");
        forms.remove(1);
        ObjectNode form = (ObjectNode) forms.get(0);
        String goal = form.get("annualGoal").asString();
        form.put("annualGoal", (goal + goal).substring(0, 2 * goal.length() - shorter));
        ArrayNode indicators = (ArrayNode) form.get("indicators");
        Set<String> labels = new LinkedHashSet<>();
        for (JsonNode indicator : indicators.deepCopy()) {
            indicators.add(indicator);
            labels.add(indicator.get("level1").asString());
        }
        byte[] pdf = TestServer.render(FORM, Json.MAPPER.writeValueAsBytes(document), OutputFormat.PDF).bytes();
        String text = PdfDigest.textWithPositions(pdf);
        int seen = 0;
        for (String page : text.split("\n== page ")) {
            List<String> column = labelsDownTheFirstColumn(page, labels);
            seen += column.size();
            for (int i = 1; i < column.size(); i++) {
                assertTrue(!column.get(i).equals(column.get(i - 1)),
                        "a group named twice on one page (" + column + "):\n" + page);
            }
        }
        assertTrue(seen >= 4, "the labels are read from the pages:\n" + text);
    }

    /** The labels printed whole at the left edge of the indicator table, top to bottom. */
    private static List<String> labelsDownTheFirstColumn(String page, Set<String> labels) {
        List<String> column = new ArrayList<>();
        Float left = null;
        for (String line : page.split("\n")) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length == 3 && labels.contains(parts[2])) {
                float x = Float.parseFloat(parts[0]);
                left = left == null ? x : Math.min(left, x);
                column.add(x + " " + parts[2]);
            }
        }
        List<String> names = new ArrayList<>();
        for (String entry : column) {
            String[] parts = entry.split(" ", 2);
            if (Float.parseFloat(parts[0]) <= left + 2) {
                names.add(parts[1]);
            }
        }
        return names;
    }
}
