package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.functions.Functions;
import cn.jixiao.forms.form.shape.FieldKind;
import cn.jixiao.forms.form.shape.ObjectShape;
import cn.jixiao.forms.form.shape.ObjectShape.Property;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types expressions are checked against, made from a form's schema: each object a struct whose fields are the
 * schema's properties, so that {@code self.exce} (a misspelt field) or {@code self.amount * 1.1} (a double) is
 * refused when the form loads. Each object has two: its {@code full} type, with the figures worked out on it
 * ({@code x-derive}, filled in as they are compiled, so a figure can use only those declared before it), and its
 * {@code input} type, what the document holds — the view of an object whose figures are not yet worked out
 * ({@code root}, {@code rows}).
 */
final class ShapeTypes implements CelTypeProvider {
    private final Map<ObjectShape, StructType> full = new HashMap<>();
    private final Map<ObjectShape, StructType> input = new HashMap<>();
    private final Map<ObjectShape, Map<String, CelType>> fullFields = new HashMap<>();
    private final Map<String, StructType> runs = new HashMap<>();
    private final Map<String, CelType> byName = new LinkedHashMap<>();

    ShapeTypes(List<ObjectShape> shapes) {
        Map<ObjectShape, Map<String, CelType>> inputFields = new HashMap<>();
        for (ObjectShape shape : shapes) {
            Map<String, CelType> inputs = new LinkedHashMap<>();
            Map<String, CelType> fields = new LinkedHashMap<>();
            inputFields.put(shape, inputs);
            fullFields.put(shape, fields);
            Set<String> names = new LinkedHashSet<>(shape.properties().keySet());
            shape.node().path("x-derive").properties().forEach(e -> names.add(e.getKey()));
            StructType inputType = StructType.create(shape.name() + "Input", ImmutableSet.copyOf(shape.properties().keySet()),
                    name -> Optional.ofNullable(inputs.get(name)));
            StructType fullType = StructType.create(shape.name(), ImmutableSet.copyOf(names),
                    name -> Optional.ofNullable(fields.get(name)));
            input.put(shape, inputType);
            full.put(shape, fullType);
            byName.put(inputType.name(), inputType);
            byName.put(fullType.name(), fullType);
        }
        // Filled once every object has its types: fields refer to other objects'.
        for (ObjectShape shape : shapes) {
            for (Property property : shape.properties().values()) {
                inputFields.get(shape).put(property.name(), typeOf(property, input));
                fullFields.get(shape).put(property.name(), typeOf(property, full));
            }
        }
    }

    private static CelType typeOf(Property property, Map<ObjectShape, StructType> types) {
        if (property.object() != null) {
            return types.get(property.object());
        }
        if (property.items() != null) {
            return ListType.create(types.get(property.items()));
        }
        if (property.itemKind() != null) {
            return ListType.create(of(property.itemKind()));
        }
        return of(property.kind());
    }

    /** The type an expression sees a value of this kind as. */
    static CelType of(FieldKind kind) {
        if (kind.isNumber()) {
            return Functions.DECIMAL;
        }
        if (kind.isWhole()) {
            return SimpleType.INT;
        }
        if (kind == FieldKind.YESNO) {
            return SimpleType.BOOL;
        }
        return SimpleType.STRING;
    }

    StructType full(ObjectShape shape) {
        return full.get(shape);
    }

    StructType input(ObjectShape shape) {
        return input.get(shape);
    }

    /** Declares a figure of {@code shape} once its expression is compiled: later figures and rules may use it. */
    void addFigure(ObjectShape shape, String name, CelType type) {
        fullFields.get(shape).put(name, type);
    }

    /**
     * The type of {@code runs} for the rows of a list: one field per run declared on it, each with {@code first}
     * (this row starts the run), {@code size} (its rows) and {@code rows} (the run's rows, as the document holds them).
     */
    StructType runs(ObjectShape rows, String listName, List<String> runNames) {
        String name = rows.name() + Character.toUpperCase(listName.charAt(0)) + listName.substring(1) + "Runs";
        return runs.computeIfAbsent(name, n -> {
            Map<String, CelType> runFields = Map.of("first", SimpleType.BOOL, "size", SimpleType.INT,
                    "rows", ListType.create(input(rows)));
            StructType run = StructType.create(n + "Run", ImmutableSet.copyOf(runFields.keySet()),
                    field -> Optional.ofNullable(runFields.get(field)));
            byName.put(run.name(), run);
            Map<String, CelType> fields = new LinkedHashMap<>();
            runNames.forEach(runName -> fields.put(runName, run));
            StructType type = StructType.create(n, ImmutableSet.copyOf(fields.keySet()),
                    field -> Optional.ofNullable(fields.get(field)));
            byName.put(n, type);
            return type;
        });
    }

    @Override
    public ImmutableSet<CelType> types() {
        return ImmutableSet.copyOf(new ArrayList<>(byName.values()));
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(byName.get(typeName));
    }
}
