package cn.jixiao.forms.render;

import org.w3c.dom.Document;

/** Turns the XHTML a template produced into the bytes of one file format. Knows nothing of form types. */
public interface Renderer {
    OutputFormat format();

    Rendered render(Document xhtml, RenderOptions options);
}
