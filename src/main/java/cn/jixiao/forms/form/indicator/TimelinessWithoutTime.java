package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level2;
import java.util.Optional;

/**
 * A 时效指标 that says neither when nor how quickly: 及时, 按时, 按计划. A share done on time (及时率 100%)
 * says it; a 率 written in words is the rate checks' to report.
 */
final class TimelinessWithoutTime implements ValueCheck {

    @Override
    public Optional<String> problem(IndicatorDescription indicator, IndicatorValue value, ProjectContext project) {
        if (!indicator.is(Level2.TIMELINESS) || IndicatorName.isRate(indicator.name()) || value.isTimeBound()
                || value.isPercentage()) {
            return Optional.empty();
        }
        return Optional.of("没有写明日期、期限或时长：时效指标请写明何时完成或用时多久，如「2024年12月31日前」「3个工作日内」");
    }
}
