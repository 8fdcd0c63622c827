package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
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
}
