package org.vigil.rules.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition was refused by {@link RuleCompiler#compile(String)}; {@link #problems()} lists every
 * problem found, in the order of their positions.
 */
public final class RuleCompileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String condition;
    @SuppressWarnings("serial") // an unmodifiable List.copyOf of serializable records
    private final List<RuleProblem> problems;

    RuleCompileException(String condition, List<RuleProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused condition has at least one problem");
        }
        this.condition = condition;
        this.problems = List.copyOf(problems);
    }

    /** The refused condition text. */
    public String condition() {
        return condition;
    }

    /** The problems found, never empty. */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static String describe(List<RuleProblem> problems) {
        return problems.stream()
                .map(RuleProblem::toString)
                .collect(Collectors.joining("; ", "invalid rule condition: ", ""));
    }
}
