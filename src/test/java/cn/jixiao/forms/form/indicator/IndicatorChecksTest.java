package cn.jixiao.forms.form.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.form.Problems;
import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.indicator.NamedValue.Role;
import cn.jixiao.forms.form.indicator.ProjectContext.Budget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each check with values that should and should not alarm an auditor, most of them from the published
 * forms; then how the checks are put together.
 */
class IndicatorChecksTest {
    private static final ProjectContext PROJECT = new ProjectContext("信息化建设", "/p/indicators",
            Optional.of(new Budget("总计", new BigDecimal("239.20"), "万元")));
    private static final Map<String, ValueCheck> CHECKS = Map.of(
            "PercentInWords", new PercentInWords(),
            "RateWithoutPercentage", new RateWithoutPercentage(),
            "RateBeyondHundred", new RateBeyondHundred(),
            "QuantityAsPercentage", new QuantityAsPercentage(),
            "CostWithoutAmount", new CostWithoutAmount(),
            "CostAboveBudget", new CostAboveBudget(),
            "TimelinessWithoutTime", new TimelinessWithoutTime(),
            "SatisfactionWithoutNumber", new SatisfactionWithoutNumber(),
            "SatisfactionBelowMinimum", new SatisfactionBelowMinimum(80));

    private static IndicatorDescription indicator(String level1, String level2, String name, NamedValue... values) {
        return new IndicatorDescription("/p/indicators/0", Taxonomy.level1(level1).orElseThrow(),
                Optional.ofNullable(level2).map(code -> Taxonomy.level2(code).orElseThrow()), name, List.of(values));
    }

    private static NamedValue target(String label, String field, String text) {
        return new NamedValue(label, "/p/indicators/0/" + field, text, Role.TARGET);
    }

    private static boolean warns(ValueCheck check, String level1, String level2, String name, String value) {
        IndicatorDescription described = indicator(level1, level2, name, target("年度指标值", "annualValue", value));
        return check.problem(described, IndicatorValue.read(value), PROJECT).isPresent();
    }

    /** The warnings of one project with this one indicator, but for those about the project's list. */
    private static List<Problem> warnings(IndicatorChecks checks, IndicatorDescription indicator) {
        Problems problems = new Problems();
        checks.check(PROJECT, List.of(indicator), problems);
        return problems.warnings().stream().filter(w -> !w.path().equals(PROJECT.indicatorsPath())).toList();
    }

    /** check | 一级 | 二级 ({@code -}: the form has none) | 三级 | value | warned; the project's budget is 总计 239.20 万元. */
    @ParameterizedTest(name = "{0}: {3} {4} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            RateWithoutPercentage|1|12|设备验收通过率|100%|false
            RateWithoutPercentage|1|12|建设计划完成率|100|false
            RateWithoutPercentage|1|-|一次验收合格率|一次性通过|true
            RateWithoutPercentage|1|-|采购及时完成率|在计划时间内|true
            RateWithoutPercentage|1|12|急性化学中毒检测任务完成率|每年完成不少于1000人次急性化学中毒检测|true
            RateWithoutPercentage|1|12|设备预设功能达标率（%）|≥95%|false
            RateWithoutPercentage|1|11|资产配置标准合规率（实际采购金额/文件规定的配置标准金额）|较上年提高|true
            RateWithoutPercentage|2|24|超规模、超标准、超概算项目比例|≤10%|false
            RateWithoutPercentage|1|11|药品采购平台采购占比|5个|true
            RateWithoutPercentage|1|13|物业管理工作效率|提高|false
            RateWithoutPercentage|1|11|设备购置数量|及时|false
            RateBeyondHundred|1|12|工程项目验收通过率|≥100%|true
            RateBeyondHundred|2|21|年度计划投资完成率|≥100|true
            RateBeyondHundred|1|12|验收合格率|100%以上|true
            RateBeyondHundred|1|12|验收合格率|>100%|true
            RateBeyondHundred|1|12|验收合格率|120%|true
            RateBeyondHundred|1|12|验收合格率|90~110%|true
            RateBeyondHundred|1|12|验收合格率|100%|false
            RateBeyondHundred|1|12|验收合格率|=100%|false
            RateBeyondHundred|1|12|验收合格率|≥95%|false
            RateBeyondHundred|1|12|验收合格率|≤100%|false
            RateBeyondHundred|2|21|门诊量增长率|≥150%|false
            RateBeyondHundred|1|11|设备数量|≥100%|false
            RateBeyondHundred|2|22|孕产妇死亡率|≤250/10万|false
            RateBeyondHundred|2|22|院内感染发生率|≤300‰|false
            RateWithoutPercentage|2|22|孕产妇死亡率|≤250/10万|false
            RateWithoutPercentage|2|22|新生儿死亡率|≤3‰|false
            QuantityAsPercentage|1|11|设备验收通过率|100%|true
            QuantityAsPercentage|1|11|全市放射工作人员证办理数量|大于95%|true
            QuantityAsPercentage|1|11|政府采购率|服务类采购完成率100%|true
            QuantityAsPercentage|1|11|个人剂量监测人数|大于1200人|false
            QuantityAsPercentage|1|11|系统并发数|200|false
            QuantityAsPercentage|1|12|数据项完整性|100%|false
            QuantityAsPercentage|1|-|医疗设备采购数量|100%|false
            CostWithoutAmount|1|14|项目成本控制|实际支出≤预算金额|true
            CostWithoutAmount|1|14|降低运营成本|较上年降低|true
            CostWithoutAmount|1|14|单位成本|≤5%|true
            CostWithoutAmount|1|14|设备购置成本|≤90万元|false
            CostWithoutAmount|1|14|人均培训成本|≤500元/人|false
            CostWithoutAmount|1|14|因公出国(境)经费压缩率|>0|false
            CostWithoutAmount|1|12|降低运营成本|较上年降低|false
            CostAboveBudget|1|14|设备购置成本|≤300万元|true
            CostAboveBudget|1|14|设备购置成本|≤2392001元|true
            CostAboveBudget|1|14|设备购置成本|0.03亿元|true
            CostAboveBudget|1|14|设备购置成本|≤239.20万元|false
            CostAboveBudget|1|14|设备购置成本|≤2392000元|false
            CostAboveBudget|1|14|人均培训成本|≤5000元/人|false
            CostAboveBudget|1|12|设备购置金额|≤300万元|false
            TimelinessWithoutTime|1|13|完成时间|及时|true
            TimelinessWithoutTime|1|13|完成时间|按时|true
            TimelinessWithoutTime|1|13|科研项目周期进度完成情况|按周期计划进度执行|true
            TimelinessWithoutTime|1|13|补贴发放及时性|100|true
            TimelinessWithoutTime|1|13|完成时间|2024年12月31日前|false
            TimelinessWithoutTime|1|13|完成时间|年底前|false
            TimelinessWithoutTime|1|13|完成美丽宜居自然村庄验收时间|9月前|false
            TimelinessWithoutTime|1|13|办理时限|3个工作日内|false
            TimelinessWithoutTime|1|13|平均故障处理时间|小于30分钟|false
            TimelinessWithoutTime|1|13|补贴发放及时性|100%|false
            TimelinessWithoutTime|1|13|建设及时率|及时|false
            TimelinessWithoutTime|1|-|建设及时性|及时|false
            SatisfactionWithoutNumber|3|31|服务对象满意度|满意|true
            SatisfactionWithoutNumber|3|-|病人满意度|较高|true
            SatisfactionWithoutNumber|3|31|服务对象满意度|≥90%|false
            SatisfactionWithoutNumber|3|-|使用者满意度|90|false
            SatisfactionWithoutNumber|3|31|儿科医护人员满意度|>80分|false
            SatisfactionWithoutNumber|3|31|群众满意率|较高|false
            SatisfactionWithoutNumber|1|12|服务质量|满意|false
            SatisfactionBelowMinimum|3|31|职工满意度|≥75%|true
            SatisfactionBelowMinimum|3|-|使用者满意度|75|true
            SatisfactionBelowMinimum|3|31|职工满意度|≥80%|false
            SatisfactionBelowMinimum|3|-|使用者满意度|90|false
            SatisfactionBelowMinimum|3|31|儿科医护人员满意度|>70分|false
            SatisfactionBelowMinimum|3|31|职工满意度|满意|false
            SatisfactionBelowMinimum|2|22|群众知晓率|≥75%|false
            PercentInWords|1|12|设备验收合格率|≥95百分比|true
            PercentInWords|3|31|患者满意度|90百分比|true
            PercentInWords|1|12|设备验收合格率|≥95%|false
            RateWithoutPercentage|1|12|上半年完成率|上半年完成率≥50%|false
            RateWithoutPercentage|1|12|验收合格率|合格率达95%|false
            TimelinessWithoutTime|1|13|建设进度|年底前完成率达到100%|false
            SatisfactionBelowMinimum|3|31|服务对象满意度|满意度达75%|true
            SatisfactionBelowMinimum|3|31|服务对象满意度|满意度保持在75%以上|true
            SatisfactionBelowMinimum|3|31|服务对象满意度|满意度保持在90%以上|false
            RateBeyondHundred|1|12|验收合格率|合格率应达到100%以上|true
            QuantityAsPercentage|1|11|培训人数|培训覆盖率达到95%|true
            PercentInWords|2|22|门诊人次增长|提高5个百分点|false
            PercentInWords|1|11|培训人次|1000人次|false
            SatisfactionBelowMinimum|3|31|患者投诉率|≤5%|false
            SatisfactionBelowMinimum|3|31|服务对象不满意率|3%|false
            SatisfactionBelowMinimum|3|31|差评率|≤5%|false
            SatisfactionBelowMinimum|3|31|投诉处理满意度|≥60%|true
            SatisfactionBelowMinimum|3|31|服务对象满意度|<70%|true
            """)
    void eachValueCheckWarnsWhereAnAuditorWouldAndNowhereElse(String check, String level1, String level2, String name, String value,
                                                            boolean warned) {
        assertEquals(warned, warns(CHECKS.get(check), level1, level2, name, value));
    }

    @Test
    void aCostBoundByTheBudgetInWordsIsShownTheBudgetAsAnAmount() {
        IndicatorDescription cost = indicator("1", "14", "项目成本控制", target("年度指标值", "annualValue", "实际支出≤预算金额"));
        assertEquals("只提到预算，没有写出金额：成本指标请写明金额，如「≤239.20万元」（本项目总计 239.20 万元）",
                new CostWithoutAmount().problem(cost, IndicatorValue.read("实际支出≤预算金额"), PROJECT).orElseThrow());
        ProjectContext unknownBudget = new ProjectContext("p", "/p/indicators", Optional.empty());
        assertTrue(new CostWithoutAmount().problem(cost, IndicatorValue.read("实际支出≤预算金额"), unknownBudget).orElseThrow()
                .startsWith("没有写出金额"));
    }

    @Test
    void aCostIsNotComparedWithABudgetTheFormDoesNotState() {
        IndicatorDescription cost = indicator("1", "14", "设备购置成本", target("年度指标值", "annualValue", "≤300万元"));
        ProjectContext unknownBudget = new ProjectContext("p", "/p/indicators", Optional.empty());
        assertEquals(Optional.empty(), new CostAboveBudget().problem(cost, IndicatorValue.read("≤300万元"), unknownBudget));
    }

    @Test
    void theSatisfactionMinimumIsTheConfiguredOne() {
        IndicatorDescription satisfaction = indicator("3", "31", "职工满意度", target("年度指标值", "annualValue", "≥85%"));
        assertEquals(List.of(), warnings(IndicatorChecks.DEFAULT, satisfaction));
        List<Problem> stricter = warnings(new IndicatorChecks(90), satisfaction);
        assertEquals(List.of(new Problem("/p/indicators/0/annualValue",
                "「职工满意度」的年度指标值「≥85%」低于满意度的最低要求 90%：请定为「≥90%」或更高")), stricter);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "1|预算执行率|true",
            "2|资金到位率|true",
            "1|中央资金拨付率|true",
            "1|拨付率|true",
            "2|资金支付率|true",
            "1|预算完成率|true",
            "1|经费执行率|true",
            "3|预算执行率|false",
            "1|医疗保障人员到位率|false",
            "1|儿科医护人员补助发放率|false",
            "2|资金使用效率|false",
            "2|年度计划投资完成率|false"})
    void inputCountedAsResult(String level1, String name, boolean warned) {
        assertEquals(warned, InputCountedAsResult.problem(indicator(level1, null, name)).isPresent());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "100|100%|annualTarget|「设备验收通过率」的年度绩效目标值「100」与应完成的绩效目标值「100%」单位不一致：请在年度绩效目标值中写明单位，如「100%」",
            "95|≥95%|annualTarget|「设备验收通过率」的年度绩效目标值「95」与应完成的绩效目标值「≥95%」单位不一致：请在年度绩效目标值中写明单位，如「95%」",
            "100%|100|expectedValue|「设备验收通过率」的年度绩效目标值「100%」与应完成的绩效目标值「100」单位不一致：请在应完成的绩效目标值中写明单位，如「100%」",
            "2台|2个|expectedValue|「设备验收通过率」的年度绩效目标值「2台」与应完成的绩效目标值「2个」单位不一致：一个以「台」计，一个以「个」计，请用同一单位填写",
            "100%|100%|-|-",
            "≤50万元|≤500000元|-|-",
            "3天|72小时|-|-",
            "一次性通过|100%|-|-",
            "100|-|-|-"})
    void unitsDisagree(String annual, String expected, String path, String message) {
        IndicatorDescription indicator = indicator("1", null, "设备验收通过率",
                target("年度绩效目标值", "annualTarget", annual), target("应完成的绩效目标值", "expectedValue", expected));
        List<Problem> expectedProblems = path == null ? List.of() : List.of(new Problem("/p/indicators/0/" + path, message));
        assertEquals(expectedProblems, UnitsDisagree.problems(indicator, Set.of()));
    }

    @Test
    void aValueAlreadyWarnedAboutIsNotComparedAgain() {
        IndicatorDescription indicator = indicator("1", "12", "急性化学中毒检测任务完成率",
                target("实施周期指标值", "periodValue", "每年完成不少于1000人次急性化学中毒检测"), target("年度指标值", "annualValue", ">95%"));
        List<Problem> warnings = warnings(IndicatorChecks.DEFAULT, indicator);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("/p/indicators/0/periodValue", warnings.get(0).path());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-|项目「信息化建设」没有绩效指标：请至少填写产出指标和效益指标",
            "1|项目「信息化建设」没有效益指标：请至少填写一项效益指标（经济效益、社会效益、生态效益或可持续影响）",
            "1 3|项目「信息化建设」没有效益指标：请至少填写一项效益指标（经济效益、社会效益、生态效益或可持续影响）",
            "2|项目「信息化建设」没有产出指标：请至少填写一项产出指标（数量指标、质量指标、时效指标或成本指标）",
            "1 2|-",
            "2 1 3|-"})
    void missingOutputOrBenefit(String levels, String message) {
        List<IndicatorDescription> indicators = new ArrayList<>();
        for (String level1 : levels == null ? new String[0] : levels.split(" ")) {
            indicators.add(indicator(level1, null, "指标"));
        }
        assertEquals(message == null ? List.of() : List.of(message), MissingOutputOrBenefit.problems(PROJECT, indicators));
    }

    @Test
    void targetsWrittenAlikeShareOneWarningAtTheFirst() {
        IndicatorDescription indicator = indicator("1", "12", "工程项目验收通过率",
                target("实施周期指标值", "periodValue", "≥100%"), target("年度指标值", "annualValue", "≥100%"));
        assertEquals(List.of(new Problem("/p/indicators/0/periodValue",
                        "「工程项目验收通过率」的实施周期指标值、年度指标值「≥100%」只有恰好100%才能达到：请写成「100%」或「=100%」")),
                warnings(IndicatorChecks.DEFAULT, indicator));
    }

    @Test
    void aPercentageWrittenInWordsIsAskedForItsSign() {
        IndicatorDescription indicator = indicator("3", "31", "患者满意度", target("年度指标值", "annualValue", "≥90百分比"));
        assertEquals(List.of(new Problem("/p/indicators/0/annualValue", "「患者满意度」的年度指标值「≥90百分比」把百分号写成了「百分比」：请写作「≥90%」")),
                warnings(IndicatorChecks.DEFAULT, indicator));
        IndicatorDescription worded = indicator("1", "12", "设备验收合格率", target("年度指标值", "annualValue", "全年≥95百分比以上"));
        assertTrue(warnings(IndicatorChecks.DEFAULT, worded).get(0).message().endsWith("请写作「全年≥95%以上」"), warnings(IndicatorChecks.DEFAULT, worded).toString());
    }

    @Test
    void aQuantityInPercentOffersToMoveItToQuality() {
        IndicatorDescription indicator = new IndicatorDescription("/p/indicators/0", Taxonomy.level1("1").orElseThrow(),
                Taxonomy.level2("11"), "设备验收通过率", List.of(target("年度指标值", "annualValue", "100%")), "/p/indicators/0/level2");
        List<Problem> warnings = warnings(IndicatorChecks.DEFAULT, indicator);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(new Problem.Fix("/p/indicators/0/level2", "质量指标", "改列为12-质量指标", "数量指标以百分比表示"), warnings.get(0).fix());
        assertEquals(null, warnings(IndicatorChecks.DEFAULT, indicator("1", "11", "设备验收通过率",
                target("年度指标值", "annualValue", "100%"))).get(0).fix(), "no fix without a 二级指标 column to write");
    }

    @Test
    void targetsWrittenDifferentlyAreWarnedAboutEach() {
        IndicatorDescription indicator = indicator("1", "12", "工程项目验收通过率",
                target("实施周期指标值", "periodValue", "≥100%"), target("年度指标值", "annualValue", "120%"));
        assertEquals(List.of("/p/indicators/0/periodValue", "/p/indicators/0/annualValue"),
                warnings(IndicatorChecks.DEFAULT, indicator).stream().map(Problem::path).toList());
    }

    @Test
    void whatWasAchievedIsComparedWithTheTargetsUnitsAndARateOfItNeverPassesHundred() {
        IndicatorDescription low = indicator("3", "31", "病人满意度", target("年度指标值", "target", "≥90%"),
                new NamedValue("实际完成值", "/p/indicators/0/actual", "70%", Role.ACTUAL));
        assertEquals(List.of(), warnings(IndicatorChecks.DEFAULT, low));
        IndicatorDescription unitless = indicator("3", "31", "病人满意度", target("年度指标值", "target", "98%"),
                new NamedValue("实际完成值", "/p/indicators/0/actual", "98", Role.ACTUAL));
        assertEquals(List.of("/p/indicators/0/actual"), warnings(IndicatorChecks.DEFAULT, unitless).stream().map(Problem::path).toList());
        IndicatorDescription above = indicator("1", "12", "设备验收合格率", target("年度指标值", "target", "≥95%"),
                new NamedValue("实际完成值", "/p/indicators/0/actual", "120%", Role.ACTUAL));
        assertEquals(List.of(new Problem("/p/indicators/0/actual", "「设备验收合格率」的实际完成值「120%」超过100%：比率最多为100%，请核对数值")),
                warnings(IndicatorChecks.DEFAULT, above));
        IndicatorDescription growth = indicator("2", "22", "门诊量增长率", target("年度指标值", "target", "≥5%"),
                new NamedValue("实际完成值", "/p/indicators/0/actual", "120%", Role.ACTUAL));
        assertEquals(List.of(), warnings(IndicatorChecks.DEFAULT, growth), "a 增长率 may pass 100 %");
        for (String may : List.of("任务完成率", "病床使用率")) {
            IndicatorDescription over = indicator("1", "12", may, target("年度指标值", "target", "≥95%"),
                    new NamedValue("实际完成值", "/p/indicators/0/actual", "110%", Role.ACTUAL));
            assertEquals(List.of(), warnings(IndicatorChecks.DEFAULT, over), may + " done beyond its plan may pass 100 %");
        }
        IndicatorDescription met = indicator("1", "12", "设备验收合格率", target("年度指标值", "target", "≥95%"),
                new NamedValue("实际完成值", "/p/indicators/0/actual", "100%", Role.ACTUAL));
        assertEquals(List.of(), warnings(IndicatorChecks.DEFAULT, met));
    }

    @Test
    void blankValuesAreNotJudged() {
        IndicatorDescription blank = indicator("3", "31", "病人满意度", target("实施周期指标值", "periodValue", null),
                target("年度指标值", "annualValue", " "));
        assertEquals(List.of(), warnings(IndicatorChecks.DEFAULT, blank));
    }

    @Test
    void aBudgetIsMoney() {
        assertEquals(0, new Budget("总计", new BigDecimal("239.20"), "万元").inYuan().compareTo(new BigDecimal("2392000")));
        assertThrows(IllegalArgumentException.class, () -> new Budget("总计", BigDecimal.TEN, "个"));
    }
}
