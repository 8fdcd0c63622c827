package cn.jixiao.forms.form.rules;

import dev.cel.common.types.CelType;
import java.util.Map;

/**
 * Runs of consecutive rows of a list that share a key ({@code x-runs}): the 一级指标 cell merged down the rows of
 * one level. Each row's view gets {@code <run>Span}: the rows its run spans on its first row, 0 on the others.
 *
 * @param list the list's name in its object
 * @param keys each run's key expression, by run name
 * @param type the type of {@code runs} in the rows' expressions
 */
record RowRuns(String list, Map<String, Expression> keys, CelType type) {
}
