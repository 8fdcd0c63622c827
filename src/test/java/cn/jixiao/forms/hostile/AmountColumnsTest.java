package cn.jixiao.forms.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.JsonEdit;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The largest amounts the limits allow stand whole on one line in every amount cell, in both units and both
 * formats: a number broken across two lines is a number misread.
 */
class AmountColumnsTest {

    /** How many times {@code amount} stands alone on a line of the PDF's text. */
    private static int wholeLines(String digest, String amount) {
        Matcher lines = Pattern.compile("(?m)^ *\\d+ +\\d+ " + Pattern.quote(amount) + "$").matcher(digest);
        int count = 0;
        while (lines.find()) {
            count++;
        }
        return count;
    }

    private static int occurrences(String text, String amount) {
        return text.split(Pattern.quote(amount), -1).length - 1;
    }

    @Tag("office")
    @Test
    void trackingAmountsOfAHundredBillionYuanStayWhole() {
        byte[] document = TestServer.example("performance-tracking");
        for (int form = 0; form < 2; form++) {
            document = JsonEdit.edit(document, "/forms/" + form + "/annualBudget", "99999999999.99");
            document = JsonEdit.edit(document, "/forms/" + form + "/executedAmount", "99999999999.99");
            document = JsonEdit.edit(document, "/forms/" + form + "/executionRate", JsonEdit.REMOVE);
        }
        assertWhole(document, "performance-tracking", "99,999,999,999.99", 4);
    }

    /**
     * One project whose three funds each print 17 characters (the width of the largest amount) and add up to the
     * largest amount itself: every money cell of the project, its unit and 合计 is as wide as the limits allow.
     */
    @Tag("office")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "元|33333333333.33|33,333,333,333.33|99,999,999,999.99",
            "万元|3333333.33|3,333,333.33|9,999,999.99"})
    void targetAmountsAsWideAsTheUnitAllowsStayWhole(String unit, String fund, String printedFund, String printedTotal) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(TestServer.example("performance-target"));
        document.put("amountUnit", unit);
        ArrayNode projects = (ArrayNode) document.at("/units/0/projects");
        while (projects.size() > 1) {
            projects.remove(1);
        }
        ObjectNode project = (ObjectNode) projects.get(0);
        project.remove("total");
        for (String column : new String[]{"fiscalAppropriation", "specialAccountAppropriation", "otherFunds"}) {
            project.put(column, new BigDecimal(fund));
        }
        byte[] body = Json.MAPPER.writeValueAsBytes(document);
        // 3 funds on 3 rows (project, unit, 合计); 总计 on 3 rows.
        assertWhole(body, "performance-target", printedFund, 9);
        assertWhole(body, "performance-target", printedTotal, 3);
    }

    /** Three sources of funds whose every column adds up to the largest amount in 万元: 9,999,999.99 on 年度资金总额. */
    @Tag("office")
    @Test
    void selfEvaluationFundsAsWideAsTheLimitsAllowStayWhole() {
        byte[] document = TestServer.example("performance-self-evaluation");
        for (String source : new String[]{"fiscal", "carryOver", "other"}) {
            document = JsonEdit.edit(document, "/forms/0/funds/" + source,
                    "{\"initialBudget\": 3333333.33, \"annualBudget\": 3333333.33, \"executed\": 3333333.33}");
        }
        assertWhole(document, "performance-self-evaluation", "3,333,333.33", 9);
        assertWhole(document, "performance-self-evaluation", "9,999,999.99", 3);
        byte[] beyond = JsonEdit.edit(document, "/forms/0/funds/other/executed", "3333333.34");
        var refused = Json.MAPPER.readTree(TestServer.post("/api/v1/forms/performance-self-evaluation/render", beyond).body());
        assertEquals("/forms/0/funds", refused.at("/error/details/0/path").asString(), refused.toString());
    }

    @Test
    void beyondTheLargestAmountOfItsUnitIsRefused() {
        byte[] wan = JsonEdit.edit(TestServer.example("performance-target"), "/units/0/projects/0/fiscalAppropriation", "10000000.00");
        wan = JsonEdit.edit(wan, "/units/0/projects/0/total", JsonEdit.REMOVE);
        assertEquals(422, TestServer.post("/api/v1/forms/performance-target/render", wan).statusCode());
        byte[] sum = JsonEdit.edit(TestServer.example("performance-target"), "/units/0/projects/0/fiscalAppropriation", "9999999.99");
        sum = JsonEdit.edit(sum, "/units/0/projects/0/total", JsonEdit.REMOVE);
        var refused = Json.MAPPER.readTree(TestServer.post("/api/v1/forms/performance-target/render", sum).body());
        assertEquals("/units", refused.at("/error/details/0/path").asString(), refused.toString());
    }

    private static void assertWhole(byte[] document, String form, String amount, int times) {
        byte[] pdf = TestServer.render(form, document, OutputFormat.PDF).bytes();
        assertEquals(times, wholeLines(PdfDigest.textWithPositions(pdf), amount), "PDF: " + amount + " whole on its line");
        Office.assumeAvailable();
        byte[] printed = Office.toPdf(TestServer.render(form, document, OutputFormat.DOCX).bytes());
        assertEquals(times, occurrences(PdfDigest.text(printed), amount), "DOCX printed by LibreOffice: " + amount + " unbroken");
    }
}
