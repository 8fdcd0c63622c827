package cn.jixiao.forms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

/** The contract tests' one check: a bad value is refused with 422, naming its field in Chinese. */
public final class Contract {
    private Contract() {
    }

    /** One row of a contract test's table: the field at {@code parent/field} set to {@code value}. */
    public static Arguments bad(String parent, String field, Object value) {
        return Arguments.of(parent + "/" + field, value);
    }

    /** Puts {@code value} (JSON text, or {@link JsonEdit#REMOVE}) at {@code pointer} of the form's example and renders it. */
    public static void assertRefusedNaming(String formId, String pointer, Object value) {
        byte[] document = JsonEdit.edit(TestServer.example(formId), pointer, value);
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/render", document);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals(422, response.statusCode(), body.toString());
        assertEquals("invalid_document", body.at("/error/code").asString());
        List<String> paths = new ArrayList<>();
        body.at("/error/details").forEach(detail -> paths.add(detail.path("path").asString()));
        assertTrue(paths.contains(pointer), "expected " + pointer + " among " + body.at("/error/details"));
        body.at("/error/details").forEach(detail -> assertTrue(
                detail.path("message").asString().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                "message in Chinese: " + detail));
    }
}
