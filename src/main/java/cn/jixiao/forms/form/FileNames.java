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
        text.strip().codePoints().limit(MAX_CODE_POINTS).forEach(cp -> {
            if (Character.isISOControl(cp) || "\\/:*?\"<>|".indexOf(cp) >= 0) {
                out.append('_');
            } else if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip().replaceAll("^\\.+", "");
    }
}
