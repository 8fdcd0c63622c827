package cn.jixiao.forms.form;

/** One thing wrong (or worth a second look) in a document, located by a JSON pointer into the request body. */
public record Problem(String path, String message) {
}
