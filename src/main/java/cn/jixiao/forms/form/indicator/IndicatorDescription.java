package cn.jixiao.forms.form.indicator;

import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import java.util.List;
import java.util.Optional;

/**
 * One indicator as every form has it, whatever its columns are called: what the checks read.
 *
 * @param path   the JSON pointer of the indicator; a warning about the indicator as a whole is placed here
 * @param level1 its 一级指标
 * @param level2 its 二级指标, empty where the form has no such column (the tracking table) or it does not
 *               belong to the 一级指标 (an error reported elsewhere)
 * @param name   its 三级指标, e.g. 设备验收通过率
 * @param values its values in the order the form prints them
 * @param level2Path the JSON pointer of its 二级指标, where a fix that moves it would write; null without the column
 */
public record IndicatorDescription(String path, Level1 level1, Optional<Level2> level2, String name, List<NamedValue> values,
                                   String level2Path) {

    public IndicatorDescription {
        values = List.copyOf(values);
    }

    public IndicatorDescription(String path, Level1 level1, Optional<Level2> level2, String name, List<NamedValue> values) {
        this(path, level1, level2, name, values, null);
    }

    boolean is(Level2 expected) {
        return level2.filter(expected::equals).isPresent();
    }
}
