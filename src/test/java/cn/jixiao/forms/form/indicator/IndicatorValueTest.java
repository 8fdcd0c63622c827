package cn.jixiao.forms.form.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values as the published forms write them, and what is read of them. */
class IndicatorValueTest {

    /** kind | operator | number | upper | unit | prefix | suffix; empty cells for nothing. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "≥95%|NUMBER|AT_LEAST|95|-|%|-|-",
            ">21%|NUMBER|MORE_THAN|21|-|%|-|-",
            "＞９０％|NUMBER|MORE_THAN|90|-|%|-|-",
            "<10%|NUMBER|LESS_THAN|10|-|%|-|-",
            "≤10%|NUMBER|AT_MOST|10|-|%|-|-",
            "100|NUMBER|NONE|100|-|-|-|-",
            "0|NUMBER|NONE|0|-|-|-|-",
            "33.3%|NUMBER|NONE|33.3|-|%|-|-",
            "≥100百分比|NUMBER|AT_LEAST|100|-|%|-|-",
            "≥50个|NUMBER|AT_LEAST|50|-|个|-|-",
            "大于1200人|NUMBER|MORE_THAN|1200|-|人|-|-",
            "不大于1秒|NUMBER|AT_MOST|1|-|秒|-|-",
            "小于30分钟|NUMBER|LESS_THAN|30|-|分钟|-|-",
            "不少于1000人次|NUMBER|AT_LEAST|1000|-|人次|-|-",
            "每年完成不少于1000人次急性化学中毒检测|NUMBER|AT_LEAST|1000|-|人次|每年完成|急性化学中毒检测",
            "≥3650000次/年|NUMBER|AT_LEAST|3650000|-|次/年|-|-",
            "3,650,000次|NUMBER|NONE|3650000|-|次|-|-",
            "1~2名|RANGE|NONE|1|2|名|-|-",
            "1至2名|RANGE|NONE|1|2|名|-|-",
            "2300平方米|NUMBER|NONE|2300|-|平方米|-|-",
            "实际租赁场地面积1827.89m²|NUMBER|NONE|1827.89|-|平方米|实际租赁场地面积|-",
            "全院医护人员700人|NUMBER|NONE|700|-|人|全院医护人员|-",
            "6批次出国计划|NUMBER|NONE|6|-|批次|-|出国计划",
            "≤90万元|NUMBER|AT_MOST|90|-|万元|-|-",
            "95%以上|NUMBER|AT_LEAST|95|-|%|-|-",
            "3个工作日以内|NUMBER|AT_MOST|3|-|个工作日|-|-",
            "服务类采购完成率100%|NUMBER|NONE|100|-|%|服务类采购完成率|-",
            "2024年12月31日前|DATE|NONE|-|-|-|-|-",
            "2024-12-31|DATE|NONE|-|-|-|-|-",
            "12月底前完成|DATE|NONE|-|-|-|-|-",
            "9月前|DATE|NONE|-|-|-|-|-",
            "11月以前|DATE|NONE|-|-|-|-|-",
            "3个月以内|NUMBER|AT_MOST|3|-|个月|-|-",
            "年底前|DATE|NONE|-|-|-|-|-",
            "2021年医疗设备购置补贴项目均未投入使用|QUALITATIVE|NONE|-|-|-|-|-",
            "有效提升|QUALITATIVE|NONE|-|-|-|-|-",
            "及时|QUALITATIVE|NONE|-|-|-|-|-",
            "实际支出≤预算金额|QUALITATIVE|NONE|-|-|-|-|-",
            "医院信息管理系统三级|QUALITATIVE|NONE|-|-|-|-|-",
            "'  '|EMPTY|NONE|-|-|-|-|-",
            "1.2万人次|NUMBER|NONE|12000|-|人次|-|-",
            "≥10万|NUMBER|AT_LEAST|100000|-|-|-|-",
            "1~1.5万台|RANGE|NONE|10000|15000|台|-|-",
            "120万元|NUMBER|NONE|120|-|万元|-|-",
            "≤250/10万|NUMBER|AT_MOST|250|-|/10万|-|-",
            "≤17.8/10万人口|NUMBER|AT_MOST|17.8|-|/10万人口|-|-",
            "≤5例/万|NUMBER|AT_MOST|5|-|例/万|-|-",
            "≤3‰|NUMBER|AT_MOST|3|-|‰|-|-",
            "满意度≥90%|NUMBER|AT_LEAST|90|-|%|满意度|-"})
    void readsWhatTheValueSays(String text, IndicatorValue.Kind kind, IndicatorValue.Operator operator, String number, String upper,
                               String unit, String prefix, String suffix) {
        IndicatorValue value = IndicatorValue.read(text);
        assertEquals(kind, value.kind(), "kind");
        assertEquals(operator, value.operator(), "operator");
        assertEquals(number == null, value.number() == null, "number");
        if (number != null) {
            assertEquals(0, new BigDecimal(number).compareTo(value.number()), "number " + value.number());
        }
        assertEquals(upper == null ? null : new BigDecimal(upper), value.upper(), "upper");
        assertEquals(unit == null ? "" : unit, value.unit(), "unit");
        assertEquals(prefix == null ? "" : prefix, value.prefix(), "prefix");
        assertEquals(suffix == null ? "" : suffix, value.suffix(), "suffix");
        assertEquals(text, value.text());
    }

    /** A value led by words: text | operator | number | unit | the words, joining words left out | whether they only name the measure. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "满意度≥90%|AT_LEAST|90|%|满意度|true",
            "满意度 ≥ 90%|AT_LEAST|90|%|满意度|true",
            "满意度：≥90%|AT_LEAST|90|%|满意度|true",
            "服务对象满意度≧９０％|AT_LEAST|90|%|服务对象满意度|true",
            "满意度大于等于90%|AT_LEAST|90|%|满意度|true",
            "满意度不低于90%|AT_LEAST|90|%|满意度|true",
            "满意度达到90%及以上|AT_LEAST|90|%|满意度|true",
            "满意度达90%|AT_LEAST|90|%|满意度|true",
            "满意度在90%以上|AT_LEAST|90|%|满意度|true",
            "满意度保持在90%以上|AT_LEAST|90|%|满意度|true",
            "合格率达到95%|AT_LEAST|95|%|合格率|true",
            "合格率应达到95%|AT_LEAST|95|%|合格率|true",
            "覆盖率要达到100%|AT_LEAST|100|%|覆盖率|true",
            "合格率应≥95%|AT_LEAST|95|%|合格率|true",
            "合格率为100%|NONE|100|%|合格率|true",
            "合格率100%|NONE|100|%|合格率|true",
            "合格率=100%|EQUAL|100|%|合格率|true",
            "投诉率控制在5%以内|AT_MOST|5|%|投诉率|true",
            "投诉率不超过5%|AT_MOST|5|%|投诉率|true",
            "差错率低于1%|LESS_THAN|1|%|差错率|true",
            "培训人次不少于1000人次|AT_LEAST|1000|人次|培训人次|true",
            "全院医护人员700人|NONE|700|人|全院医护人员|true",
            "上半年完成率≥50%|AT_LEAST|50|%|上半年完成率|true",
            "年底前完成率达到100%|AT_LEAST|100|%|年底前完成率|true",
            "2021年完成率≥95%|AT_LEAST|95|%|2021年完成率|true",
            "3号楼满意度≥90%|AT_LEAST|90|%|3号楼满意度|false",
            "每年完成不少于1000人次急性化学中毒检测|AT_LEAST|1000|人次|每年完成|false",
            "≥95%|AT_LEAST|95|%|-|false"})
    void aLeadingWordBeforeTheComparisonOrNumberIsReadPast(String text, IndicatorValue.Operator operator, String number, String unit,
                                                           String prefix, boolean ledByWords) {
        IndicatorValue value = IndicatorValue.read(text);
        assertEquals(IndicatorValue.Kind.NUMBER, value.kind(), "kind");
        assertEquals(operator, value.operator(), "operator");
        assertEquals(0, new BigDecimal(number).compareTo(value.number()), "number " + value.number());
        assertEquals(unit, value.unit(), "unit");
        assertEquals(prefix == null ? "" : prefix, value.prefix(), "the words before it");
        assertEquals(ledByWords, value.ledByWords(), "led by words");
    }

    @ParameterizedTest(name = "{0} is a date: {1}")
    @CsvSource(delimiter = '|', value = {"上半年|true", "年底前完成|true", "9月前完成80%|true", "上半年完成率≥50%|false",
            "年底前完成率达到100%|false", "年底前完成3次|true"})
    void dateWordsLeadingAShareOrAComparisonAreItsWords(String text, boolean date) {
        IndicatorValue value = IndicatorValue.read(text);
        assertEquals(date, value.kind() == IndicatorValue.Kind.DATE, value.toString());
        assertTrue(value.isTimeBound(), "it says when, either way");
    }

    @ParameterizedTest(name = "{0} is an amount: {1}")
    @CsvSource(delimiter = '|', value = {"≤90万元|true", "≤500元/人|true", "2万元/年|true", "1.5亿元|true", "≥95%|false",
            "50个|false", "100|false", "实际支出≤预算金额|false", "2024年12月31日前|false"})
    void amountsAreMoneyInAnyOfItsUnits(String text, boolean amount) {
        assertEquals(amount, IndicatorValue.read(text).isAmount());
    }

    @ParameterizedTest(name = "{0} reads as percent: {1}")
    @CsvSource(delimiter = '|', value = {"≥95%|true", "100|true", "1~2%|true", "≥100百分比|true", "5个|false", "及时|false", "2024年12月31日前|false"})
    void percentagesAndBareNumbersReadAsPercent(String text, boolean percent) {
        assertEquals(percent, IndicatorValue.read(text).readsAsPercent());
    }

    @ParameterizedTest(name = "{0} reads as a share: {1}")
    @CsvSource(delimiter = '|', value = {"≥95%|true", "100|true", "≤3‰|true", "≤250/10万|true", "≤5例/万|true", "5个|false",
            "1.2万人次|false", "及时|false"})
    void sharesArePercentPerMilleOrPerTenThousand(String text, boolean share) {
        assertEquals(share, IndicatorValue.read(text).readsAsShare());
    }

    @ParameterizedTest(name = "{0} in 元 = {1}")
    @CsvSource(delimiter = '|', value = {"≤90万元|900000", "1.5亿元|150000000", "3000元|3000"})
    void amountsConvertToYuan(String text, String yuan) {
        assertEquals(0, new BigDecimal(yuan).compareTo(IndicatorValue.read(text).inYuan().orElseThrow()));
    }
}
