package org.vigil.rules.engine;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of evaluating one rule against one case: it matched, it did not, or its evaluation
 * failed. A failed evaluation counts as not matched and carries the error message.
 *
 * @param matched whether the condition evaluated to true
 * @param error why the evaluation failed, or null when it did not fail
 */
public record RuleResult(boolean matched, @Nullable String error) {

    static final RuleResult MATCHED = new RuleResult(true, null);
    static final RuleResult NOT_MATCHED = new RuleResult(false, null);

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a result both matched and failed
     */
    public RuleResult {
        if (matched && error != null) {
            throw new IllegalArgumentException("a failed evaluation does not match");
        }
    }

    /** A failed evaluation, which does not match. */
    public static RuleResult failure(String error) {
        return new RuleResult(false, error);
    }

    /** Whether the evaluation failed; {@link #error()} then says why. */
    public boolean failed() {
        return error != null;
    }
}
