package cn.jixiao.forms.form;

import cn.jixiao.forms.form.indicator.IndicatorChecks;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The form types this service renders, by id. Adding a form is one line in {@link #standard}. */
public final class FormRegistry {
    private final Map<String, RegisteredForm<?>> forms = new LinkedHashMap<>();

    public FormRegistry(Limits limits, TextRules textRules, FormType<?>... types) {
        // 2020-12 with this service's annotations (limits, taxonomy, labels, messages) known to it.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new NonValidationKeyword("x-limit"))
                .keyword(new NonValidationKeyword("x-unit"))
                .keyword(new NonValidationKeyword("x-taxonomy"))
                .keyword(new NonValidationKeyword("x-message"))
                .keyword(new NonValidationKeyword("x-choices"))
                .keyword(new NonValidationKeyword("x-multiline"))
                .build();
        SchemaRegistry schemas = SchemaRegistry.withDialect(dialect,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .errorMessageKeyword("x-message")
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .build()));
        for (FormType<?> type : types) {
            forms.put(type.id(), register(type, limits, textRules, schemas));
        }
    }

    public static FormRegistry standard(Limits limits, TextRules textRules, IndicatorChecks indicatorChecks) {
        return new FormRegistry(limits, textRules,
                new cn.jixiao.forms.form.target.TargetFormType(limits, indicatorChecks),
                new cn.jixiao.forms.form.tracking.TrackingFormType(indicatorChecks),
                new cn.jixiao.forms.form.selfeval.SelfEvaluationFormType(indicatorChecks));
    }

    private static <D> RegisteredForm<D> register(FormType<D> type, Limits limits, TextRules textRules,
                                                 SchemaRegistry schemas) {
        ObjectNode json = Schemas.load(type.getClass(), type.schemaResource(), limits);
        Schema schema = schemas.getSchema(json);
        return new RegisteredForm<>(type, json, schema, example(type.id()), textRules);
    }

    private static byte[] example(String id) {
        try (InputStream in = FormRegistry.class.getResourceAsStream("/examples/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("example missing: examples/" + id + ".json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<RegisteredForm<?>> find(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    public RegisteredForm<?> get(String id) {
        return find(id).orElseThrow(() -> new FormError(FormError.Kind.UNKNOWN_FORM_TYPE,
                "没有这种表：" + id + "；可用的表：" + String.join("、", forms.keySet())));
    }

    public Collection<RegisteredForm<?>> all() {
        return forms.values();
    }
}
