package org.vigil.workforce.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Agents who handle work in one language needed per interval, on top of the problem's total: an
 * agent of a team that speaks the language counts both here and in the total.
 *
 * @param language language code, non-blank
 * @param requiredAgents agents speaking it required per interval, exactly {@value Week#INTERVALS} values, each at least 0
 */
public record LanguageRequirement(String language, List<Integer> requiredAgents) {

    /** Validates the requirement; throws {@link IllegalArgumentException} when invalid. */
    public LanguageRequirement {
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        requiredAgents = ScheduleProblem.checkedWeek(requiredAgents, "'" + language + "' requirement");
    }
}
