package cn.jixiao.forms.form.rules;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an expression reads, found in its syntax tree: each chain of fields from a variable, {@code self.funds.fiscal}
 * as {@code self} and {@code [funds, fiscal]}; inside a loop over a list, its items as {@code *}
 * ({@code self.projects.map(p, p.total)} reads {@code projects/* /total}). An expression whose reads meet an error of
 * the document is not worked out: a figure or rule never speaks of a value that is itself wrong, and an error in one
 * project's indicators holds back no money figure.
 */
final class ReadPaths {
    static final String ANY = "*";

    /**
     * One read: a variable ({@code self}, {@code root}, {@code rows}, {@code runs}) and the fields below it.
     * {@code shallow}: only the list itself is read (it is looped over), not what its items hold.
     */
    record Read(String variable, List<String> fields, boolean shallow) {
        Read below(List<String> more) {
            List<String> all = new ArrayList<>(fields);
            all.addAll(more);
            return new Read(variable, List.copyOf(all), false);
        }
    }

    private ReadPaths() {
    }

    static Set<Read> of(CelExpr expression) {
        Set<Read> reads = new LinkedHashSet<>();
        walk(expression, reads, Map.of());
        return reads;
    }

    private static void walk(CelExpr expr, Set<Read> reads, Map<String, Read> scope) {
        switch (expr.getKind()) {
            case IDENT -> resolve(expr.ident().name(), List.of(), scope).ifPresent(reads::add);
            case SELECT -> chain(expr, reads, scope);
            case CALL -> {
                if (isOptionalSelect(expr)) {
                    chain(expr, reads, scope);
                    return;
                }
                expr.call().target().ifPresent(target -> walk(target, reads, scope));
                expr.call().args().forEach(arg -> walk(arg, reads, scope));
            }
            case LIST -> expr.list().elements().forEach(element -> walk(element, reads, scope));
            case MAP -> expr.map().entries().forEach(entry -> {
                walk(entry.key(), reads, scope);
                walk(entry.value(), reads, scope);
            });
            case STRUCT -> expr.struct().entries().forEach(entry -> walk(entry.value(), reads, scope));
            case COMPREHENSION -> loop(expr.comprehension(), reads, scope);
            default -> {
            }
        }
    }

    /** A loop (map, filter, all, exists, cel.bind): its variables stand for the items of the list it runs over. */
    private static void loop(CelExpr.CelComprehension loop, Set<Read> reads, Map<String, Read> scope) {
        Map<String, Read> inner = new HashMap<>(scope);
        Read range = chainRead(loop.iterRange(), scope);
        if (range != null) {
            reads.add(new Read(range.variable(), range.fields(), true));
            String item = loop.iterVar2().isEmpty() ? loop.iterVar() : loop.iterVar2();
            inner.put(item, range.below(List.of(ANY)));
            if (!loop.iterVar2().isEmpty()) {
                inner.remove(loop.iterVar());
            }
        } else {
            walk(loop.iterRange(), reads, scope);
            inner.remove(loop.iterVar());
            inner.remove(loop.iterVar2());
        }
        Read accumulated = chainRead(loop.accuInit(), scope);
        if (accumulated != null) {
            inner.put(loop.accuVar(), accumulated); // cel.bind(x, self.funds, …): x stands for self.funds
        } else {
            walk(loop.accuInit(), reads, scope);
            inner.remove(loop.accuVar());
        }
        walk(loop.loopCondition(), reads, inner);
        walk(loop.loopStep(), reads, inner);
        Map<String, Read> result = new HashMap<>(inner);
        walk(loop.result(), reads, result);
    }

    private static boolean isOptionalSelect(CelExpr expr) {
        return expr.call().function().equals("_?._") && expr.call().args().size() == 2
                && expr.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT;
    }

    /** A chain of selections ({@code a.b.c}, also {@code a.?b}) down to a variable; any other operand is walked. */
    private static void chain(CelExpr expr, Set<Read> reads, Map<String, Read> scope) {
        Read read = chainRead(expr, scope);
        if (read != null) {
            reads.add(read);
            return;
        }
        walk(root(expr), reads, scope);
    }

    /** The read a chain of selections makes, or null when it does not lead down to a variable. */
    private static Read chainRead(CelExpr expr, Map<String, Read> scope) {
        List<String> fields = new ArrayList<>();
        CelExpr current = expr;
        while (true) {
            if (current.getKind() == CelExpr.ExprKind.Kind.SELECT) {
                fields.add(0, current.select().field());
                current = current.select().operand();
            } else if (current.getKind() == CelExpr.ExprKind.Kind.CALL && isOptionalSelect(current)) {
                fields.add(0, current.call().args().get(1).constant().stringValue());
                current = current.call().args().get(0);
            } else {
                break;
            }
        }
        if (current.getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return null;
        }
        return resolve(current.ident().name(), fields, scope).orElse(null);
    }

    private static CelExpr root(CelExpr expr) {
        CelExpr current = expr;
        while (true) {
            if (current.getKind() == CelExpr.ExprKind.Kind.SELECT) {
                current = current.select().operand();
            } else if (current.getKind() == CelExpr.ExprKind.Kind.CALL && isOptionalSelect(current)) {
                current = current.call().args().get(0);
            } else {
                return current;
            }
        }
    }

    private static Optional<Read> resolve(String name, List<String> fields, Map<String, Read> scope) {
        Read bound = scope.get(name);
        if (bound != null) {
            return Optional.of(bound.below(fields));
        }
        return Optional.of(new Read(name, List.copyOf(fields), false));
    }
}
