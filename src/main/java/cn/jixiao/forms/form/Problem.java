package cn.jixiao.forms.form;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong (or worth a second look) in a document, located by a JSON pointer into the request
 * body. {@code limit} names the configured limit that was exceeded (its environment variable), if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String path, String message, String limit) {
    public Problem(String path, String message) {
        this(path, message, null);
    }
}
