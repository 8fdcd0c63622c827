package cn.jixiao.forms.form.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 10号 scoring of one indicator, as the forms' expressions call it. */
class ScoringFunctionsTest {

    @ParameterizedTest(name = "{0} → {1}, 分值 {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "43.2|37.24|10|8.62",
            "100|100|10|10.00",
            "100|120|10|10.00",
            "≥50个|50|10|10.00",
            "≥50个|40个|10|8.00",
            ">90%|45%|10|5.00",
            "=100%|99%|20|19.80",
            "98%|98%|20|20.00",
            "≤5天|8天|10|6.25",
            "≤5天|3|10|10.00",
            "<2%|0%|10|10.00",
            "≤0|3|10|0.00",
            "不超过30分钟|40分钟|12|9.00",
            "1~2名|3名|10|6.67",
            "1~2名|1.5|10|10.00",
            "1~2名|0.5|10|5.00",
            "0|0|10|10.00",
            "满意度≥90%|95%|10|10.00",
            "满意度≥90%|满意度81%|10|9.00",
            "1.2万人次|'12,860人次'|10|10.00",
            "1.2万人次|6000人次|10|5.00",
            "≥15000人次|1.2万人次|10|8.00",
            "≤50万元|480000元|10|10.00",
            "≤50万元|600000元|10|8.33",
            "≥300000元|24万元|10|8.00",
            "≤250/10万|200/10万|10|10.00",
            "≤250/10万|500|10|5.00",
            "合格率达到95%|98%|10|10.00",
            "合格率达到95%|合格率90%|10|9.47",
            "合格率为100%|合格率为96%|10|9.60",
            "满意度保持在90%以上|满意度达到92%|10|10.00",
            "服务对象满意度≥90%|满意度81%|10|9.00",
            "≥90%|满意度81%|10|9.00",
            "投诉率控制在5%以内|投诉率10%|10|5.00",
            "上半年完成率≥50%|40%|10|8.00",
            "2021年完成率≥95%|完成率95%|10|10.00",
            "全院医护人员700人|700人|10|10.00"})
    void quantitativeTargetsAreScoredFromTheirResults(String target, String actual, String weight, String points) {
        ScoringFunctions.Score score = ScoringFunctions.score(target == null ? "" : target, actual == null ? "" : actual, new BigDecimal(weight));
        assertEquals(new BigDecimal(points), score.points(), score.working());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "按期完成|按期完成",
            "有效提升|提升",
            "2024年12月31日前|已完成",
            "100|100%",
            "≥50个|50人",
            "98%|良好",
            "≥95%|",
            "|100",
            "满意度≥90%|投诉率95%",
            "合格率≥95%|完成率96%",
            "3号楼满意度≥90%|95%",
            "≥90%|3号楼92%",
            "≤50万元|50台",
            "≥95%|≤3‰"})
    void anythingButTwoComparableNumbersIsNotComputed(String target, String actual) {
        ScoringFunctions.Score score = ScoringFunctions.score(target == null ? "" : target, actual == null ? "" : actual, BigDecimal.TEN);
        assertEquals(null, score.points(), score.working());
    }

}
