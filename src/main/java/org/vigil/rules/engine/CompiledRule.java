package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * A condition accepted by {@link RuleCompiler}: immutable, thread-safe, and evaluated without I/O.
 *
 * <p>Evaluation never throws: a runtime error (a score category that does not exist, a division by
 * zero, an integer overflow, an exhausted iteration budget...) yields a {@link RuleResult} that did
 * not match and says why. CEL's {@code &&} and {@code ||} absorb errors when the other side decides
 * the result, so {@code false && 1 / 0 == 1} is simply false.
 *
 * <p>An error message starts with CEL's error code ({@code ATTRIBUTE_NOT_FOUND}, {@code
 * DIVIDE_BY_ZERO}, {@code NUMERIC_OVERFLOW}, {@code ITERATION_BUDGET_EXCEEDED}, {@code
 * INVALID_ARGUMENT}...) followed by CEL's message, which places the error as {@code rule:N}, N being
 * the 0-based offset in the condition counted in code points, e.g. {@code ATTRIBUTE_NOT_FOUND:
 * evaluation error at rule:6: made_up}.
 */
public final class CompiledRule {

    private final String condition;
    private final Program program;
    private final Guards guards;

    CompiledRule(String condition, Program program, Guards guards) {
        this.condition = requireNonNull(condition, "condition");
        this.program = requireNonNull(program, "program");
        this.guards = requireNonNull(guards, "guards");
    }

    /** How many equality guards the condition starts with (see {@link Guards}). */
    int guardCount() {
        return guards.size();
    }

    /** The condition text as compiled. */
    public String condition() {
        return condition;
    }

    /**
     * Evaluates the condition against one case. To evaluate many rules against the same case, use a
     * {@link RuleSet}, which converts the signals once for all of them.
     */
    public RuleResult matches(Signals signals) {
        return evaluate(CaseVariables.of(signals));
    }

    /**
     * Evaluates the condition against signals converted once with {@link Signals#prepare()}, for
     * callers that evaluate many rules against one case and change its signals between them.
     */
    public RuleResult matches(Signals.Prepared signals) {
        return evaluate(signals.variables());
    }

    RuleResult evaluate(CaseVariables variables) {
        if (!guards.admit(variables)) {
            return RuleResult.NOT_MATCHED;
        }
        Object value;
        try {
            value = program.eval(variables);
        } catch (CelEvaluationException e) {
            return RuleResult.failure(e.getErrorCode() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return RuleResult.failure("INTERNAL_ERROR: " + e);
        }
        if (value instanceof Boolean matched) {
            return matched ? RuleResult.MATCHED : RuleResult.NOT_MATCHED;
        }
        return RuleResult.failure("INTERNAL_ERROR: condition evaluated to a non-boolean: " + value);
    }

    @Override
    public String toString() {
        return "CompiledRule[" + condition + "]";
    }
}
