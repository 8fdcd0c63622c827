package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.TestServer;

/**
 * A document in a form's workbook of labels — a sheet a form, label beside value, as the fill-in template holds it
 * once filled in — rather than in the printed layout its export takes: the layout of labels is read as it always was.
 */
final class SheetsOfLabels {
    private SheetsOfLabels() {
    }

    static byte[] of(String formId, byte[] document) {
        RegisteredForm form = TestServer.app().service().form(formId);
        return new Workbooks(Limits.DEFAULT).write(form, Json.MAPPER.readTree(document));
    }
}
