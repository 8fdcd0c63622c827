package cn.jixiao.forms.http;

import cn.jixiao.forms.Unavailable;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.PagePicture;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of the service, assembled from the very JSON Schemas the service validates
 * with, so that the two cannot drift. Each form type gets its own paths with its document schema; the
 * statuses each operation declares come from the error kinds its handler can raise, mapped by
 * {@link ErrorResponses}.
 */
final class OpenApi {
    private static final String ERROR = "#/components/schemas/Error";
    private final ObjectNode document;

    OpenApi(Collection<RegisteredForm> forms, boolean tokenRequired) {
        this.document = build(forms, tokenRequired);
    }

    JsonNode document() {
        return document;
    }

    private static ObjectNode build(Collection<RegisteredForm> forms, boolean tokenRequired) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "jixiao-forms");
        info.put("version", "1");
        List<String> titles = new ArrayList<>();
        forms.forEach(form -> titles.add(form.title()));
        info.put("description", "JSON in, 预算绩效 forms out: " + String.join("、", titles) + " as PDF, DOCX and XLSX; workbooks in too. "
                + "Errors are JSON {\"error\": {\"code\", \"message\", \"details\": [{\"path\", \"message\"}]}} where path is a JSON pointer into the request body.");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", object("""
                {"type":"object","required":["path","message"],"properties":{
                  "path":{"type":"string","description":"JSON pointer into the request body, e.g. /forms/0/annualBudget"},
                  "message":{"type":"string"},
                  "limit":{"type":"string","description":"the environment variable of the configured limit that was exceeded"},
                  "cell":{"type":"string","description":"the workbook cell the value came from, e.g. Sheet1!C9 (documents read from a workbook)"}}}"""));
        ObjectNode error = object("""
                {"type":"object","required":["error"],"properties":{"error":{"type":"object","required":["code","message","details"],
                  "properties":{"code":{"type":"string"},
                  "message":{"type":"string"},
                  "details":{"type":"array","items":{"$ref":"#/components/schemas/Problem"}}}}}}""");
        ArrayNode codes = ((ObjectNode) error.at("/properties/error/properties/code")).putArray("enum");
        allKinds().forEach(kind -> codes.add(code(kind)));
        codes.add(ErrorResponses.TEMPLATE_ERROR).add(ErrorResponses.INTERNAL_ERROR);
        schemas.set("Error", error);
        schemas.set("Verdict", object("""
                {"type":"object","required":["valid","errors","warnings","truncated","computed"],"properties":{"valid":{"type":"boolean"},
                  "errors":{"type":"array","items":{"$ref":"#/components/schemas/Problem"},"maxItems":200},
                  "warnings":{"type":"array","items":{"$ref":"#/components/schemas/Problem"},"maxItems":200},
                  "truncated":{"type":"boolean","description":"more errors or warnings were found than are listed (at most 200 of each)"},
                  "computed":{"type":"object","additionalProperties":{"type":"string"},
                    "description":"the figures the form works out, as printed, keyed by the JSON pointer of their place: a field that may be left out (/forms/0/executionRate) or a cell the document has no field for (the 合计 row of the target table is /total, a unit's subtotal /units/0/total); an empty string where a figure cannot be worked out; when the document does not pass its schema, only the figures that its indicator rows with errors do not feed, and only when all its errors lie in such rows"}}}"""));
        if (tokenRequired) {
            components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        }

        paths.set("/healthz", object("""
                {"get":{"summary":"Readiness: 200 once fonts are parsed and templates compiled, 503 before","responses":{
                  "200":{"description":"ready","content":{"application/json":{"schema":{"type":"object","properties":{"status":{"const":"ready"}}}}}},
                  "503":{"description":"starting"}}}}"""));
        paths.set("/openapi.json", object("""
                {"get":{"summary":"This description","responses":{"200":{"description":"OpenAPI 3.1 document"}}}}"""));
        ObjectNode list = paths.putObject(FormRoutes.BASE).putObject("get");
        list.put("summary", "The form types: id, Chinese title, description");
        list.putObject("responses").set("200", object("""
                {"description":"form types","content":{"application/json":{"schema":{"type":"object","properties":{"forms":{"type":"array",
                  "items":{"type":"object","properties":{"id":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},
                  "links":{"type":"object"}}}}}}}}}"""));
        failures(list, List.of(), tokenRequired);

        paths.set(BatchRoutes.PATH, batch(forms));
        failures((ObjectNode) paths.get(BatchRoutes.PATH).get("post"), BatchRoutes.FAILURES, tokenRequired);

        for (RegisteredForm form : forms) {
            String id = form.id();
            ObjectNode schema = form.schemaJson().deepCopy();
            rewriteRefs(schema, "#/components/schemas/" + id + "/$defs/");
            schemas.set(id, schema);
            String ref = "#/components/schemas/" + id;
            String base = FormRoutes.BASE + "/" + id;
            String title = form.title();
            List<Enum<?>> lookup = List.of(FormError.Kind.UNKNOWN_FORM_TYPE);

            ObjectNode schemaPath = paths.putObject(base + "/schema").putObject("get");
            schemaPath.put("summary", title + "：JSON Schema of a document (allowed values and limits included)");
            schemaPath.putObject("responses").putObject("200").put("description", "JSON Schema 2020-12")
                    .putObject("content").putObject("application/schema+json");
            failures(schemaPath, lookup, tokenRequired);
            ObjectNode examplePath = paths.putObject(base + "/example").putObject("get");
            examplePath.put("summary", title + "：an example document, transcribed from a published form");
            examplePath.putObject("responses").putObject("200").put("description", "example")
                    .putObject("content").putObject("application/json").putObject("schema").put("$ref", ref);
            failures(examplePath, lookup, tokenRequired);

            ObjectNode validate = paths.putObject(base + "/validate").putObject("post");
            validate.put("summary", title + "：check a document without rendering it");
            requestBody(validate, ref);
            validate.putObject("responses").putObject("200").put("description", "errors (valid=false) and warnings")
                    .putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Verdict");
            failures(validate, FormRoutes.DOCUMENT_FAILURES, tokenRequired);

            ObjectNode render = paths.putObject(base + "/render").putObject("post");
            render.put("summary", title + "：render a document to PDF or DOCX");
            render.put("description", "The format comes from ?format=, else from Accept; PDF by default. "
                    + "Content-Disposition carries a Chinese file name (RFC 5987). Warnings: X-Warning-Count, and X-Warnings "
                    + "as a JSON array of {path, message} with non-ASCII escaped.");
            formatParameter(render);
            ArrayNode parameters = (ArrayNode) render.get("parameters");
            parameters.add(object(PDFA));
            parameters.add(object(SIGNATURE_FIELDS));
            requestBody(render, ref);
            fileAnswer(render, "the file", "Content-Disposition", "string", fileTypes());
            List<Enum<?>> renderFailures = new ArrayList<>(FormRoutes.DOCUMENT_FAILURES);
            renderFailures.addAll(FormRoutes.FORMAT_FAILURES);
            failures(render, renderFailures, tokenRequired);

            ObjectNode imports = paths.putObject(base + "/import").putObject("post");
            imports.put("summary", title + "：read a workbook (.xlsx, or .xls) into a document, or render it with ?format=");
            imports.put("description", "The workbook is recognised by its content. Without ?format= the answer is the document "
                    + "the other endpoints take, its warnings (those of /validate, and sums of the workbook that disagree) and "
                    + "sources: JSON pointer → cell (Sheet1!C9). With ?format= the document is rendered as by /render. "
                    + "Problems carry their cell.");
            formatParameter(imports);
            ((ArrayNode) imports.get("parameters")).add(object(PDFA)).add(object(SIGNATURE_FIELDS));
            ObjectNode workbookBody = imports.putObject("requestBody").put("required", true).putObject("content");
            for (String mediaType : Negotiation.WORKBOOK_TYPES) {
                workbookBody.putObject(mediaType).putObject("schema").put("type", "string").put("format", "binary");
            }
            ObjectNode imported = fileAnswer(imports, "the document read (JSON), or the file when ?format= is given",
                    "Content-Disposition", "string", fileTypes());
            ((ObjectNode) imported.get("content")).putObject("application/json").set("schema", object("""
                    {"type":"object","required":["document","warnings","sources"],"properties":{
                      "document":{"$ref":"%s"},
                      "warnings":{"type":"array","items":{"$ref":"#/components/schemas/Problem"}},
                      "sources":{"type":"object","additionalProperties":{"type":"string"},
                        "description":"JSON pointer of each value → the cell it came from, e.g. /units/0/projects/3/fiscalAppropriation → Sheet1!C9"}}}"""
                    .formatted(ref)));
            List<Enum<?>> importFailures = new ArrayList<>(FormRoutes.DOCUMENT_FAILURES);
            importFailures.remove(FormError.Kind.MALFORMED_JSON);
            importFailures.addAll(FormRoutes.WORKBOOK_FAILURES);
            importFailures.add(RequestError.Kind.UNSUPPORTED_FORMAT);
            failures(imports, importFailures, tokenRequired);

            ObjectNode template = paths.putObject(base + "/template.xlsx").putObject("get");
            template.put("summary", title + "：the workbook to fill in (headers in Chinese, drop-down lists, 填写说明), for /import");
            template.putObject("responses").putObject("200").put("description", "the empty workbook")
                    .putObject("content").putObject(OutputFormat.XLSX.mediaType()).putObject("schema")
                    .put("type", "string").put("format", "binary");
            failures(template, lookup, tokenRequired);

            ObjectNode page = paths.putObject(PageRoutes.PATH.replace("{id}", id)).putObject("post");
            page.put("summary", title + "：one page of the PDF as a PNG picture, for a preview");
            page.put("description", "The document is rendered to PDF as for /render, under the same page and byte budget; "
                    + "one page of it is drawn in grey, at most " + PagePicture.MAX_WIDTH + " pixels wide and "
                    + PagePicture.MAX_PIXELS + " pixels in all. X-Page-Count says how many pages there are; a page past the "
                    + "last, or a page or width out of range, is 400 bad_request naming the parameter.");
            ArrayNode pageParameters = page.putArray("parameters");
            pageParameters.addObject().put("name", "page").put("in", "query").put("required", false)
                    .putObject("schema").put("type", "integer").put("minimum", 1).put("default", 1);
            pageParameters.addObject().put("name", "width").put("in", "query").put("required", false)
                    .putObject("schema").put("type", "integer").put("minimum", PagePicture.MIN_WIDTH)
                    .put("maximum", PagePicture.MAX_WIDTH).put("default", PageRoutes.DEFAULT_WIDTH);
            requestBody(page, ref);
            fileAnswer(page, "the page", "X-Page-Count", "integer", List.of("image/png"));
            failures(page, FormRoutes.DOCUMENT_FAILURES, tokenRequired);
        }
        return root;
    }

    /** The PDF's options, on single renders and batches. */
    private static final String PDFA = """
            {"name":"pdfa","in":"query","required":false,"description":"PDF only: an archival PDF/A-2b, or PDF/A-3b with the request's JSON attached as document.json (AFRelationship Source). Fixed dates and a file ID from the content: same request, same bytes.","schema":{"type":"string","enum":["2b","3b"]}}""";
    private static final String SIGNATURE_FIELDS = """
            {"name":"signatureFields","in":"query","required":false,"description":"PDF only: empty signature fields on the signature lines, named reviewer-<i> and preparer-<i> (the form's index from 0), for certificate tools to sign with an incremental update","schema":{"type":"boolean","default":false}}""";

    /** The batch endpoint: its items name a form type and carry a document of that type's schema. */
    private static ObjectNode batch(Collection<RegisteredForm> forms) {
        ObjectNode path = object("""
                {"post":{"summary":"A department's forms in one request: a ZIP of PDF and DOCX files with manifest.json, or one PDF with an outline",
                  "description":"Every item is checked before the answer starts: one bad item refuses the batch (422) with paths into it (/items/3/document/forms/0/annualBudget). The answer then streams, one item at a time. Warnings: X-Warning-Count and X-Warnings, with paths into the batch.",
                  "parameters":[
                    {"name":"format","in":"query","required":false,"schema":{"type":"string","enum":["zip","pdf"],"default":"zip"}},
                    {"name":"include","in":"query","required":false,"description":"zip only: one format instead of PDF and DOCX (xlsx: each item as its workbook)","schema":{"type":"string","enum":["pdf","docx","xlsx"]}},
                    %s,
                    %s],
                  "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["items"],"additionalProperties":false,
                    "properties":{"items":{"type":"array","minItems":1,"items":{"type":"object","required":["form","document"],"additionalProperties":false,
                      "properties":{"form":{"type":"string"},"document":{"type":"object"},
                        "from":{"type":"string","description":"the document is of this form instead, and is made into the item's form as by /api/v1/forms/{form}/derive?from="},
                        "fill":{"type":"object","description":"with from: fields set on every form made, such as the year and months of a 监控表"}}}}}}}}},
                  "responses":{"200":{"description":"the ZIP or the PDF","content":{"application/zip":{"schema":{"type":"string","format":"binary"}},
                    "application/pdf":{"schema":{"type":"string","format":"binary"}}}}}}}""".formatted(PDFA,
                SIGNATURE_FIELDS.replace("PDF only: ", "format=zip only, in each PDF: ")));
        ObjectNode form = (ObjectNode) path.at("/post/requestBody/content/application~1json/schema/properties/items/items/properties/form");
        ArrayNode ids = form.putArray("enum");
        ArrayNode documents = ((ObjectNode) path.at("/post/requestBody/content/application~1json/schema/properties/items/items/properties/document"))
                .putArray("oneOf");
        ArrayNode sources = ((ObjectNode) path.at("/post/requestBody/content/application~1json/schema/properties/items/items/properties/from"))
                .putArray("enum");
        for (RegisteredForm registered : forms) {
            ids.add(registered.id());
            sources.add(registered.id());
            documents.addObject().put("$ref", "#/components/schemas/" + registered.id());
        }
        return path;
    }

    /** A 200 answer of bytes in one of {@code mediaTypes}, with {@code header} and the document's warnings in headers. */
    private static ObjectNode fileAnswer(ObjectNode operation, String description, String header, String headerType, List<String> mediaTypes) {
        ObjectNode ok = operation.putObject("responses").putObject("200");
        ok.put("description", description);
        ObjectNode headers = ok.putObject("headers");
        headers.putObject(header).putObject("schema").put("type", headerType);
        headers.putObject("X-Warning-Count").putObject("schema").put("type", "integer");
        headers.putObject("X-Warnings").putObject("schema").put("type", "string");
        ObjectNode content = ok.putObject("content");
        mediaTypes.forEach(type -> content.putObject(type).putObject("schema").put("type", "string").put("format", "binary"));
        return ok;
    }

    /** The media types of every output format. */
    private static List<String> fileTypes() {
        return java.util.Arrays.stream(OutputFormat.values()).map(OutputFormat::mediaType).toList();
    }

    private static List<Enum<?>> allKinds() {
        List<Enum<?>> kinds = new ArrayList<>();
        kinds.addAll(List.of(FormError.Kind.values()));
        kinds.addAll(List.of(RequestError.Kind.values()));
        kinds.addAll(List.of(Unavailable.Kind.values()));
        return kinds;
    }

    private static String code(Enum<?> kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The error responses of an operation, one per status, each naming the codes it carries. */
    private static void failures(ObjectNode operation, List<Enum<?>> kinds, boolean tokenRequired) {
        List<Enum<?>> all = new ArrayList<>(kinds);
        if (tokenRequired) {
            all.add(RequestError.Kind.UNAUTHORIZED);
            operation.putArray("security").addObject().putArray("bearer");
        }
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (Enum<?> kind : all) {
            byStatus.computeIfAbsent(ErrorResponses.status(kind), s -> new ArrayList<>()).add(code(kind));
        }
        ObjectNode responses = (ObjectNode) operation.get("responses");
        byStatus.forEach((status, codes) -> {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put("description", String.join(", ", codes)
                    + (status == 503 ? " (retry after the Retry-After header's seconds)" : ""));
            response.putObject("content").putObject("application/json").putObject("schema").put("$ref", ERROR);
        });
    }

    private static void formatParameter(ObjectNode operation) {
        ObjectNode parameter = operation.putArray("parameters").addObject();
        parameter.put("name", "format").put("in", "query").put("required", false);
        ObjectNode schema = parameter.putObject("schema");
        schema.put("type", "string");
        ArrayNode formats = schema.putArray("enum");
        for (OutputFormat format : OutputFormat.values()) {
            formats.add(format.extension());
        }
    }

    /** A rendered file: its media types, its name and warnings in headers; the response returned. */
    private static void requestBody(ObjectNode operation, String ref) {
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject("application/json").putObject("schema").put("$ref", ref);
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
