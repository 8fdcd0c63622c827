package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;

/** The composed 绩效指标 text taken apart, whichever separators and spellings of the levels it uses. */
class ComposedIndicatorsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "1、1-产出指标：11-数量指标：租赁场地面积；实施周期指标值：实际业务用房缺口；年度指标值：1827.89m²。2、3-满意度指标：31-服务对象满意度；职工满意度；实施周期指标值：≥80%；年度指标值：≥80%。",
            "1、1-产出指标：11-数量指标；租赁场地面积；实施周期指标值:实际业务用房缺口；年度指标值:1827.89m²。2、3-满意度指标：31-服务对象满意度；职工满意度；实施周期指标值:≥80%；年度指标值:≥80%",
            "1、产出指标:数量指标:租赁场地面积;实施周期指标值:实际业务用房缺口;年度指标值:1827.89m²。 2、满意度:服务对象满意度指标;职工满意度;实施周期指标值:≥80%;年度指标值:≥80%。"})
    void everySeparatorStyleGivesTheSameIndicators(String text) {
        WorkbookReading reading = new WorkbookReading();
        ArrayNode indicators = Json.MAPPER.createArrayNode();
        ComposedIndicators.read(text, indicators, "/indicators", "Sheet1!G9", reading);
        assertEquals(0, reading.errors().size(), reading.errors().toString());
        assertEquals(2, indicators.size());
        assertEquals("产出指标", indicators.at("/0/level1").asString());
        assertEquals("数量指标", indicators.at("/0/level2").asString());
        assertEquals("租赁场地面积", indicators.at("/0/name").asString());
        assertEquals("实际业务用房缺口", indicators.at("/0/periodValue").asString());
        assertEquals("1827.89m²", indicators.at("/0/annualValue").asString());
        assertEquals("服务对象满意度", indicators.at("/1/level2").asString());
        assertEquals("≥80%", indicators.at("/1/annualValue").asString());
        assertEquals("Sheet1!G9", reading.sources().get("/indicators/1/name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1、4-投入指标：11-数量指标：面积；实施周期指标值：1；年度指标值：1。",
            "1、1-产出指标：51-数量指标：面积；实施周期指标值：1；年度指标值：1。", "1、面积100平方米。"})
    void whatDoesNotComeApartIsAnErrorAtItsCell(String text) {
        WorkbookReading reading = new WorkbookReading();
        ComposedIndicators.read(text, Json.MAPPER.createArrayNode(), "/indicators", "Sheet1!G9", reading);
        assertEquals(1, reading.errors().size());
        assertEquals("Sheet1!G9", reading.errors().get(0).cell());
    }

    /** The pattern the cell was once taken apart with: kept here as the meaning the one walk along the text must keep. */
    private static final String SEPARATOR = "\\s*[：；:;]\\s*";
    private static final Pattern START = Pattern.compile("(?:^|(?<=。))\\s*\\d+\\s*、");
    private static final Pattern INDICATOR = Pattern.compile("([^：；:;]+)" + SEPARATOR + "([^：；:;]+)" + SEPARATOR + "(.*?)"
            + SEPARATOR + "实施周期指标值" + SEPARATOR + "(.*?)" + SEPARATOR + "年度指标值" + SEPARATOR + "(.*?)\\s*。?\\s*", Pattern.DOTALL);
    private static final String[] TOKENS = {"1、", "2 、", "。", "：", "；", ":", ";", " ", "\n", "\u3000", "实施周期指标值", "年度指标值",
            "产出指标", "11-数量指标", "面积", "≥80%", "12", "、"};

    @Test
    void theWalkAlongTheTextFindsWhatThePatternFound() {
        Random random = new Random(20261205L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int t = random.nextInt(14); t > 0; t--) {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            String written = text.toString();
            assertEquals(read(List.of(START.split(written))), read(ComposedIndicators.parts(written)), written);
            Matcher matcher = INDICATOR.matcher(written.strip());
            String[] fields = ComposedIndicators.fields(written.strip());
            assertEquals(matcher.matches(), fields != null, written);
            if (fields != null) {
                for (int g = 0; g < 5; g++) {
                    assertEquals(matcher.group(g + 1).strip(), fields[g], "field " + g + " of " + written);
                }
            }
        }
    }

    /** The parts that are read: blank ones are passed over. */
    private static List<String> read(List<String> parts) {
        return parts.stream().filter(part -> !part.isBlank()).toList();
    }

    /** What made the pattern try each 实施周期指标值 against the rest: a megabyte of them is read in its length. */
    @Test
    void aTextMadeToBacktrackIsTakenApartInItsLength() {
        String text = "1、1-产出指标：11-数量指标：面积" + "；实施周期指标值：1".repeat(100_000) + "。2、" + " ".repeat(100_000) + "；";
        WorkbookReading reading = new WorkbookReading();
        ComposedIndicators.read(text, Json.MAPPER.createArrayNode(), "/indicators", "Sheet1!G9", reading);
        assertEquals(2, reading.errors().size(), reading.errors().toString());
    }
}
