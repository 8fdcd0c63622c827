package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.functions.Functions;
import cn.jixiao.forms.form.shape.ObjectShape;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelVarDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the expressions of one form: CEL with the standard macros, optionals, {@code cel.bind}, string and
 * list extensions, and the project's {@link Functions}; checked against the form's {@link ShapeTypes}. What an
 * expression may reach is what is declared here — no Java, no I/O — and its cost is bounded.
 */
final class ExpressionCompiler {
    /** Bounds: loops over the largest document's rows, expressions a maintainer writes by hand. */
    static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(200_000)
            .maxExpressionCodePointSize(4_000)
            .maxParseRecursionDepth(64)
            .build();
    private static final Functions FUNCTIONS = Functions.library();
    /** One runtime for every form: the functions, nothing else. */
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.strings(), CelExtensions.comprehensions(),
                    CelExtensions.lists())
            .addFunctionBindings(FUNCTIONS.bindings())
            .build();

    /** What an expression is written for: which variables it sees. */
    enum Scope {
        /** A figure or rule of an object: {@code self} (with its figures), {@code root}, {@code limits}. */
        OBJECT,
        /** A figure or rule of a row of a list: also {@code index}, {@code rows} and {@code runs}. */
        ROW,
        /** The key of a run of rows: {@code self} as the document holds it, {@code index}, {@code root}. */
        RUN_KEY,
        /** Something of the whole document (its file name): {@code self} is the root with its figures. */
        DOCUMENT
    }

    private final ShapeTypes types;
    private final ObjectShape root;
    /** The form's compiler, {@code root} and {@code limits} declared; each expression's own variables beside them. */
    private final CheckerEnvironment checker;

    ExpressionCompiler(ShapeTypes types, ObjectShape root) {
        this.types = types;
        this.root = root;
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(types)
                .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.bindings(), CelExtensions.strings(),
                        CelExtensions.comprehensions(), CelExtensions.lists())
                .addFunctionDeclarations(FUNCTIONS.declarations())
                .addVar("root", types.input(root))
                .addVar("limits", MapType.create(SimpleType.STRING, SimpleType.INT));
        this.checker = new CheckerEnvironment(builder.build(), builder.container());
    }

    /** The names of the functions expressions may call, for messages. */
    static List<String> functionNames() {
        return FUNCTIONS.names();
    }

    /**
     * Compiles {@code text}, written at {@code place} for {@code shape} in {@code scope}; {@code runs} is the type of
     * the row's runs (null for none). A fault is a {@link FormDefinitionError} at its line and column.
     */
    Expression compile(String text, SourcePlace place, ObjectShape shape, Scope scope, CelType runs, CelType expected) {
        CelAbstractSyntaxTree ast;
        try {
            ast = checker.compile(text, variables(shape, scope, runs)).getAst();
        } catch (CelValidationException e) {
            List<FormDefinitionError.Fault> faults = new ArrayList<>();
            for (CelIssue issue : e.getErrors()) {
                faults.add(new FormDefinitionError.Fault(
                        place.within(issue.getSourceLocation().getLine(), issue.getSourceLocation().getColumn()),
                        issue.getMessage() + "（表达式：" + text + "）"));
            }
            throw new FormDefinitionError(faults);
        }
        if (expected != null && !accepts(expected, ast.getResultType())) {
            throw new FormDefinitionError(place, "表达式的结果应为 " + describe(expected) + "，却是 "
                    + describe(ast.getResultType()) + "（表达式：" + text + "）");
        }
        try {
            return new Expression(text, place, ast.getResultType(), RUNTIME.createProgram(ast), ReadPaths.of(ast.getExpr()));
        } catch (CelEvaluationException e) {
            throw new FormDefinitionError(place, e.getMessage());
        }
    }

    private static boolean accepts(CelType expected, CelType actual) {
        if (expected.equals(actual) || actual.equals(SimpleType.DYN)) {
            return true;
        }
        return actual instanceof OptionalType optional && optional.parameters().get(0).equals(expected);
    }

    static String describe(CelType type) {
        if (type.equals(SimpleType.BOOL)) {
            return "真假（bool）";
        }
        if (type.equals(SimpleType.STRING)) {
            return "文字（string）";
        }
        if (type.equals(Functions.DECIMAL)) {
            return "数（decimal）";
        }
        return type.name();
    }

    /** What an expression for {@code shape} in {@code scope} sees beside {@code root} and {@code limits}. */
    private List<CelVarDecl> variables(ObjectShape shape, Scope scope, CelType runs) {
        return switch (scope) {
            case OBJECT -> List.of(CelVarDecl.newVarDeclaration("self", types.full(shape)));
            case ROW -> {
                List<CelVarDecl> row = new ArrayList<>(List.of(
                        CelVarDecl.newVarDeclaration("self", types.full(shape)),
                        CelVarDecl.newVarDeclaration("index", SimpleType.INT),
                        CelVarDecl.newVarDeclaration("rows", ListType.create(types.input(shape)))));
                if (runs != null) {
                    row.add(CelVarDecl.newVarDeclaration("runs", runs));
                }
                yield row;
            }
            case RUN_KEY -> List.of(CelVarDecl.newVarDeclaration("self", types.input(shape)),
                    CelVarDecl.newVarDeclaration("index", SimpleType.INT));
            case DOCUMENT -> List.of(CelVarDecl.newVarDeclaration("self", types.full(root)));
        };
    }
}
