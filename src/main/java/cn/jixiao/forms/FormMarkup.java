package cn.jixiao.forms;

import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.Templates;
import cn.jixiao.forms.render.Xhtml;
import org.w3c.dom.Document;

/** The XHTML a form's template makes of a checked document: what the PDF and DOCX renderers and the page estimate read. */
record FormMarkup(Templates templates) {
    String text(RegisteredForm form, RegisteredForm.Validated validated) {
        return templates.render(form.id(), form.view(validated), form.definition().templateModel());
    }

    /** The document's XHTML, made of it once however often asked for; parsed for each reader, who gets a DOM of its own. */
    Document parsed(CheckedDocument document) {
        return parse(document.form(), document.xhtml(made -> text(made.form(), made.validated())));
    }

    static Document parse(RegisteredForm form, String xhtml) {
        return Xhtml.parse(xhtml, form.id() + "/" + Templates.ENTRY);
    }
}
