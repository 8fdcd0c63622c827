package cn.jixiao.forms.form;

import cn.jixiao.forms.form.indicator.IndicatorChecks;
import cn.jixiao.forms.form.rules.CompiledForm;
import cn.jixiao.forms.form.rules.Derivation;
import cn.jixiao.forms.form.rules.FormDefinitionError;
import cn.jixiao.forms.form.rules.JsonPlaces;
import cn.jixiao.forms.form.rules.SourcePlace;
import cn.jixiao.forms.form.shape.FormSchema;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forms this service serves: the folders found under {@code templates/} — in the jar, or in
 * {@code JIXIAO_TEMPLATE_DIR} when set — each with a {@code form.json}. Nothing else lists them. In development mode
 * a folder added or changed is read again at the next request.
 */
public final class FormRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(FormRegistry.class);
    /** Keywords the service adds to JSON Schema: known to the validator, so that it neither warns nor validates them. */
    public static final List<String> KEYWORDS = List.of("x-limit", "x-unit", "x-taxonomy", "x-message", "x-choices",
            "x-multiline", "x-kind", "x-sum-of", "x-derive", "x-rules", "x-runs", "x-indicator-checks", "x-print",
            "x-decimals");
    private final Path root;
    private final boolean development;
    private final Loader loader;
    private volatile Map<String, RegisteredForm> forms;
    private volatile Map<Path, Long> stamps;

    private FormRegistry(Path root, boolean development, Loader loader) {
        this.root = root;
        this.development = development;
        this.loader = loader;
        this.stamps = stamps(root);
        this.forms = loader.loadAll(root);
    }

    /** The forms bundled in the jar's {@code templates/}. */
    public static FormRegistry bundled(Limits limits, TextRules textRules, IndicatorChecks checks) {
        return new FormRegistry(bundledRoot(), false, new Loader(limits, textRules, checks));
    }

    /** The forms in a directory of the structure of {@code templates/}; {@code development}: read again on change. */
    public static FormRegistry fromDirectory(Path directory, boolean development, Limits limits, TextRules textRules,
                                             IndicatorChecks checks) {
        return new FormRegistry(directory, development, new Loader(limits, textRules, checks));
    }

    /** A registry of one form already loaded: what a maintainer's check renders with. */
    public static FormRegistry of(RegisteredForm form) {
        return new FormRegistry(form);
    }

    private FormRegistry(RegisteredForm form) {
        this.root = null;
        this.development = false;
        this.loader = null;
        this.stamps = Map.of();
        this.forms = Map.of(form.id(), form);
    }

    /**
     * Compiles the derivations a loaded form declares against the forms they start from (by id; null for none): what
     * a maintainer's check of one folder does with the folders beside it. {@link FormDefinitionError} with each fault.
     */
    public static void linkDerivations(RegisteredForm form, Function<String, RegisteredForm> forms, Path folder) {
        Loader.derivations(form, forms, folder);
    }

    /** One folder loaded on its own, as a maintainer checks it; {@link FormDefinitionError} with every fault. */
    public static RegisteredForm load(Path folder, Limits limits, TextRules textRules, IndicatorChecks checks) {
        return new Loader(limits, textRules, checks).load(FormFolder.of(folder));
    }

    /** Where the jar's {@code templates/} is, as a path that can be listed. */
    public static Path bundledRoot() {
        try {
            URI uri = FormRegistry.class.getResource("/templates").toURI();
            if (!uri.getScheme().equals("jar")) {
                return Path.of(uri);
            }
            try {
                return FileSystems.getFileSystem(uri).provider().getPath(uri);
            } catch (FileSystemNotFoundException notYet) {
                return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the bundled templates cannot be listed: " + e.getMessage(), e);
        }
    }

    public Optional<RegisteredForm> find(String id) {
        return Optional.ofNullable(current().get(id));
    }

    public RegisteredForm get(String id) {
        Map<String, RegisteredForm> all = current();
        RegisteredForm form = all.get(id);
        if (form == null) {
            throw new FormError(FormError.Kind.UNKNOWN_FORM_TYPE, "没有这种表：" + id + "；可用的表：" + String.join("、", all.keySet()));
        }
        return form;
    }

    public Collection<RegisteredForm> all() {
        return current().values();
    }

    private Map<String, RegisteredForm> current() {
        if (development) {
            Map<Path, Long> now = stamps(root);
            if (!now.equals(stamps)) {
                synchronized (this) {
                    if (!now.equals(stamps)) {
                        forms = loader.loadAll(root);
                        stamps = now;
                    }
                }
            }
        }
        return forms;
    }

    /** The last change of every file of every form's folder: what development mode watches. */
    private static Map<Path, Long> stamps(Path root) {
        Map<Path, Long> stamps = new LinkedHashMap<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                if (!FormFolder.isForm(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.sorted().toList()) {
                        stamps.put(file, Files.getLastModifiedTime(file).toMillis());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stamps;
    }

    /** Reads folders into forms. */
    private static final class Loader {
        private final Limits limits;
        private final TextRules textRules;
        private final IndicatorChecks checks;
        private final SchemaRegistry schemas;

        Loader(Limits limits, TextRules textRules, IndicatorChecks checks) {
            this.limits = limits;
            this.textRules = textRules;
            this.checks = checks;
            // 2020-12 with this service's keywords known to it.
            Dialect.Builder dialect = Dialect.builder(Dialects.getDraft202012());
            KEYWORDS.forEach(keyword -> dialect.keyword(new NonValidationKeyword(keyword)));
            Dialect built = dialect.build();
            this.schemas = SchemaRegistry.withDialect(built,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .errorMessageKeyword("x-message")
                            .locale(Locale.SIMPLIFIED_CHINESE)
                            .build()));
        }

        /** Every form under {@code root}, in their {@code order}, then by id; all faults of all folders at once. */
        Map<String, RegisteredForm> loadAll(Path root) {
            List<RegisteredForm> loaded = new ArrayList<>();
            List<FormDefinitionError.Fault> faults = new ArrayList<>();
            List<Path> found;
            try (Stream<Path> folders = Files.list(root)) {
                found = folders.filter(FormFolder::isForm).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Folders compile on their own: on as many cores as there are, in order all the same.
            for (Object outcome : found.parallelStream().map(this::loadOrFault).toList()) {
                if (outcome instanceof RegisteredForm form) {
                    loaded.add(form);
                } else {
                    faults.addAll(((FormDefinitionError) outcome).faults());
                }
            }
            if (!faults.isEmpty()) {
                throw new FormDefinitionError(faults);
            }
            if (loaded.isEmpty()) {
                throw new FormDefinitionError(SourcePlace.of(root.toString()), "这里没有表：每张表是一个含 form.json 的文件夹");
            }
            loaded.sort(Comparator.comparingInt((RegisteredForm f) -> f.definition().order()).thenComparing(RegisteredForm::id));
            Map<String, RegisteredForm> byId = new LinkedHashMap<>();
            loaded.forEach(form -> byId.put(form.id(), form));
            for (RegisteredForm form : loaded) {
                try {
                    derivations(form, byId::get, root.resolve(form.id()));
                } catch (FormDefinitionError e) {
                    faults.addAll(e.faults());
                }
            }
            if (!faults.isEmpty()) {
                throw new FormDefinitionError(faults);
            }
            return byId;
        }

        /** Compiles a form's derivations against the forms they start from, found by id. */
        private static void derivations(RegisteredForm form, Function<String, RegisteredForm> forms, Path folder) {
            Map<String, Derivation> compiled = new LinkedHashMap<>();
            List<FormDefinitionError.Fault> faults = new ArrayList<>();
            FormFolder source = FormFolder.of(folder);
            JsonPlaces places = source.places(FormFolder.DEFINITION, source.read(FormFolder.DEFINITION));
            form.definition().derivations().forEach((from, text) -> {
                RegisteredForm origin = forms.apply(from);
                String pointer = "/derive/" + from;
                if (origin == null) {
                    // A folder served without the form it can be made from (a province's copy on its own): not offered.
                    LOG.info("{} can be made from {}, which is not served here; not offered", form.id(), from);
                    return;
                }
                boolean declaredAsObject = form.definition().json().path("derive").path(from).isObject();
                SourcePlace place = places.insideString(declaredAsObject ? pointer + "/document" : pointer);
                try {
                    compiled.put(from, Derivation.compile(from, origin.compiled(), text, place));
                } catch (FormDefinitionError e) {
                    faults.addAll(e.faults());
                }
            });
            if (!faults.isEmpty()) {
                throw new FormDefinitionError(faults);
            }
            form.derivations(compiled);
        }

        private Object loadOrFault(Path folder) {
            try {
                return load(FormFolder.of(folder));
            } catch (FormDefinitionError e) {
                return e;
            }
        }

        RegisteredForm load(FormFolder folder) {
            byte[] definitionBytes = folder.read(FormFolder.DEFINITION);
            JsonNode definitionJson = folder.json(FormFolder.DEFINITION, definitionBytes);
            JsonPlaces definitionPlaces = folder.places(FormFolder.DEFINITION, definitionBytes);
            FormDefinition definition = FormDefinition.read(folder.id(), definitionJson, definitionPlaces);
            byte[] schemaBytes = folder.read(FormFolder.SCHEMA);
            JsonNode schemaJson = folder.json(FormFolder.SCHEMA, schemaBytes);
            if (!(schemaJson instanceof ObjectNode object)) {
                throw new FormDefinitionError(SourcePlace.of(folder.place(FormFolder.SCHEMA)), "schema.json 应为一个 JSON 对象");
            }
            JsonPlaces places = folder.places(FormFolder.SCHEMA, schemaBytes);
            ObjectNode completed;
            FormSchema shapes;
            try {
                completed = Schemas.complete(object, limits, definition.amountSettings());
                shapes = FormSchema.of(completed);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new FormDefinitionError(SourcePlace.of(folder.place(FormFolder.SCHEMA)), e.getMessage());
            }
            if (!Files.isRegularFile(folder.path().resolve(FormFolder.TEMPLATE))) {
                throw new FormDefinitionError(SourcePlace.of(folder.place(FormFolder.TEMPLATE)), "缺少模板 form.ftlh");
            }
            CompiledForm compiled = CompiledForm.of(shapes, places, definition.fileName(),
                    definitionPlaces.insideString("/fileName"));
            Schema schema;
            try {
                schema = schemas.getSchema(completed);
            } catch (RuntimeException e) {
                throw new FormDefinitionError(SourcePlace.of(folder.place(FormFolder.SCHEMA)), "JSON Schema 有误：" + e.getMessage());
            }
            return new RegisteredForm(definition, completed, schema, compiled, folder.example().orElse(null), textRules, checks,
                    limits);
        }
    }
}
