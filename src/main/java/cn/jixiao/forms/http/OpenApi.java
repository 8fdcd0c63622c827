package cn.jixiao.forms.http;

import cn.jixiao.forms.Unavailable;
import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.OutputFormat;
import cn.jixiao.forms.render.PagePicture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of the service. What never changes is {@code openapi-base.json}; what depends on
 * the forms served — their ids, the very JSON Schemas the service validates with, their examples — and the
 * statuses each operation can answer (from the error kinds its handler raises, mapped by {@link ErrorResponses})
 * are added here, so that description and service cannot drift.
 */
final class OpenApi {
    private static final String BASE_RESOURCE = "/openapi-base.json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String ERROR = SCHEMAS + "Error";
    private static final List<Enum<?>> LOOKUP = List.of(FormError.Kind.UNKNOWN_FORM_TYPE);

    private final ObjectNode document;

    OpenApi(Collection<RegisteredForm> forms, boolean tokenRequired) {
        this.document = build(forms, tokenRequired);
    }

    JsonNode document() {
        return document;
    }

    /** What each operation may be refused for, besides what every API request may be. */
    private static Map<String, List<Enum<?>>> failures() {
        List<Enum<?>> render = new ArrayList<>(FormRoutes.DOCUMENT_FAILURES);
        render.addAll(FormRoutes.FORMAT_FAILURES);
        List<Enum<?>> imports = new ArrayList<>(FormRoutes.DOCUMENT_FAILURES);
        imports.remove(FormError.Kind.MALFORMED_JSON);
        imports.addAll(FormRoutes.WORKBOOK_FAILURES);
        imports.add(RequestError.Kind.UNSUPPORTED_FORMAT);
        return Map.ofEntries(Map.entry("listForms", List.of()), Map.entry("describeForm", LOOKUP),
                Map.entry("getFormSchema", LOOKUP), Map.entry("getWorkbookTemplate", LOOKUP),
                Map.entry("getFormExample", List.of(FormError.Kind.UNKNOWN_FORM_TYPE, RequestError.Kind.NOT_FOUND)),
                Map.entry("validateForm", FormRoutes.DOCUMENT_FAILURES), Map.entry("deriveForm", FormRoutes.DOCUMENT_FAILURES),
                Map.entry("renderPagePicture", FormRoutes.DOCUMENT_FAILURES), Map.entry("renderForm", render),
                Map.entry("importWorkbook", imports), Map.entry("renderBatch", BatchRoutes.FAILURES));
    }

    private static ObjectNode build(Collection<RegisteredForm> forms, boolean tokenRequired) {
        ObjectNode root = base();
        List<String> titles = forms.stream().map(RegisteredForm::title).toList();
        ObjectNode info = (ObjectNode) root.get("info");
        info.put("description", "JSON in, 预算绩效 forms out: " + String.join("、", titles)
                + " as PDF, DOCX and XLSX; workbooks in too. " + info.path("description").asString());
        ObjectNode components = (ObjectNode) root.get("components");
        ObjectNode schemas = (ObjectNode) components.get("schemas");
        ArrayNode codes = ((ObjectNode) schemas.at("/Error/properties/error/properties/code")).putArray("enum");
        allKinds().forEach(kind -> codes.add(code(kind)));
        codes.add(ErrorResponses.TEMPLATE_ERROR).add(ErrorResponses.INTERNAL_ERROR);

        ArrayNode ids = ((ObjectNode) schemas.get("FormId")).putArray("enum");
        ArrayNode documents = ((ObjectNode) schemas.get("Document")).putArray("anyOf");
        ObjectNode examples = (ObjectNode) components.get("examples");
        ObjectNode bodyExamples = ((ObjectNode) components.at("/requestBodies/Document/content/application~1json")).putObject("examples");
        for (RegisteredForm form : forms) {
            String id = form.id();
            ObjectNode schema = form.schemaJson().deepCopy();
            rewriteRefs(schema, SCHEMAS + id + "-");
            splitMixedEnums(schema);
            // Each definition under a name of its own: generators name models after the last step of a reference.
            JsonNode definitions = schema.remove("$defs");
            if (definitions != null) {
                definitions.properties().forEach(definition -> schemas.set(id + "-" + definition.getKey(), definition.getValue()));
            }
            schemas.set(id, schema);
            ids.add(id);
            documents.addObject().put("$ref", SCHEMAS + id);
            form.example().ifPresent(example -> {
                examples.putObject(id).put("summary", form.title() + " (" + id + ")").set("value", Json.MAPPER.readTree(example));
                bodyExamples.putObject(id).put("$ref", "#/components/examples/" + id);
            });
        }

        ArrayNode formats = ((ObjectNode) components.at("/parameters/format/schema")).putArray("enum");
        Arrays.stream(OutputFormat.values()).forEach(format -> formats.add(format.extension()));
        ObjectNode files = (ObjectNode) components.at("/responses/File/content");
        fileTypes().forEach(type -> binary(files, type));
        ObjectNode paths = (ObjectNode) root.get("paths");
        ObjectNode imported = (ObjectNode) paths.at("/" + pointer(FormRoutes.BASE + "/{id}/import") + "/post");
        fileTypes().forEach(type -> binary((ObjectNode) imported.at("/responses/200/content"), type));
        ObjectNode workbooks = (ObjectNode) imported.at("/requestBody/content");
        Negotiation.WORKBOOK_TYPES.forEach(type -> binary(workbooks, type));

        ObjectNode page = (ObjectNode) paths.at("/" + pointer(PageRoutes.PATH) + "/post");
        page.put("description", "The document is rendered to PDF as by renderForm, under the same page and byte budget; "
                + "one page of it is drawn in grey, at most " + PagePicture.MAX_WIDTH + " pixels wide and "
                + PagePicture.MAX_PIXELS + " pixels in all. X-Page-Count says how many pages there are; a page past the "
                + "last, or a page or width out of range, is 400 bad_request naming the parameter.");
        for (JsonNode parameter : page.get("parameters")) {
            if (parameter.path("name").asString().equals("width")) {
                ((ObjectNode) parameter.get("schema")).put("minimum", PagePicture.MIN_WIDTH)
                        .put("maximum", PagePicture.MAX_WIDTH).put("default", PageRoutes.DEFAULT_WIDTH);
            }
        }

        Map<String, List<Enum<?>>> failures = failures();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            ObjectNode operation = (ObjectNode) method.getValue();
            boolean api = path.getKey().startsWith("/api/");
            List<Enum<?>> kinds = failures.get(operation.path("operationId").asString());
            if (api && kinds == null) {
                throw new IllegalStateException("no failures listed for " + operation.path("operationId"));
            }
            if (api) {
                secure(operation, tokenRequired);
            }
            declareFailures(operation, api ? kinds : List.of(), api && tokenRequired);
        }));
        return root;
    }

    private static ObjectNode base() {
        try (InputStream in = OpenApi.class.getResourceAsStream(BASE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BASE_RESOURCE + " is missing from the jar");
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token is required when one is configured; without one a client may still send it. */
    private static void secure(ObjectNode operation, boolean tokenRequired) {
        ArrayNode security = operation.putArray("security");
        security.addObject().putArray("bearer");
        if (!tokenRequired) {
            security.addObject();
        }
    }

    /**
     * The error responses of an operation, one per status, each naming the codes it carries; an operation that
     * refuses nothing of its own still answers 400 to a request the server cannot read.
     */
    private static void declareFailures(ObjectNode operation, List<Enum<?>> kinds, boolean tokenRequired) {
        List<Enum<?>> all = new ArrayList<>(kinds);
        if (tokenRequired) {
            all.add(RequestError.Kind.UNAUTHORIZED);
        }
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        for (Enum<?> kind : all) {
            byStatus.computeIfAbsent(ErrorResponses.status(kind), s -> new ArrayList<>()).add(code(kind));
        }
        ObjectNode responses = (ObjectNode) operation.get("responses");
        if (byStatus.keySet().stream().noneMatch(status -> status < 500)) {
            responses.putObject("400").put("$ref", "#/components/responses/Unreadable");
        }
        byStatus.forEach((status, codes) -> {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put("description", String.join(", ", codes)
                    + (status == 503 ? " (retry after the Retry-After header's seconds)" : ""));
            response.putObject("content").putObject("application/json").putObject("schema").put("$ref", ERROR);
        });
        sortResponses(responses);
    }

    /** Responses in the order of their status, as a reader looks them up. */
    private static void sortResponses(ObjectNode responses) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        responses.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.removeAll();
        sorted.forEach(responses::set);
    }

    private static void binary(ObjectNode content, String mediaType) {
        content.putObject(mediaType).putObject("schema").put("type", "string").put("format", "binary");
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /** The media types of every output format. */
    private static List<String> fileTypes() {
        return Arrays.stream(OutputFormat.values()).map(OutputFormat::mediaType).toList();
    }

    private static List<Enum<?>> allKinds() {
        List<Enum<?>> kinds = new ArrayList<>();
        kinds.addAll(List.of(FormError.Kind.values()));
        kinds.addAll(List.of(RequestError.Kind.values()));
        kinds.addAll(List.of(Unavailable.Kind.values()));
        return kinds;
    }

    private static String code(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A value of several types from a list ({@code "type": ["string", "integer"]} with an {@code enum} of both) as
     * one choice per type, which means the same: generators make an enum of each, and no class of a mixed one.
     */
    static void splitMixedEnums(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("type").isArray() && object.has("enum")) {
                ArrayNode types = (ArrayNode) object.remove("type");
                ArrayNode values = (ArrayNode) object.remove("enum");
                JsonNode maxLength = object.remove("maxLength");
                ArrayNode choices = object.putArray("anyOf");
                for (JsonNode type : types) {
                    String name = type.asString();
                    List<JsonNode> ofType = new ArrayList<>();
                    values.forEach(value -> {
                        if (ofType(value, name)) {
                            ofType.add(value);
                        }
                    });
                    if (ofType.isEmpty()) {
                        continue;
                    }
                    ObjectNode choice = choices.addObject().put("type", name);
                    if (!name.equals("null")) {
                        choice.putArray("enum").addAll(ofType);
                    }
                    if (name.equals("string") && maxLength != null) {
                        choice.set("maxLength", maxLength);
                    }
                }
            }
            object.properties().forEach(e -> splitMixedEnums(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi::splitMixedEnums);
        }
    }

    private static boolean ofType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("a schema type JSON Schema does not have: " + type);
        };
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
}
