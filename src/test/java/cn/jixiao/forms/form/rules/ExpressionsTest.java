package cn.jixiao.forms.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.form.TextRules;
import cn.jixiao.forms.form.indicator.IndicatorChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expression language a form's folder is written in: the functions of the library worked out on a document, and
 * a folder's faults refused when it loads with their file, line and column.
 */
class ExpressionsTest {
    @TempDir
    Path dir;

    /** A folder of one form whose single object has the fields {@code a}, {@code b} (amounts) and {@code t} (text). */
    private RegisteredForm form(String derive, String rules) throws IOException {
        Path folder = dir.resolve("trial-form");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("form.json"), "{\"title\": \"试验表\", \"amountUnit\": \"万元\"}");
        Files.writeString(folder.resolve("form.ftlh"), "<html/>");
        Files.writeString(folder.resolve("schema.json"), """
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "a": {"title": "甲", "x-kind": "amount"},
                   "b": {"title": "乙", "x-kind": "amount"},
                   "t": {"title": "文字"},
                   "d": {"title": "日期", "x-kind": "date"},
                   "rows": {"type": "array", "items": {"type": "object", "properties": {
                     "level1": {"title": "一级指标", "x-kind": "level1"}, "w": {"title": "分值", "x-kind": "points"}}},
                     "x-runs": {"level1": "level1(self.level1)"}}
                 },
                 "x-derive": %s,
                 "x-rules": %s}
                """.formatted(derive, rules));
        return FormRegistry.load(folder, Limits.DEFAULT, new TextRules(cp -> true), IndicatorChecks.DEFAULT);
    }

    private static Map<String, String> figures(RegisteredForm form, String document) {
        RegisteredForm.Verdict verdict = form.verdict(document.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), verdict.errors());
        return verdict.computed();
    }

    private String value(String expression, String document) throws IOException {
        RegisteredForm form = form("{\"x\": {\"expr\": " + Json.MAPPER.writeValueAsString(expression)
                + ", \"figure\": true}}", "[]");
        return figures(form, document).get("/x");
    }

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = '|', value = {
            "self.a + self.b|{\"a\": 0.1, \"b\": 0.2}|0.3",
            "self.a == decimal('10.00')|{\"a\": 10}|true",
            "self.a * self.b|{\"a\": \"1,000.5\", \"b\": 3}|3001.5",
            "round(self.a / self.b, 2)|{\"a\": 2, \"b\": 3}|0.67",
            "round(decimal('2.345'), 2)|{}|2.35",
            "round(decimal('-2.345'), 2)|{}|-2.35",
            "rate(self.a, self.b)|{\"a\": 37.24, \"b\": 43.2}|86.20",
            "rate(self.a, self.b)|{\"a\": 1, \"b\": 0}|",
            "cappedScore(decimal(10), self.a, self.b)|{\"a\": 37.24, \"b\": 43.2}|8.62",
            "cappedScore(decimal(10), self.a, self.b)|{\"a\": 50, \"b\": 43.2}|10.00",
            "progress(7)|{}|58.33",
            "progress(6)|{}|50.00",
            "toYuan(self.a, '万元')|{\"a\": 1.5}|15000.0",
            "amount(self.a)|{\"a\": 1323379}|1,323,379.00",
            "amount(decimal('968.1918'), 4)|{}|968.1918",
            "amountAsGiven(decimal('968.1918'), 4)|{}|968.1918",
            "amountAsGiven(decimal('243.9600'), 4)|{}|243.96",
            "amountAsGiven(self.a, 4)|{\"a\": 1323379}|1,323,379.00",
            "amountAsGiven(decimal('0.12345'), 4)|{}|0.1235",
            "amountAsGiven(decimal('7.5'), 0)|{}|8",
            "points(decimal('50.00'))|{}|50",
            "[self.?a, self.?b].sum()|{\"a\": 2}|2",
            "[self.?a, self.?b].addUp()|{}|",
            "[self.?a, self.?b].addUp()|{\"b\": 3}|3",
            "level1('1') + level2Coded('数量')|{}|产出指标11-数量指标",
            "level2Printed('社会效益')|{}|社会效益指标",
            "belongsTo('社会效益', '产出')|{}|false",
            "['甲', '乙'].numbered()|{}|1、甲2、乙",
            "['一二。三四五。六', '甲'].pieces([4, 9])|{}|[[一二。, 甲], [三四五。, ], [六, ]]",
            "['一二三四五六七'].pieces([3])|{}|[[一二三], [四五六], [七]]",
            "['短的。', '也短'].pieces([40, 40])|{}|[[短的。, 也短]]",
            "['甲；乙。丙丁戊；己。'].pieces([5])|{}|[[甲；乙。], [丙丁戊；], [己。]]",
            "chineseDate(self.d)|{\"d\": \"2021-09-10\"}|2021年9月10日",
            "quote(self.t)|{\"t\": \"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一\"}|「一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…」",
            "score('≤5天', '8天', decimal(10))|{}|6.25",
            "self.rows.map(r, r.?w).sum()|{\"rows\": [{\"level1\": 1, \"w\": 5}, {\"level1\": 2}]}|5"})
    void theLibraryWorksOutFiguresExactly(String expression, String document, String expected) throws IOException {
        assertEquals(expected == null ? "" : expected, value(expression, document));
    }

    @Test
    void runsOfRowsAreSeenByTheRowsAndSpanInTheView() throws IOException {
        Path folder = dir.resolve("runs");
        RegisteredForm form = form("{}", "[]");
        String document = "{\"rows\": [{\"level1\": \"产出\"}, {\"level1\": 1}, {\"level1\": \"效益\"}]}";
        Map<String, Object> view = form.view(form.read(document.getBytes(StandardCharsets.UTF_8)));
        List<?> rows = (List<?>) view.get("rows");
        assertEquals(List.of(2L, 0L, 1L), rows.stream().map(r -> ((Map<?, ?>) r).get("level1Span")).toList());
        assertTrue(Files.notExists(folder));
    }

    @Test
    void aRuleThatDoesNotHoldIsAProblemAtItsPath() throws IOException {
        RegisteredForm form = form("{}", """
                [{"rule": "self.a <= self.b", "severity": "warning", "path": "a",
                  "messageExpression": "'甲 ' + amount(self.a) + ' 超过乙 ' + amount(self.b)"},
                 {"rule": "has(self.t)", "message": "缺少文字"}]""");
        RegisteredForm.Verdict verdict = form.verdict("{\"a\": 5, \"b\": 3}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new Problem("/a", "甲 5.00 超过乙 3.00")), verdict.warnings());
        assertEquals(List.of(new Problem("", "缺少文字")), verdict.errors());
        RegisteredForm.Verdict bad = form.verdict("{\"a\": \"五\", \"b\": 3, \"t\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("/a"), bad.errors().stream().map(Problem::path).toList(), "the rule reading a value in error is not checked");
        assertEquals(List.of(), bad.warnings());
    }

    @Test
    void aMisspeltFieldStopsTheFormAtItsLineAndColumn() throws IOException {
        FormDefinitionError error = assertThrows(FormDefinitionError.class, () -> form("{\"x\": \"self.exce + self.a\"}", "[]"));
        FormDefinitionError.Fault fault = error.faults().get(0);
        assertEquals("templates/trial-form/schema.json", fault.place().file());
        List<String> lines = Files.readAllLines(dir.resolve("trial-form/schema.json"));
        assertEquals("exce", lines.get(fault.place().line() - 1).substring(fault.place().column()).substring(0, 4),
                "the place points at the misspelt name: " + fault);
        assertTrue(fault.message().contains("undefined field 'exce'"), fault.message());
    }

    @Test
    void moneyNeverMeetsADouble() {
        FormDefinitionError error = assertThrows(FormDefinitionError.class, () -> form("{\"x\": \"self.a * 1.1\"}", "[]"));
        assertTrue(error.getMessage().contains("(decimal, double)"), error.getMessage());
    }

    @Test
    void aFigureMayUseOnlyThoseDeclaredBeforeIt() {
        FormDefinitionError error = assertThrows(FormDefinitionError.class,
                () -> form("{\"x\": \"self.y + self.a\", \"y\": \"self.b\"}", "[]"));
        assertTrue(error.getMessage().contains("undefined field 'y'"), error.getMessage());
    }

    @Test
    void aRuleMustBeTrueOrFalseAndEveryFaultIsListed() {
        FormDefinitionError error = assertThrows(FormDefinitionError.class, () -> form("{\"x\": \"nosuch(self.a)\"}",
                "[{\"rule\": \"self.t\", \"message\": \"m\"}, {\"rule\": \"true\", \"path\": \"zz\", \"message\": \"m\"},"
                        + " {\"rule\": \"true\", \"severity\": \"fatal\", \"message\": \"m\"}]"));
        String all = error.getMessage();
        assertTrue(all.contains("undeclared reference to 'nosuch'"), all);
        assertTrue(all.contains("结果应为 真假（bool）"), all);
        assertTrue(all.contains("path 中的「zz」不是"), all);
        assertTrue(all.contains("severity 只能是 error 或 warning"), all);
        assertTrue(error.faults().size() >= 4, all);
        error.faults().forEach(fault -> assertTrue(fault.place().line() > 0, "each fault has its line: " + fault));
    }

    @Test
    void loopsAreBounded() throws IOException {
        RegisteredForm form = form("{\"x\": {\"expr\": \"self.rows.all(r, self.rows.all(s, self.rows.all(u, self.rows.all(v, true))))\","
                + " \"figure\": true}}", "[]");
        StringBuilder rows = new StringBuilder("{\"rows\": [");
        for (int i = 0; i < 100; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"level1\": 1}");
        }
        RegisteredForm.Validated validated = form.read(rows.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, validated.evaluation().failures().size(), "100⁴ iterations are stopped: " + validated.evaluation().failures());
        assertTrue(validated.evaluation().failures().get(0).toLowerCase(Locale.ROOT).contains("iteration"), validated.evaluation().failures().toString());
    }
}
