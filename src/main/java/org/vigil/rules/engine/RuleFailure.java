package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

/**
 * A rule whose evaluation failed against a case, and therefore did not match.
 *
 * @param rule the rule
 * @param error why its evaluation failed
 */
public record RuleFailure(Rule rule, String error) {

    public RuleFailure {
        requireNonNull(rule, "rule");
        requireNonNull(error, "error");
    }
}
