package cn.jixiao.forms.form.functions;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelFunctionOverload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The functions a form's expressions may call: their declarations, which the checker reads when a form loads,
 * and their Java implementations, which the runtime calls. Nothing else of Java is reachable from an expression.
 */
public final class Functions {
    /** Exact figures: money, rates, points. Arithmetic on them never passes through a double. */
    public static final OpaqueType DECIMAL = OpaqueType.create("decimal");
    public static final CelType STRING = SimpleType.STRING;
    public static final CelType INT = SimpleType.INT;
    public static final CelType BOOL = SimpleType.BOOL;
    public static final CelType OPTIONAL_DECIMAL = OptionalType.create(DECIMAL);
    public static final CelType DECIMALS = ListType.create(DECIMAL);
    public static final CelType OPTIONAL_DECIMALS = ListType.create(OPTIONAL_DECIMAL);
    public static final CelType STRINGS = ListType.create(STRING);

    private final Map<String, List<CelOverloadDecl>> overloads = new LinkedHashMap<>();
    private final List<CelFunctionBinding> bindings = new ArrayList<>();

    /** The whole library: decimals, money, scoring, the taxonomy, text. */
    public static Functions library() {
        Functions functions = new Functions();
        DecimalFunctions.register(functions);
        MoneyFunctions.register(functions);
        ScoringFunctions.register(functions);
        TaxonomyFunctions.register(functions);
        TextFunctions.register(functions);
        return functions;
    }

    /** A function called as {@code name(a, b)}. */
    public void global(String name, String id, CelType result, List<CelType> arguments, List<Class<?>> classes,
                       CelFunctionOverload implementation) {
        overloads.computeIfAbsent(name, n -> new ArrayList<>()).add(CelOverloadDecl.newGlobalOverload(id, result, arguments));
        bindings.add(CelFunctionBinding.from(id, classes, implementation));
    }

    /** A function called as {@code a.name(b)}: the receiver is the first argument. */
    public void member(String name, String id, CelType result, List<CelType> arguments, List<Class<?>> classes,
                       CelFunctionOverload implementation) {
        overloads.computeIfAbsent(name, n -> new ArrayList<>()).add(CelOverloadDecl.newMemberOverload(id, result, arguments));
        bindings.add(CelFunctionBinding.from(id, classes, implementation));
    }

    public <A> void unary(String name, String id, CelType result, CelType argument, Class<A> type,
                          Function<A, Object> implementation) {
        global(name, id, result, List.of(argument), List.of(type), args -> implementation.apply(type.cast(args[0])));
    }

    public <A, B> void binary(String name, String id, CelType result, CelType first, Class<A> firstType, CelType second,
                              Class<B> secondType, BiFunction<A, B, Object> implementation) {
        global(name, id, result, List.of(first, second), List.of(firstType, secondType),
                args -> implementation.apply(firstType.cast(args[0]), secondType.cast(args[1])));
    }

    public List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> declarations = new ArrayList<>();
        overloads.forEach((name, list) -> declarations.add(CelFunctionDecl.newFunctionDeclaration(name, list)));
        return declarations;
    }

    public List<CelFunctionBinding> bindings() {
        return List.copyOf(bindings);
    }

    /** The names a maintainer may call, for the documentation and for messages. */
    public List<String> names() {
        return List.copyOf(overloads.keySet());
    }

    static List<CelType> types(CelType... types) {
        return Arrays.asList(types);
    }
}
