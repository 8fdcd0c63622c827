package cn.jixiao.forms.render;

import java.util.Locale;
import java.util.Optional;

/** The files a form can be rendered to: PDF and DOCX from its XHTML, XLSX from the checked document. */
public enum OutputFormat {
    PDF("pdf", "application/pdf"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    OutputFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<OutputFormat> byName(String name) {
        for (OutputFormat format : values()) {
            if (format.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public static Optional<OutputFormat> byMediaType(String mediaType) {
        for (OutputFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(mediaType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
