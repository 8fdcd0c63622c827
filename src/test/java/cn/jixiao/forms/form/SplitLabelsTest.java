package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 一级 or 二级 label whose rows a page break parts names itself once on each page, never twice on one: the merged
 * cell is split where its rows really start a new page, also where the engine moves a whole row whose text would
 * cross the foot of a page. The indicators twice over after a text of growing length (about a printed line more
 * each time) put the break beside every row of the table.
 */
class SplitLabelsTest {
    private static final String LINE = "本项目建设以规划纲要为指导思想，以建设标准与规范等文件为依据，对照年度绩效目标逐项开展跟踪，";

    static Stream<Arguments> documents() {
        return Stream.of(Arguments.of("performance-tracking", "annualGoal"), Arguments.of("performance-self-evaluation", "goals/expected"))
                .flatMap(form -> IntStream.range(0, 12).mapToObj(lines -> Arguments.of(form.get()[0], form.get()[1], lines)));
    }

    @ParameterizedTest(name = "{0}, {1} of {2} lines")
    @MethodSource("documents")
    void eachGroupNamesItselfOncePerPage(String formId, String text, int lines) {
        ObjectNode form = firstFormTwiceOver(formId);
        String[] path = text.split("/");
        ObjectNode holder = form;
        for (int i = 0; i < path.length - 1; i++) {
            holder = (ObjectNode) holder.get(path[i]);
        }
        holder.put(path[path.length - 1], LINE.repeat(1 + lines));
        assertNamedOncePerPage(formId, form);
    }

    /**
     * The tracking example with its goal and indicators twice over: the page breaks in the second line of 运行效率提升情况,
     * the first row of a 效益指标 group, and the engine moves that whole row to the next page, where a split made one
     * row lower printed 效益指标 twice.
     */
    @Test
    void aRowTheEngineMovesWholeStartsTheGroupOnTheNextPage() {
        ObjectNode form = firstFormTwiceOver("performance-tracking");
        String goal = form.get("annualGoal").asString();
        form.put("annualGoal", goal + goal);
        assertNamedOncePerPage("performance-tracking", form);
    }

    /** The example's first form, alone, with each of its indicators twice. */
    private static ObjectNode firstFormTwiceOver(String formId) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example(formId));
        ObjectNode form = (ObjectNode) document.get("forms").get(0);
        ArrayNode indicators = (ArrayNode) form.get("indicators");
        for (JsonNode indicator : indicators.deepCopy()) {
            indicators.add(indicator);
        }
        return form;
    }

    private static void assertNamedOncePerPage(String formId, ObjectNode form) {
        List<Set<String>> levels = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
        for (JsonNode indicator : form.get("indicators")) {
            levels.get(0).add(indicator.get("level1").asString());
            if (indicator.has("level2")) {
                levels.get(1).add(indicator.get("level2").asString());
            }
        }
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.putArray("forms").add(form);
        byte[] pdf = TestServer.render(formId, Json.MAPPER.writeValueAsBytes(document), OutputFormat.PDF).bytes();
        String pages = PdfDigest.textWithPositions(pdf);
        int seen = 0;
        for (String page : pages.split("\n== page ")) {
            for (Set<String> labels : levels) {
                List<String> column = downTheColumn(page, labels);
                seen += column.size();
                for (int i = 1; i < column.size(); i++) {
                    assertTrue(!column.get(i).equals(column.get(i - 1)), "a group named twice on one page (" + column + "):\n" + page);
                }
            }
        }
        assertTrue(seen >= 4, "the labels are read from the pages:\n" + pages);
    }

    /** The labels of one level printed whole (a cell of their own), top to bottom: those of its column. */
    private static List<String> downTheColumn(String page, Set<String> labels) {
        List<String> column = new ArrayList<>();
        for (String line : page.split("\n")) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length == 3 && labels.contains(parts[2])) {
                column.add(parts[2]);
            }
        }
        return column;
    }
}
