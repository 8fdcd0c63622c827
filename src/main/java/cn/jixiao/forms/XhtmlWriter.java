package cn.jixiao.forms;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Renderer;

/** A file laid out from the document's XHTML by one renderer (PDF, DOCX). */
record XhtmlWriter(FormMarkup markup, Renderer renderer) implements DocumentWriter {
    @Override
    public OutputFormat format() {
        return renderer.format();
    }

    @Override
    public Rendered write(CheckedDocument document, RenderOptions options) {
        return renderer.render(markup.parsed(document.form(), document.validated()), options);
    }
}
