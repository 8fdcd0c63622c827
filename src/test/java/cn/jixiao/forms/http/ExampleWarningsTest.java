package cn.jixiao.forms.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every warning each registered form's example earns, as {@code /validate} lists them, approved one line
 * each ({@code path  message}) so that a person can judge every one against the published form; a render
 * carries the same warnings in its headers.
 */
class ExampleWarningsTest {

    static Stream<String> forms() {
        return TestServer.app().service().forms().stream().map(RegisteredForm::id);
    }

    private static List<String> validated(String formId) {
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/validate", TestServer.example(formId));
        assertEquals(200, response.statusCode());
        JsonNode verdict = Json.MAPPER.readTree(response.body());
        assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
        assertFalse(verdict.path("truncated").asBoolean(false), verdict.toString());
        return lines(verdict.path("warnings"));
    }

    private static List<String> lines(JsonNode warnings) {
        List<String> lines = new ArrayList<>();
        warnings.forEach(warning -> lines.add(warning.path("path").asString() + "  " + warning.path("message").asString()));
        return lines;
    }

    @ParameterizedTest
    @MethodSource("forms")
    void validateListsEveryWarningOfTheExample(String formId) {
        Approvals.verify(String.join("\n", validated(formId)) + "\n", new Options().forFile().withAdditionalInformation(formId));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void aRenderCountsTheSameWarningsAndCarriesTheFirstOfThem(String formId) {
        List<String> validated = validated(formId);
        HttpResponse<byte[]> response = TestServer.post("/api/v1/forms/" + formId + "/render?format=docx", TestServer.example(formId));
        assertEquals(200, response.statusCode());
        assertEquals(Integer.toString(validated.size()), response.headers().firstValue("X-Warning-Count").orElseThrow());
        if (validated.isEmpty()) {
            assertTrue(response.headers().firstValue("X-Warnings").isEmpty(), "no warning, no X-Warnings");
            return;
        }
        List<String> carried = lines(Json.MAPPER.readTree(response.headers().firstValue("X-Warnings").orElseThrow()));
        assertFalse(carried.isEmpty());
        assertEquals(validated.subList(0, carried.size()), carried);
    }
}
