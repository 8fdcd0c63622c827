package cn.jixiao.forms.form.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What only the 监控表's layout promises: on the example, and on a long one (two projects of fourteen indicators, each
 * with long narrative in its cells, for 1-7月) — landscape pages the text stays within, the column header on every
 * page, the period in every heading, the ticks under their columns, the notes with the last indicator.
 */
class MonitoringLayoutTest {
    private static final String FORM = "performance-monitoring";
    /** The right edge of the text: A4 landscape, 842 pt, less the 12 mm margin (34 pt). */
    private static final float RIGHT_EDGE = 842 - 34;
    private static final String NARRATIVE = "以黄石矿冶工业遗产申报世界文化遗产为目标，完成华新水泥厂旧址、汉冶萍煤铁厂矿旧址等遗产点的保护展示工程，"
            + "编制申遗文本和保护管理规划，开展遗产监测和环境整治，提升遗产地的社会认知度和公众参与度。";
    private static byte[] longPdf;
    private static byte[] longDocx;

    @BeforeAll
    static void render() {
        byte[] document = longDocument();
        longPdf = TestServer.render(FORM, document, OutputFormat.PDF).bytes();
        longDocx = TestServer.render(FORM, document, OutputFormat.DOCX).bytes();
    }

    /** Two projects, 1-7月, each with fourteen indicators whose cells hold up to two hundred characters. */
    private static byte[] longDocument() {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example(FORM));
        ObjectNode form = (ObjectNode) document.path("forms").get(0);
        form.remove("months");
        form.put("departmentCode", "301001");
        form.putObject("goals").put("annual", NARRATIVE + NARRATIVE).put("progress", NARRATIVE);
        ((ObjectNode) form.path("funds").path("fiscal")).put("expectedAnnual", 9_999_999.99).put("initialBudget", 9_999_999.99);
        ArrayNode indicators = form.putArray("indicators");
        String[][] levels = {{"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"产出指标", "时效指标"}, {"产出指标", "成本指标"},
            {"效益指标", "社会效益指标"}, {"效益指标", "可持续影响指标"}, {"满意度指标", "服务对象满意度指标"}};
        for (int i = 0; i < 14; i++) {
            ObjectNode row = indicators.addObject();
            row.put("level1", levels[i / 2][0]).put("level2", levels[i / 2][1]).put("name", "指标" + (i % 2 + 1) + "：遗产点保护展示工程")
                    .put("target", NARRATIVE.substring(0, 30 + i * 4)).put("progress", NARRATIVE).put("expectedAnnual", NARRATIVE.substring(0, 40))
                    .put("likelihood", i % 2 == 0 ? "确定能" : "有可能").put("remark", NARRATIVE);
            row.putArray("causes").add("经费保障").add("硬件条件保障");
        }
        ((ArrayNode) document.path("forms")).add(form.deepCopy().put("projectName", "申遗经费（二）"));
        return Json.MAPPER.writeValueAsBytes(document);
    }

    /** The right edge of the rightmost glyph on each page. */
    private static List<Float> rightEdges(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Float> edges = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                float[] right = {0};
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        positions.forEach(p -> right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj()));
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.writeText(document, new StringWriter());
                edges.add(right[0]);
            }
            return edges;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void longNarrativeRunsOverLandscapePagesWithinTheirWidthAndUnderTheColumnHeader() {
        String[] pages = PdfDigest.textWithPositions(longPdf).split("\\n== page ");
        assertTrue(pages.length > 5, "several pages: " + (pages.length - 1));
        for (int i = 1; i < pages.length; i++) {
            assertTrue(pages[i].contains("(842 x 595 pt)"), "A4 landscape: " + pages[i].lines().findFirst().orElse(""));
        }
        List<Float> edges = rightEdges(longPdf);
        for (int i = 0; i < edges.size(); i++) {
            assertTrue(edges.get(i) <= RIGHT_EDGE + 1, "page " + (i + 1) + " has text out to " + edges.get(i) + " pt");
        }
        List<String> header = List.of("一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析",
                "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "完成目标可能性", "确定能", "有可能", "完全不可能", "备注");
        List<String> texts = PdfDigest.pageTexts(longPdf);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(List.of(), Fidelity.missing(new java.util.LinkedHashSet<>(header), texts.get(i)), "page " + (i + 1));
        }
    }

    @Test
    void everyHeadingNamesThePeriodOfTheDocument() {
        String seven = Fidelity.normalise(PdfDigest.text(longPdf));
        for (String heading : List.of("1-7月执行数", "1-7月执行率", "1-7月执行情况")) {
            assertTrue(seven.contains(heading), heading);
        }
        assertFalse(seven.contains("1-N月") || seven.contains("1-6月"), "no other period");
        String six = Fidelity.normalise(PdfDigest.text(TestServer.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes()));
        assertTrue(six.contains("1-6月执行数") && six.contains("1-6月执行率") && !six.contains("1-7月"), six);
        String docx = Fidelity.normalise(DocxDigest.text(longDocx));
        assertTrue(docx.contains("1-7月执行数") && docx.contains("1-7月执行率") && docx.contains("1-7月执行情况"), "DOCX");
    }

    @Test
    void eachProjectEndsWithTheNotesAndSignaturesBesideItsLastIndicator() {
        List<String> pages = PdfDigest.pageTexts(longPdf).stream().map(Fidelity::normalise).toList();
        List<Integer> notes = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("注:1.偏差原因分析")) {
                notes.add(i);
                assertTrue(pages.get(i).contains("填表人") && pages.get(i).contains("服务对象满意度"), "page " + (i + 1));
            }
        }
        assertEquals(2, notes.size(), "once for each project");
        assertTrue(pages.get(notes.get(0) + 1).contains("申遗经费(二)"), "the second project starts on a page of its own");
    }

    @Test
    void theExamplesTicksStandUnderTheirColumns() {
        String page = PdfDigest.textWithPositions(TestServer.render(FORM, TestServer.example(FORM), OutputFormat.PDF).bytes());
        int sure = x(page, "确定"); // 确定能, two lines in its narrow column
        Matcher ticks = Pattern.compile("(?m)^ *(\\d+) +\\d+ √$").matcher(page);
        int count = 0;
        while (ticks.find()) {
            count++;
            assertTrue(Math.abs(Integer.parseInt(ticks.group(1)) - sure) < 12, "√ at " + ticks.group(1) + ", 确定能 at " + sure);
        }
        assertEquals(4, count, "确定能 for each of the four indicators");
        String docx = DocxDigest.text(longDocx);
        assertEquals(2 * (14 * 3 + 2), docx.chars().filter(c -> c == '√').count(),
                "two causes and one likelihood for each indicator, and the two of the notes (打“√”), in each project");
    }

    /** The x position of a text standing alone in the page's digest. */
    private static int x(String page, String text) {
        Matcher line = Pattern.compile("(?m)^ *(\\d+) +\\d+ " + Pattern.quote(text) + "$").matcher(page);
        assertTrue(line.find(), text + " in " + page);
        return Integer.parseInt(line.group(1));
    }
}
