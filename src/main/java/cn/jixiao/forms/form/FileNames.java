package cn.jixiao.forms.form;

/** Download names built from what the user typed: safe on Windows, macOS and Linux file systems. */
public final class FileNames {
    private static final int MAX_CODE_POINTS = 80;

    private FileNames() {
    }

    /** {@code <subject>-<title>}, or just the title when the subject is blank. */
    public static String of(String subject, String title) {
        String clean = clean(subject);
        return clean.isEmpty() ? title : clean + "-" + title;
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.FORMAT) {
                return; // zero-width spaces and marks, invisible in a name
            }
            if (Character.isISOControl(cp) || "\\/:*?\"<>|".indexOf(cp) >= 0) {
                out.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' '); // no-break and ideographic spaces too
            } else {
                out.appendCodePoint(cp);
            }
        });
        String clean = out.toString().strip().replaceAll("^\\.+", "");
        return clean.codePointCount(0, clean.length()) > MAX_CODE_POINTS
                ? clean.substring(0, clean.offsetByCodePoints(0, MAX_CODE_POINTS)).strip() : clean;
    }
}
