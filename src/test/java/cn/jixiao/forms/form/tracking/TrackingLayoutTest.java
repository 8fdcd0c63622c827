package cn.jixiao.forms.form.tracking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the tracking table's layout promises, on its example; the rest is the rendering contract. */
class TrackingLayoutTest {
    private static String pdf;

    @BeforeAll
    static void render() {
        byte[] bytes = TestServer.render("performance-tracking", TestServer.example("performance-tracking"), OutputFormat.PDF).bytes();
        pdf = PdfDigest.textWithPositions(bytes);
    }

    @Test
    void onePdfFormPerProjectEachFromANewPage() {
        // Both titles stand at the top of a page.
        assertTrue(pdf.matches("(?s).*== page 1 \\([^)]*\\)\\n\\s*\\d+\\s+\\d+ 闵行区肿瘤医院智慧医院基础业务系统建设项目\\n.*"), pdf);
        assertTrue(pdf.matches("(?s).*== page 2 \\([^)]*\\)\\n\\s*\\d+\\s+\\d+ 医疗设备购置补贴\\n.*"), pdf);
    }

    @Test
    void mergedLevelCellRepeatsItsLabelOnTheNextPage() {
        // The second form's 产出指标 runs from page 2 onto page 3: page 3 names it again.
        String page3 = pdf.substring(pdf.indexOf("== page 3"));
        assertTrue(page3.contains("产出指标"), page3);
    }

    @Test
    void closingRowsFollowTheLastIndicatorOnTheLastPage() {
        String page3 = pdf.substring(pdf.indexOf("== page 3"));
        assertTrue(page3.contains("需要说明的情况") && page3.contains("填报日期"), page3);
    }
}
