package org.vigil.rules.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Equality tests a condition cannot be true without, read from its top-level conjuncts: for
 * {@code reason == "self_harm" && scores["self_harm"] > 0.8} the guard is {@code reason} ∈
 * {"self_harm"}. Most rules start so, and most cases fail them, so checking the guards in plain Java
 * before running CEL saves most evaluations.
 *
 * <p>The result is the same as CEL's: a conjunction with a false conjunct is false whatever the other
 * conjuncts do, errors included ({@code false && error} is {@code false} in CEL). Guards are taken
 * only from {@code ident == "literal"}, {@code "literal" == ident} and {@code ident in ["a", "b"]}
 * over the string signals, at the top level of a chain of {@code &&}.
 */
final class Guards {

    private static final Set<String> STRING_SIGNALS = Set.of(SignalVariable.KIND.celName(),
            SignalVariable.REASON.celName(), SignalVariable.SOURCE.celName(), SignalVariable.SUBJECT_TYPE.celName(),
            SignalVariable.LOCALE.celName(), SignalVariable.INQUIRY_CATEGORY.celName());
    static final Guards NONE = new Guards(List.of());

    private record Guard(String variable, Set<String> allowed) {
    }

    private final Guard[] guards;

    private Guards(List<Guard> guards) {
        this.guards = guards.toArray(Guard[]::new);
    }

    static Guards of(CelAbstractSyntaxTree ast) {
        List<CelExpr> conjuncts = new ArrayList<>();
        flatten(ast.getExpr(), conjuncts);
        List<Guard> guards = new ArrayList<>();
        for (CelExpr conjunct : conjuncts) {
            Guard guard = guard(conjunct);
            if (guard != null) {
                guards.add(guard);
            }
        }
        return guards.isEmpty() ? NONE : new Guards(guards);
    }

    /** Whether the condition may be true for these variables; false means it certainly is not. */
    boolean admit(CaseVariables variables) {
        for (Guard guard : guards) {
            Object value = variables.find(guard.variable()).orElse(null);
            if (!guard.allowed().contains(value)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return guards.length;
    }

    private static void flatten(CelExpr expr, List<CelExpr> conjuncts) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals("_&&_")
                && expr.call().target().isEmpty()) {
            for (CelExpr arg : expr.call().args()) {
                flatten(arg, conjuncts);
            }
        } else {
            conjuncts.add(expr);
        }
    }

    private static @Nullable Guard guard(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || expr.call().target().isPresent()
                || expr.call().args().size() != 2) {
            return null;
        }
        CelExpr left = expr.call().args().get(0);
        CelExpr right = expr.call().args().get(1);
        return switch (expr.call().function()) {
            case "_==_" -> {
                String variable = stringSignal(left);
                String literal = stringLiteral(right);
                if (variable == null || literal == null) {
                    variable = stringSignal(right);
                    literal = stringLiteral(left);
                }
                yield variable == null || literal == null ? null : new Guard(variable, Set.of(literal));
            }
            case "@in" -> {
                String variable = stringSignal(left);
                if (variable == null || right.getKind() != CelExpr.ExprKind.Kind.LIST) {
                    yield null;
                }
                List<String> values = new ArrayList<>();
                for (CelExpr element : right.list().elements()) {
                    String literal = stringLiteral(element);
                    if (literal == null) {
                        yield null;
                    }
                    values.add(literal);
                }
                yield new Guard(variable, Set.copyOf(values));
            }
            default -> null;
        };
    }

    private static @Nullable String stringSignal(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && STRING_SIGNALS.contains(expr.ident().name())
                ? expr.ident().name() : null;
    }

    private static @Nullable String stringLiteral(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE ? expr.constant().stringValue() : null;
    }
}
