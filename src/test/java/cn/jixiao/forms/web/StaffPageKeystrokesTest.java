package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * A 自评表 filled in from blank at 1366×768 from the keyboard alone, as a finance officer does it: the keys pressed are
 * counted and printed (not asserted: they measure the page, they do not judge it); what is asserted is that every
 * value landed where it belongs and the service finds no error.
 */
@Tag("browser")
class StaffPageKeystrokesTest extends BrowserSession {
    private static final String F = "/forms/0";

    /** A row of the grid: 一级 and 二级 as typed to filter their lists, then 三级指标, 年度指标值, 实际完成值, 分值. */
    private record Row(String level1, String level2, String name, String target, String actual, String weight) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("产出", "数量", "改造面积", "≥5000平方米", "5200平方米", "20"),
            new Row("", "质量", "验收合格率", "100%", "100%", "15"),
            new Row("", "时效", "完工时间", "2023年10月31日前", "2023年10月20日", "10"),
            new Row("", "成本", "改造成本", "≤50万元", "46.5万元", "5"),
            new Row("效益", "经济", "年节电量", "≥10万度", "9.2万度", "20"),
            new Row("满意", "", "师生满意度", "≥90%", "95%", "20"));

    @Test
    void aSelfEvaluationFromBlankCountedKeyByKey() {
        browser.openOnALaptop("performance-self-evaluation", false);
        int typed = 0;
        browser.keystrokes = 0;
        // Into the form: the one click of the task, on 年度.
        browser.field(F + "/year").click();
        typed += type("2023", Keys.TAB, Keys.TAB);
        typed += type("办公楼节能改造", Keys.TAB);
        typed += type("某市教育局", Keys.TAB);
        typed += type("某市第一中学", Keys.TAB);
        typed += type("50", Keys.TAB, "50", Keys.TAB, "46.5", Keys.TAB);
        // 上年结转资金 and 其他资金 (three cells each), then 分值, 执行率 and 资金得分, which are worked out.
        browser.press(Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB);
        typed += type("完成办公楼照明和空调节能改造，年节电10万度。", Keys.TAB);
        typed += type("已完成改造，年节电9.2万度。", Keys.TAB);
        // 添加绩效指标, 上移, 下移, 删除, then the grid's first cell.
        browser.press(Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB, Keys.TAB);
        browser.wait.until(d -> (F + "/indicators/0/level1").equals(browser.focusedPath()));
        for (int i = 0; i < ROWS.size(); i++) {
            Row row = ROWS.get(i);
            String at = F + "/indicators/" + i;
            browser.wait.until(d -> (at + "/level1").equals(browser.focusedPath()));
            typed += type(row.level1(), Keys.ENTER);
            browser.wait.until(d -> (at + "/level2").equals(browser.focusedPath()));
            typed += type(row.level2(), Keys.ENTER);
            browser.wait.until(d -> (at + "/name").equals(browser.focusedPath()));
            typed += type(row.name(), Keys.TAB, row.target(), Keys.TAB, row.actual(), Keys.TAB, row.weight(), Keys.TAB);
            // 得分 is worked out; 偏差原因 said where the result fell short; Tab in the last cell adds the next row.
            browser.press(Keys.TAB);
            if (row.name().equals("年节电量")) {
                typed += type("部分空调机组10月才投入使用", Keys.TAB);
            } else if (i < ROWS.size() - 1) {
                browser.press(Keys.TAB);
            }
        }
        // Out of the grid: Esc leaves the last cell, Tab goes on to 填表人.
        browser.press(Keys.ESCAPE, Keys.TAB);
        browser.wait.until(d -> (F + "/preparer").equals(browser.focusedPath()));
        typed += type("张三", Keys.TAB, "0316-1234567", Keys.TAB, "20240305", Keys.TAB);

        JsonNode document = Json.MAPPER.readTree(browser.rawDocument());
        JsonNode form = document.at(F);
        assertEquals("办公楼节能改造", form.path("projectName").asString());
        assertEquals("46.5", form.at("/funds/fiscal/executed").asString());
        assertEquals("2024-03-05", form.path("reportDate").asString());
        assertEquals(ROWS.size(), form.path("indicators").size(), form.path("indicators").toString());
        for (int i = 0; i < ROWS.size(); i++) {
            JsonNode written = form.at("/indicators/" + i);
            Row row = ROWS.get(i);
            assertEquals(List.of(row.name(), row.target(), row.actual(), row.weight()), List.of(written.path("name").asString(),
                    written.path("target").asString(), written.path("actual").asString(), written.path("weight").asString()),
                    "row " + (i + 1) + ": no key lost, however quick the hand");
        }
        assertEquals("经济效益", form.at("/indicators/4/level2").asString());
        assertEquals("满意度指标", form.at("/indicators/5/level1").asString());
        assertEquals("服务对象满意度", form.at("/indicators/5/level2").asString());
        assertEquals("9.2万度", form.at("/indicators/4/actual").asString());
        JsonNode verdict = Json.MAPPER.readTree(TestServer.post("/api/v1/forms/performance-self-evaluation/validate",
                document.toString().getBytes(StandardCharsets.UTF_8)).body());
        assertEquals(0, verdict.path("errors").size(), verdict.path("errors").toString());
        String total = verdict.path("computed").path(F + "/totalScore").asString();
        browser.js("document.querySelector('.grid-totals').scrollIntoView({block: 'center'});");
        browser.picture("80-self-evaluation-from-blank");
        int keys = browser.keystrokes;
        System.out.printf("staff page, 自评表 from blank (%d indicators): %d keys pressed, %d of them characters typed"
                + " (each CJK character counted once, as if no IME), %d to move, take and leave (Tab, Enter, Esc), 1 click;"
                + " 总分 %s, %d warnings%n", ROWS.size(), keys, typed, keys - typed, total,
                verdict.path("warnings").size());
        assertTrue(keys > typed, "keys were counted");
    }

    /** Text and keys pressed; returns the characters of text, as typed. */
    private static int type(CharSequence... keys) {
        int characters = 0;
        for (CharSequence key : keys) {
            if (key instanceof String text) {
                characters += (int) text.codePoints().count();
            }
        }
        browser.press(keys);
        return characters;
    }
}
