package cn.jixiao.forms;

import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.RenderOptions;
import cn.jixiao.forms.render.Rendered;

/** Writes a checked document as one file format: PDF and DOCX from its XHTML, XLSX from the document and its XHTML. */
interface DocumentWriter {
    OutputFormat format();

    Rendered write(CheckedDocument document, RenderOptions options);
}
