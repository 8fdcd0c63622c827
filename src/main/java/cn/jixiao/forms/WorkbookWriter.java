package cn.jixiao.forms;

import cn.jixiao.forms.excel.Workbooks;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;

/** The workbook of a checked document, written from the document itself rather than its XHTML. */
record WorkbookWriter(Workbooks workbooks) implements DocumentWriter {
    @Override
    public OutputFormat format() {
        return OutputFormat.XLSX;
    }

    @Override
    public Rendered write(CheckedDocument document, RenderOptions options) {
        // A workbook has no pages of its own: Excel prints it as the printer lays it out.
        return new Rendered(workbooks.write(document.form(), document.validated().document()), 0);
    }
}
