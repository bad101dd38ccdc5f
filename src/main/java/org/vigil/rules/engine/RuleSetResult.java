package org.vigil.rules.engine;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link RuleSet} found for one case: the rules that matched, in rule-set order, and the
 * rules whose evaluation failed (which did not match), also in rule-set order.
 *
 * @param matches matched rules, in rule-set order
 * @param failures failed rules, in rule-set order
 */
public record RuleSetResult(List<Rule> matches, List<RuleFailure> failures) {

    static final RuleSetResult NONE = new RuleSetResult(List.of(), List.of());

    public RuleSetResult {
        matches = List.copyOf(matches);
        failures = List.copyOf(failures);
    }

    /** The first matched rule, if any. */
    public Optional<Rule> firstMatch() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.getFirst());
    }
}
