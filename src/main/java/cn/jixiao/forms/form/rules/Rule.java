package cn.jixiao.forms.form.rules;

/**
 * A rule of an object ({@code x-rules}): an expression that holds for a sound document; where it does not, an
 * error or a warning at {@code path} (relative to the object), worded by {@code message} or worked out by
 * {@code messageExpression}.
 *
 * @param limit the environment variable of a configured limit the rule enforces, or null
 */
public record Rule(Expression holds, boolean error, String path, String message, Expression messageExpression, String limit) {
}
