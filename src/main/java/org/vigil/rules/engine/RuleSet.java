package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of rules evaluated together against a case.
 *
 * <p>The signals of the case are converted once per evaluation, whatever the number of rules.
 * Immutable and thread-safe.
 */
public final class RuleSet {

    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Creates a rule set evaluating the rules in the given order.
     *
     * @throws IllegalArgumentException if two rules have the same id
     */
    public static RuleSet of(List<Rule> rules) {
        List<Rule> copy = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule rule : copy) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("duplicate rule id: " + rule.id());
            }
        }
        return new RuleSet(copy);
    }

    /** The rules, in evaluation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Evaluates every rule against the case and collects all matches and all failures. */
    public RuleSetResult evaluate(Signals signals) {
        return evaluate(signals, false);
    }

    /**
     * Evaluates the rules in order until one matches; the result has at most one match, and the
     * failures of the rules evaluated before it.
     */
    public RuleSetResult evaluateUntilFirstMatch(Signals signals) {
        return evaluate(signals, true);
    }

    private RuleSetResult evaluate(Signals signals, boolean stopAtFirstMatch) {
        requireNonNull(signals, "signals");
        CaseVariables variables = CaseVariables.of(signals);
        List<Rule> matches = null;
        List<RuleFailure> failures = null;
        for (Rule rule : rules) {
            RuleResult result = rule.condition().evaluate(variables);
            if (result.matched()) {
                if (matches == null) {
                    matches = new ArrayList<>();
                }
                matches.add(rule);
                if (stopAtFirstMatch) {
                    break;
                }
            } else if (result.error() != null) {
                if (failures == null) {
                    failures = new ArrayList<>();
                }
                failures.add(new RuleFailure(rule, result.error()));
            }
        }
        if (matches == null && failures == null) {
            return RuleSetResult.NONE;
        }
        return new RuleSetResult(
                matches == null ? List.of() : matches, failures == null ? List.of() : failures);
    }

    @Override
    public String toString() {
        return "RuleSet" + rules.stream().map(Rule::id).toList();
    }
}
