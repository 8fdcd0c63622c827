package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The indicator taxonomy: names with or without 指标, codes, the printed code-name form. */
class TaxonomyTest {

    @ParameterizedTest
    @CsvSource({
            "产出指标, OUTPUT", "产出, OUTPUT", "1, OUTPUT", "1-产出指标, OUTPUT",
            "效益指标, BENEFIT", "效益, BENEFIT", "2, BENEFIT",
            "满意度指标, SATISFACTION", "满意度, SATISFACTION", "3, SATISFACTION", "' 3-满意度指标 ', SATISFACTION"})
    void level1Spellings(String spelling, Level1 expected) {
        assertEquals(expected, Taxonomy.level1(spelling).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "数量指标, QUANTITY", "数量, QUANTITY", "11, QUANTITY", "11-数量指标, QUANTITY",
            "质量, QUALITY", "13-时效指标, TIMELINESS", "成本指标, COST",
            "经济效益, ECONOMIC", "经济效益指标, ECONOMIC", "22, SOCIAL", "社会效益指标, SOCIAL", "22-社会效益, SOCIAL",
            "生态效益, ECOLOGICAL", "可持续影响, SUSTAINABLE", "可持续影响指标, SUSTAINABLE",
            "服务对象满意度, CLIENT_SATISFACTION", "服务对象满意度指标, CLIENT_SATISFACTION", "31, CLIENT_SATISFACTION"})
    void level2Spellings(String spelling, Level2 expected) {
        assertEquals(expected, Taxonomy.level2(spelling).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "产出效益", "成本", "指标", "0", "1-效益指标"})
    void unknownLevel1(String spelling) {
        assertTrue(Taxonomy.level1(spelling).isEmpty(), spelling);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "数量质量", "经济成本指标", "1", "32", "11-质量指标"})
    void unknownLevel2(String spelling) {
        assertTrue(Taxonomy.level2(spelling).isEmpty(), spelling);
    }

    @Test
    void printedForms() {
        assertEquals("1-产出指标", Level1.OUTPUT.codedLabel());
        assertEquals("11-数量指标", Level2.QUANTITY.codedLabel());
        assertEquals("24-可持续影响", Level2.SUSTAINABLE.codedLabel());
        assertEquals("31-服务对象满意度", Level2.CLIENT_SATISFACTION.codedLabel());
        assertEquals(List.of(Level2.ECONOMIC, Level2.SOCIAL, Level2.ECOLOGICAL, Level2.SUSTAINABLE), Level1.BENEFIT.children());
    }
}
