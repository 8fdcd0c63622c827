package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.SameDocument;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every example exported to its workbook and imported back is the same document, over HTTP as a client does it. */
class RoundTripTest {
    static List<String> forms() {
        return TestServer.app().service().forms().stream().map(RegisteredForm::id).toList();
    }

    static byte[] exported(String formId) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/render?format=xlsx", TestServer.example(formId));
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyExampleComesBackUnchanged(String formId) {
        HttpResponse<byte[]> imported = TestServer.post("/api/v1/forms/" + formId + "/import", exported(formId),
                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        JsonNode answer = Json.MAPPER.readTree(imported.body());
        assertEquals(200, imported.statusCode(), answer.toString());
        SameDocument.assertSame(Json.MAPPER.readTree(TestServer.example(formId)), answer.path("document"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theSameDocumentGivesTheSameWorkbook(String formId) {
        assertArrayEquals(exported(formId), exported(formId));
    }
}
