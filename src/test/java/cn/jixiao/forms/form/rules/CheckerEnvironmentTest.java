package cn.jixiao.forms.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.common.CelValidationResult;
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
}
