package cn.jixiao.forms.form.functions;

import static cn.jixiao.forms.form.functions.Functions.BOOL;
import static cn.jixiao.forms.form.functions.Functions.STRING;

import cn.jixiao.forms.form.Taxonomy;
import cn.jixiao.forms.form.Taxonomy.Level1;
import cn.jixiao.forms.form.Taxonomy.Level2;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The indicator taxonomy (一级指标 → 二级指标) for expressions: a level as people write it ({@code 1}, {@code 产出},
 * {@code 11-数量指标}) read into the label or the coded label the forms print.
 */
final class TaxonomyFunctions {

    private TaxonomyFunctions() {
    }

    static void register(Functions f) {
        f.unary("level1", "level1_label", STRING, STRING, String.class, s -> level1(s).label());
        f.unary("level1Coded", "level1_coded", STRING, STRING, String.class, s -> level1(s).codedLabel());
        f.unary("level2", "level2_label", STRING, STRING, String.class, s -> level2(s).label());
        f.unary("level2Coded", "level2_coded", STRING, STRING, String.class, s -> level2(s).codedLabel());
        f.unary("level2Printed", "level2_printed", STRING, STRING, String.class, s -> {
            String label = level2(s).label();
            return label.endsWith("指标") ? label : label + "指标";
        });
        f.binary("belongsTo", "level2_belongs_to", BOOL, STRING, String.class, STRING, String.class,
                (two, one) -> level2(two).parent() == level1(one));
        f.unary("level2Names", "level2_names", STRING, STRING, String.class, s -> children(s, Level2::label));
        f.unary("level2CodedNames", "level2_coded_names", STRING, STRING, String.class, s -> children(s, Level2::codedLabel));
    }

    private static String children(String level1, Function<Level2, String> name) {
        List<String> names = new ArrayList<>();
        level1(level1).children().forEach(child -> names.add(name.apply(child)));
        return String.join("、", names);
    }

    static Level1 level1(String spelling) {
        return Taxonomy.level1(spelling).orElseThrow(() -> new IllegalArgumentException("不是一级指标：" + spelling));
    }

    static Level2 level2(String spelling) {
        return Taxonomy.level2(spelling).orElseThrow(() -> new IllegalArgumentException("不是二级指标：" + spelling));
    }
}
