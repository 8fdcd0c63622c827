package cn.jixiao.forms.form.rules;

/**
 * Where something a maintainer wrote stands: a file of a form's folder and, when known, the line and column
 * (from 1), e.g. {@code templates/performance-tracking/schema.json:42:17}.
 */
public record SourcePlace(String file, int line, int column) {

    public static SourcePlace of(String file) {
        return new SourcePlace(file, 0, 0);
    }

    /** The place {@code lines} lines and {@code columns} columns further on (column 0 of a line after the first is 1). */
    public SourcePlace within(int expressionLine, int expressionColumn) {
        if (line == 0) {
            return this;
        }
        if (expressionLine <= 1) {
            return new SourcePlace(file, line, column + expressionColumn);
        }
        return new SourcePlace(file, line + expressionLine - 1, expressionColumn);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
