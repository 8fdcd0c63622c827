package cn.jixiao.forms.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.bench.VariedDocuments;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A document never seen has its fonts cut for its own characters; the PDF is the same whether the cut is fresh, kept
 * from the moment before, or made again once the kept cuts have moved on to other documents.
 */
class FreshSubsetsTest {
    /** More documents than a face keeps cuts of. */
    private static final int OTHERS = 17;

    @Test
    void aDocumentGivesTheSameBytesWithFreshOrKeptFontCuts() {
        FormService service = TestServer.app().service();
        RegisteredForm form = service.form("performance-tracking");
        List<byte[]> documents = new VariedDocuments(form, service.forms()).documents(500, OTHERS + 1);
        byte[] document = documents.get(0);
        byte[] fresh = service.render(form, document, OutputFormat.PDF).bytes();
        assertArrayEquals(fresh, service.render(form, document, OutputFormat.PDF).bytes(), "with the cut just kept");
        for (byte[] other : documents.subList(1, documents.size())) {
            service.render(form, other, OutputFormat.PDF);
        }
        assertArrayEquals(fresh, service.render(form, document, OutputFormat.PDF).bytes(), "with the cut made again");
    }
}
