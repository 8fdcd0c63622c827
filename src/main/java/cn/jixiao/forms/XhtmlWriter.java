package cn.jixiao.forms;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;
import cn.jixiao.forms.render.Renderer;
import java.util.Map;

/** A file laid out from the document's XHTML by one renderer (PDF, DOCX), or by the one given for its form. */
record XhtmlWriter(FormMarkup markup, Renderer renderer, Map<String, Renderer> byForm) implements DocumentWriter {
    @Override
    public OutputFormat format() {
        return renderer.format();
    }

    @Override
    public Rendered write(CheckedDocument document, RenderOptions options) {
        Renderer chosen = byForm.getOrDefault(document.form().id(), renderer);
        return chosen.render(markup.parsed(document), options);
    }
}
