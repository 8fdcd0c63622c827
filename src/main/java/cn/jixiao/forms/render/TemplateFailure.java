package cn.jixiao.forms.render;

/** A layout that cannot be used: a template that fails to parse or to render. Never the client's fault. */
public final class TemplateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
