package cn.jixiao.forms.render;

import java.util.Objects;

/**
 * How a file is to be made, beyond its XHTML; every option concerns the PDF only, the DOCX ignores them.
 *
 * @param title           the file's title in its metadata (the form's title and project)
 * @param archive         PDF/A level, or none
 * @param source          the request's JSON, attached to a PDF/A-3 file as {@code document.json}; null for none
 * @param signatureFields empty signature fields where the layout marks a place to sign ({@code class="sign"})
 */
public record RenderOptions(String title, Archive archive, byte[] source, boolean signatureFields) {

    /** The archival levels a PDF can be made to. */
    public enum Archive {
        NONE, PDFA_2B, PDFA_3B
    }

    public RenderOptions {
        Objects.requireNonNull(title);
        Objects.requireNonNull(archive);
    }

    /** A plain file with a title. */
    public static RenderOptions titled(String title) {
        return new RenderOptions(title, Archive.NONE, null, false);
    }
}
