package cn.jixiao.forms.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions checked in the environment built once come out as the compiler alone checks them, faults too. */
class CheckerEnvironmentTest {
    private final CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(ExpressionCompiler.OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelOptionalLibrary.INSTANCE, CelExtensions.bindings(), CelExtensions.strings(),
                    CelExtensions.comprehensions(), CelExtensions.lists())
            .addVar("n", SimpleType.INT)
            .addVar("m", MapType.create(SimpleType.STRING, SimpleType.INT));
    private final CelCompiler compiler = builder.build();
    private final CheckerEnvironment shared = new CheckerEnvironment(compiler, builder.container());

    @Test
    void theEnvironmentIsBuiltOnceWithThisCel() {
        // Reached through CEL's own classes: a CEL whose classes differ falls back, and this says it happened.
        assertTrue(shared.shared(), "CEL's checker environment could not be reached; every expression builds its own again");
    }

    @Test
    void checkedTreesAndFaultsAreTheCompilersOwn() throws Exception {
        List<String> texts = List.of(
                "n + 1 > 3",
                "[1, 2, 3].exists(x, x > n) && m.all(k, m[k] > 0)",
                "cel.bind(y, n * 2, y + 1)",
                // faults, inside a comprehension's scope too, each followed by a sound one
                "[1, 2].map(x, x + 'a')",
                "n + 1",
                "m.nosuch.exists(x, x.foo)\n  && n.size() > 0",
                "nobody + 1",
                "m.?a.orValue(0) + 1",
                "'abc'.upperAscii() + n",
                "[1, 2].all(x, x > undeclared)",
                "n > 1");
        for (String text : texts) {
            CelValidationResult expected = compiler.compile(text);
            CelValidationResult actual = shared.compile(text);
            assertEquals(expected.hasError(), actual.hasError(), text);
            if (expected.hasError()) {
                assertEquals(expected.getAllIssues().toString(), actual.getAllIssues().toString(), text);
                assertEquals(expected.getErrorString(), actual.getErrorString(), text);
            } else {
                assertEquals(expected.getAst(), actual.getAst(), text);
            }
        }
    }

    /**
     * Variables declared for one expression are seen by it alone: each is checked as a compiler with them declared
     * checks it, and the next expression, declared without them, does not see them (its fault is the compiler's).
     */
    @Test
    void anExpressionsOwnVariablesAreSeenByItAlone() throws Exception {
        List<CelVarDecl> row = List.of(CelVarDecl.newVarDeclaration("self", MapType.create(SimpleType.STRING, SimpleType.INT)),
                CelVarDecl.newVarDeclaration("rows", ListType.create(SimpleType.INT)));
        List<CelVarDecl> other = List.of(CelVarDecl.newVarDeclaration("self", SimpleType.STRING));
        CelCompiler withRow = compiler.toCompilerBuilder().addVarDeclarations(row).build();
        CelCompiler withOther = compiler.toCompilerBuilder().addVarDeclarations(other).build();
        record Case(String text, List<CelVarDecl> variables, CelCompiler expected) {
        }
        List<Case> cases = List.of(
                new Case("self['a'] + n > rows.size()", row, withRow),
                new Case("rows.exists(x, x > self.b)", row, withRow),
                new Case("self + 'x'", row, withRow),
                new Case("self.size() > n", other, withOther),
                new Case("self['a'] + 1", other, withOther),
                new Case("rows.size() > 0", other, withOther),
                new Case("self + n", List.of(), compiler),
                new Case("n + 1", List.of(), compiler),
                new Case("rows.all(r, r > n)", row, withRow));
        for (Case c : cases) {
            CelValidationResult expected = c.expected().compile(c.text());
            CelValidationResult actual = shared.compile(c.text(), c.variables());
            assertEquals(expected.hasError(), actual.hasError(), c.text());
            if (expected.hasError()) {
                assertEquals(expected.getAllIssues().toString(), actual.getAllIssues().toString(), c.text());
            } else {
                assertEquals(expected.getAst(), actual.getAst(), c.text());
            }
        }
    }
}
