package cn.jixiao.forms.form.rules;

import com.google.common.base.Optional;
import com.google.common.collect.ImmutableList;
import dev.cel.checker.CelIdentDecl;
import dev.cel.checker.Env;
import dev.cel.checker.ExprChecker;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelContainer;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.internal.Errors;
import dev.cel.compiler.CelCompiler;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles with one CEL compiler, its type checker's environment built once. CEL 0.14's checker builds that
 * environment again for every expression it checks (the standard library's overloads and ours, each compared with
 * the others of its name): 1–3 ms an expression while the code is cold, the largest part of loading the forms at
 * start. The environment is reached through CEL's own classes, the way its legacy API reused one; should they
 * change, each expression is compiled by the compiler alone, as before, and {@link #shared()} says so.
 *
 * <p>Variables that differ from one expression to the next ({@code self} of each object) are declared for that
 * expression alone, in a scope of the environment entered for it and left after, as the checker does for a
 * comprehension's own variables: one environment serves a whole form, however many objects it has.
 */
final class CheckerEnvironment {
    /** {@code CelCompilerImpl.checker} and {@code CelCheckerLegacyImpl.getEnv(Errors)}; null where CEL differs. */
    private static final Field CHECKER;
    private static final Method ENVIRONMENT;

    static {
        Field checker = null;
        Method environment = null;
        try {
            checker = Class.forName("dev.cel.compiler.CelCompilerImpl").getDeclaredField("checker");
            checker.setAccessible(true);
            environment = Class.forName("dev.cel.checker.CelCheckerLegacyImpl").getDeclaredMethod("getEnv", Errors.class);
            environment.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            checker = null;
            environment = null;
        }
        CHECKER = checker;
        ENVIRONMENT = environment;
    }

    private final CelCompiler compiler;
    private final CelContainer container;
    private final Errors errors = new Errors("<input>", "");
    private final Env env;
    /** Where the environment could not be reached: a compiler for each set of variables, built as it is first asked for. */
    private final Map<List<CelVarDecl>, CelCompiler> alone = new HashMap<>();

    CheckerEnvironment(CelCompiler compiler, CelContainer container) {
        this.compiler = compiler;
        this.container = container;
        this.env = environment(compiler, errors);
    }

    private static Env environment(CelCompiler compiler, Errors errors) {
        if (CHECKER == null || !CHECKER.getDeclaringClass().isInstance(compiler)) {
            return null;
        }
        try {
            Object checker = CHECKER.get(compiler);
            if (!ENVIRONMENT.getDeclaringClass().isInstance(checker)) {
                return null;
            }
            Env env = (Env) ENVIRONMENT.invoke(checker, errors);
            // Declarations at odds with each other: the compiler's own path reports them.
            return errors.getErrorCount() == 0 ? env : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether expressions are checked in the environment built once, rather than by the compiler alone. */
    boolean shared() {
        return env != null;
    }

    /** What {@code compiler.compile(text)} gives: the checked tree, or the faults. */
    CelValidationResult compile(String text) {
        return compile(text, List.of());
    }

    /**
     * What the compiler with {@code variables} declared beside its own gives for {@code text}: the checked tree, or
     * the faults.
     */
    synchronized CelValidationResult compile(String text, List<CelVarDecl> variables) {
        if (env == null) {
            return variables.isEmpty() ? compiler.compile(text)
                    : alone.computeIfAbsent(List.copyOf(variables),
                            declared -> compiler.toCompilerBuilder().addVarDeclarations(declared).build()).compile(text);
        }
        CelValidationResult parsed = compiler.parse(text);
        if (parsed.hasError()) {
            return parsed;
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = parsed.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException(e);
        }
        CelSource source = ast.getSource();
        int faults = errors.getErrorCount();
        int depth = env.scopeDepth();
        errors.enterContext(source.getDescription(), source.getContent().toString());
        env.enterScope();
        try {
            for (CelVarDecl variable : variables) {
                env.add(CelIdentDecl.newIdentDeclaration(variable.name(), variable.type()));
            }
            CelAbstractSyntaxTree checked = ExprChecker.typecheck(env, container, ast, Optional.absent());
            if (errors.getErrorCount() > faults) {
                return new CelValidationResult(source, issues(errors.getErrors().subList(faults, errors.getErrorCount())));
            }
            return new CelValidationResult(checked, ImmutableList.of());
        } finally {
            // The expression's variables go with its scope; a check that stopped half-way leaves no scope behind.
            while (env.scopeDepth() > depth) {
                env.exitScope();
            }
            errors.exitContext();
        }
    }

    /** As CEL's checker turns its errors into issues. */
    private ImmutableList<CelIssue> issues(List<Errors.Error> found) {
        ImmutableList.Builder<CelIssue> issues = ImmutableList.builder();
        for (Errors.Error error : found) {
            Errors.SourceLocation location = errors.getPositionLocation(error.position());
            issues.add(CelIssue.newBuilder()
                    .setSeverity(CelIssue.Severity.ERROR)
                    .setExprId(error.exprId())
                    .setMessage(error.rawMessage())
                    .setSourceLocation(CelSourceLocation.of(location.line(), location.column() - 1))
                    .build());
        }
        return issues.build();
    }
}
