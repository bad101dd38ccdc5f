package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

/**
 * A routing rule of a {@link RuleSet}: its identity and version, as stored by the product, and its
 * compiled condition.
 *
 * @param id identifier of the rule, not blank
 * @param version version of the rule, not negative
 * @param condition compiled condition
 */
public record Rule(String id, int version, CompiledRule condition) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the id is blank or the version negative
     */
    public Rule {
        requireNonNull(id, "id");
        requireNonNull(condition, "condition");
        if (id.isBlank()) {
            throw new IllegalArgumentException("rule id must not be blank");
        }
        if (version < 0) {
            throw new IllegalArgumentException("rule version must not be negative: " + version);
        }
    }
}
