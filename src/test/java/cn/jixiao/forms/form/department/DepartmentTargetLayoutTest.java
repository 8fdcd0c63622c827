package cn.jixiao.forms.form.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.DocxDigest;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What only the 申报表's layout promises: goals numbered, the budget block's amounts as given under their sides, every page headed. */
class DepartmentTargetLayoutTest {
    private static final String FORM = "department-target";

    private static byte[] render(byte[] document, OutputFormat format) {
        return TestServer.render(FORM, document, format).bytes();
    }

    @Test
    void goalsAreNumberedInOrderInBothFormats() {
        byte[] example = TestServer.example(FORM);
        for (String text : List.of(PdfDigest.text(render(example, OutputFormat.PDF)), DocxDigest.text(render(example, OutputFormat.DOCX)))) {
            String plain = Fidelity.normalise(text);
            int first = plain.indexOf("目标1:保障市政府机关高效运转");
            int second = plain.indexOf("目标2:深化政务公开和政务服务");
            int third = plain.indexOf("目标3:严格预算执行");
            assertTrue(first >= 0 && first < second && second < third, plain);
        }
    }

    @Test
    void theBudgetBlockPrintsEachAmountAsGivenBesideItsLabel() {
        String page = PdfDigest.textWithPositions(render(TestServer.example(FORM), OutputFormat.PDF));
        int generalBudget = y(page, "其中：一般公共预算");
        int basic = y(page, "其中：基本支出");
        assertEquals(generalBudget, basic, "both sides start on one row");
        assertTrue(page.contains(" " + generalBudget + " 968.1918\n") && page.contains(" " + basic + " 724.2318\n"), page);
        assertEquals(y(page, "项目支出"), y(page, "243.96"));
        String docx = DocxDigest.text(render(TestServer.example(FORM), OutputFormat.DOCX));
        assertTrue(docx.contains("968.1918") && docx.contains("724.2318") && docx.contains("243.96") && !docx.contains("243.9600"), docx);
    }

    @Test
    void withoutTasksOrGoalsTheirRowsStandEmpty() {
        byte[] bare = JsonEdit.editAll(TestServer.example(FORM), "/forms/0/tasks", JsonEdit.REMOVE, "/forms/0/goals", JsonEdit.REMOVE);
        String text = Fidelity.normalise(PdfDigest.text(render(bare, OutputFormat.PDF)));
        assertTrue(text.contains("年度主要任务") && text.contains("任务名称") && text.contains("年度总体目标") && !text.contains("目标1"), text);
    }

    @Test
    void manyIndicatorsRunOverPagesUnderTheirHeader() {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"level1\": \"产出指标\", \"level2\": \"数量指标\", \"name\": \"指标").append(i + 1)
                    .append("：办理市政府文件数量\", \"value\": \"≥600件\"}");
        }
        byte[] long_ = JsonEdit.edit(TestServer.example(FORM), "/forms/0/indicators", rows + "]");
        List<String> pages = PdfDigest.pageTexts(render(long_, OutputFormat.PDF));
        assertTrue(pages.size() > 1, "several pages");
        for (int i = 0; i < pages.size(); i++) {
            String page = Fidelity.normalise(pages.get(i));
            assertTrue(page.contains("年度绩效指标") && page.contains("一级指标") && page.contains("指标值"), "page " + (i + 1));
        }
        assertTrue(Fidelity.normalise(pages.get(pages.size() - 1)).contains("指标60:") && pages.get(pages.size() - 1).contains("填报日期"));
    }

    /** The y position of a text standing alone in the page's digest. */
    private static int y(String page, String text) {
        Matcher line = Pattern.compile("(?m)^ *\\d+ +(\\d+) " + Pattern.quote(text) + "$").matcher(page);
        assertTrue(line.find(), text + " in " + page);
        return Integer.parseInt(line.group(1));
    }
}
