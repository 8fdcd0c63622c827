package cn.jixiao.forms.http;

import cn.jixiao.forms.form.FormRegistry;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of the service, assembled from the very JSON Schemas the service validates
 * with, so that the two cannot drift. Each form type gets its own paths with its document schema.
 */
final class OpenApi {
    private final ObjectNode document;

    OpenApi(FormRegistry registry) {
        this.document = build(registry);
    }

    JsonNode document() {
        return document;
    }

    private static ObjectNode build(FormRegistry registry) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "jixiao-forms");
        info.put("version", "1");
        info.put("description", "JSON in, 预算绩效 forms out: 项目支出绩效目标表 and 项目支出绩效跟踪表 as PDF and DOCX. "
                + "Errors are JSON {\"error\": {\"code\", \"message\", \"details\": [{\"path\", \"message\"}]}} where path is a JSON pointer into the request body.");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", object("""
                {"type":"object","required":["path","message"],"properties":{
                  "path":{"type":"string","description":"JSON pointer into the request body, e.g. /forms/0/annualBudget"},
                  "message":{"type":"string"}}}"""));
        schemas.set("Error", object("""
                {"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","message","details"],
                  "properties":{"code":{"type":"string","enum":["malformed_json","invalid_document","limit_exceeded","body_too_large",
                    "unknown_form_type","not_found","unsupported_format","not_acceptable","unsupported_media_type","unauthorized",
                    "overloaded","render_timeout","method_not_allowed","template_error","internal_error"]},
                  "message":{"type":"string"},
                  "details":{"type":"array","items":{"$ref":"#/components/schemas/Problem"}}}}}}"""));
        schemas.set("Verdict", object("""
                {"type":"object","required":["valid","errors","warnings"],"properties":{"valid":{"type":"boolean"},
                  "errors":{"type":"array","items":{"$ref":"#/components/schemas/Problem"}},
                  "warnings":{"type":"array","items":{"$ref":"#/components/schemas/Problem"}}}}"""));
        ObjectNode responses = components.putObject("responses");
        for (String[] r : new String[][]{
                {"BadRequest", "Malformed JSON, or an unknown ?format="},
                {"NotFound", "Unknown form type"},
                {"NotAcceptable", "Accept names no format the service makes"},
                {"TooLarge", "Request body beyond the configured limit"},
                {"UnsupportedMediaType", "Request body not JSON"},
                {"Unprocessable", "Well-formed JSON that breaks the contract: every broken field listed in details"},
                {"Unavailable", "Overloaded or out of time: retry after Retry-After seconds"}}) {
            ObjectNode response = responses.putObject(r[0]);
            response.put("description", r[1]);
            response.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
        }

        paths.set("/healthz", object("""
                {"get":{"summary":"Readiness: 200 once fonts are parsed and templates compiled, 503 before","responses":{
                  "200":{"description":"ready","content":{"application/json":{"schema":{"type":"object","properties":{"status":{"const":"ready"}}}}}},
                  "503":{"description":"starting"}}}}"""));
        paths.set("/openapi.json", object("""
                {"get":{"summary":"This description","responses":{"200":{"description":"OpenAPI 3.1 document"}}}}"""));
        paths.set("/api/v1/forms", object("""
                {"get":{"summary":"The form types: id, Chinese title, description","responses":{"200":{"description":"form types",
                  "content":{"application/json":{"schema":{"type":"object","properties":{"forms":{"type":"array","items":{"type":"object",
                  "properties":{"id":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"links":{"type":"object"}}}}}}}}}}}}"""));

        for (RegisteredForm<?> form : registry.all()) {
            String id = form.id();
            ObjectNode schema = form.schemaJson().deepCopy();
            rewriteRefs(schema, "#/components/schemas/" + id + "/$defs/");
            schemas.set(id, schema);
            String ref = "#/components/schemas/" + id;
            String base = "/api/v1/forms/" + id;
            String title = form.type().title();

            ObjectNode schemaPath = paths.putObject(base + "/schema").putObject("get");
            schemaPath.put("summary", title + "：JSON Schema of a document (allowed values and limits included)");
            schemaPath.putObject("responses").putObject("200").put("description", "JSON Schema 2020-12")
                    .putObject("content").putObject("application/schema+json");
            ObjectNode examplePath = paths.putObject(base + "/example").putObject("get");
            examplePath.put("summary", title + "：an example document, transcribed from a published form");
            examplePath.putObject("responses").putObject("200").put("description", "example")
                    .putObject("content").putObject("application/json").putObject("schema").put("$ref", ref);

            ObjectNode validate = paths.putObject(base + "/validate").putObject("post");
            validate.put("summary", title + "：check a document without rendering it");
            requestBody(validate, ref);
            ObjectNode validateResponses = validate.putObject("responses");
            validateResponses.putObject("200").put("description", "errors (valid=false) and warnings")
                    .putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Verdict");
            errorResponses(validateResponses, false);

            ObjectNode render = paths.putObject(base + "/render").putObject("post");
            render.put("summary", title + "：render a document to PDF or DOCX");
            render.put("description", "The format comes from ?format=, else from Accept; PDF by default. "
                    + "Content-Disposition carries a Chinese file name (RFC 5987). Warnings: X-Warning-Count, and X-Warnings "
                    + "as a JSON array of {path, message} with non-ASCII escaped.");
            ArrayNode parameters = render.putArray("parameters");
            ObjectNode formatParameter = parameters.addObject();
            formatParameter.put("name", "format").put("in", "query").put("required", false);
            ObjectNode formatSchema = formatParameter.putObject("schema");
            formatSchema.put("type", "string");
            ArrayNode formats = formatSchema.putArray("enum");
            for (OutputFormat format : OutputFormat.values()) {
                formats.add(format.extension());
            }
            requestBody(render, ref);
            ObjectNode renderResponses = render.putObject("responses");
            ObjectNode ok = renderResponses.putObject("200");
            ok.put("description", "the file");
            ObjectNode headers = ok.putObject("headers");
            headers.putObject("Content-Disposition").putObject("schema").put("type", "string");
            headers.putObject("X-Warning-Count").putObject("schema").put("type", "integer");
            headers.putObject("X-Warnings").putObject("schema").put("type", "string");
            ObjectNode content = ok.putObject("content");
            for (OutputFormat format : OutputFormat.values()) {
                content.putObject(format.mediaType()).putObject("schema").put("type", "string").put("format", "binary");
            }
            errorResponses(renderResponses, true);
        }
        return root;
    }

    private static void requestBody(ObjectNode operation, String ref) {
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref);
    }

    private static void errorResponses(ObjectNode responses, boolean rendering) {
        responses.putObject("400").put("$ref", "#/components/responses/BadRequest");
        responses.putObject("404").put("$ref", "#/components/responses/NotFound");
        if (rendering) {
            responses.putObject("406").put("$ref", "#/components/responses/NotAcceptable");
            responses.putObject("422").put("$ref", "#/components/responses/Unprocessable");
            responses.putObject("503").put("$ref", "#/components/responses/Unavailable");
        }
        responses.putObject("413").put("$ref", "#/components/responses/TooLarge");
        responses.putObject("415").put("$ref", "#/components/responses/UnsupportedMediaType");
    }

    private static void rewriteRefs(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#/$defs/")) {
                object.put("$ref", prefix + ref.asString().substring("#/$defs/".length()));
            }
            object.remove("$schema");
            object.properties().forEach(e -> rewriteRefs(e.getValue(), prefix));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, prefix));
        }
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) Json.MAPPER.readTree(json);
    }
}
