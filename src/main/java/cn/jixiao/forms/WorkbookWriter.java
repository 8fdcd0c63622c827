package cn.jixiao.forms;

import cn.jixiao.forms.excel.Workbooks;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;

/** The workbook of a checked document: its values from the document, laid out like the form from its XHTML where the template marks its fields. */
record WorkbookWriter(Workbooks workbooks, FormMarkup markup) implements DocumentWriter {
    @Override
    public OutputFormat format() {
        return OutputFormat.XLSX;
    }

    @Override
    public Rendered write(CheckedDocument document, RenderOptions options) {
        // A workbook has no pages of its own: Excel prints it as the printer lays it out.
        return new Rendered(workbooks.write(document.form(), document.validated().document(),
                markup.parsed(document)), 0);
    }
}
