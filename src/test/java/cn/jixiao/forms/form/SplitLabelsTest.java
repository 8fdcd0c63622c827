package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Renderer;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.pdf.PdfRenderer;
import cn.jixiao.forms.render.pdf.direct.DirectPdfRenderer;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.Samples;
import cn.jixiao.forms.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 一级 or 二级 label whose rows a page break parts names itself once on each page, by both PDF writers: the
 * first indicator row of every page has its labels beside it, and no label stands twice in a row down its column
 * (two pieces of one merged cell on one page). The merged cell is split where its rows really start a new page,
 * also where the engine moves a whole row whose text would cross the foot of a page. The indicators twice over
 * after a text of growing length (about a printed line more each time, twelve lengths; three in the quick tier) put
 * the break beside every row.
 */
class SplitLabelsTest {
    private static final String LINE = "本项目建设以规划纲要为指导思想，以建设标准与规范等文件为依据，对照年度绩效目标逐项开展跟踪，";
    private static final FontLibrary FONTS = FontLibrary.bundled();
    private static final RenderBudget BUDGET = new RenderBudget(1000, 64 * 1024 * 1024);
    private static final PdfRenderer ENGINE = new PdfRenderer(FONTS, BUDGET);
    private static final List<Renderer> WRITERS = List.of(ENGINE, new DirectPdfRenderer(FONTS, BUDGET, ENGINE));

    static Stream<Arguments> documents() {
        return Stream.of(Arguments.of("performance-tracking", "annualGoal"), Arguments.of("performance-self-evaluation", "goals/expected"))
                .flatMap(form -> IntStream.range(0, Samples.of(12)).mapToObj(lines -> Arguments.of(form.get()[0], form.get()[1], lines)));
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
     * row lower printed 效益指标 twice; and the same with the goal a line or two longer.
     */
    @ParameterizedTest(name = "goal twice over and {0} characters")
    @ValueSource(ints = {0, 20, 40})
    void aRowTheEngineMovesWholeStartsTheGroupOnTheNextPage(int more) {
        ObjectNode form = firstFormTwiceOver("performance-tracking");
        String goal = form.get("annualGoal").asString();
        form.put("annualGoal", goal + goal + LINE.substring(0, more));
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
        Set<String> names = new LinkedHashSet<>();
        List<Set<String>> levels = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
        for (JsonNode indicator : form.get("indicators")) {
            names.add(indicator.get("name").asString());
            levels.get(0).add(indicator.get("level1").asString());
            if (indicator.has("level2")) {
                levels.get(1).add(indicator.get("level2").asString());
            }
        }
        levels = levels.get(1).isEmpty() ? levels.subList(0, 1) : levels;
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.putArray("forms").add(form);
        FormService service = TestServer.app().service();
        String markup = service.markup(service.form(formId), Json.MAPPER.writeValueAsBytes(document));
        for (Renderer writer : WRITERS) {
            String pages = PdfDigest.textWithPositions(writer.render(Xhtml.parse(markup, formId), RenderOptions.titled("t")).bytes());
            int tablePages = 0;
            for (String page : pages.split("\n== page ")) {
                List<String[]> lines = lines(page);
                String[] firstRow = lines.stream().filter(line -> startsOneOf(line[2], names)).findFirst().orElse(null);
                if (firstRow == null) {
                    continue;
                }
                tablePages++;
                for (Set<String> labels : levels) {
                    assertTrue(lines.stream().anyMatch(line -> startsOneOf(line[2], labels) && Math.abs(y(line) - y(firstRow)) < 2),
                            writer.getClass().getSimpleName() + ": the first indicator row of a page without its label " + labels
                                    + ":\n" + page);
                    List<String> column = lines.stream().map(line -> line[2]).filter(labels::contains).toList();
                    for (int i = 1; i < column.size(); i++) {
                        assertFalse(column.get(i).equals(column.get(i - 1)),
                                writer.getClass().getSimpleName() + ": a group named twice on one page (" + column + "):\n" + page);
                    }
                }
            }
            assertTrue(tablePages >= 2, "the indicators run over two pages at least:\n" + pages);
        }
    }

    /** Each line of a page's text as x, y and the text. */
    private static List<String[]> lines(String page) {
        List<String[]> lines = new ArrayList<>();
        for (String line : page.split("\n")) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length == 3 && parts[0].matches("[0-9.]+") && parts[1].matches("[0-9.]+")) {
                lines.add(parts);
            }
        }
        return lines;
    }

    private static float y(String[] line) {
        return Float.parseFloat(line[1]);
    }

    /** Whether the text is one of the strings, or the first line of one wrapped (three characters at least). */
    private static boolean startsOneOf(String text, Set<String> strings) {
        return strings.stream().anyMatch(s -> s.equals(text) || (text.length() >= 3 && s.startsWith(text)));
    }
}
