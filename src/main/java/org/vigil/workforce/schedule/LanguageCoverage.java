package org.vigil.workforce.schedule;

import java.util.List;

/**
 * How one language requirement is met: per interval, the agents of teams speaking it against
 * the agents required.
 *
 * @param language the language
 * @param coverage one entry per week interval, in order
 * @param totalShortfall sum of shortfall over all intervals (agent-intervals)
 */
public record LanguageCoverage(String language, List<IntervalCoverage> coverage, long totalShortfall) {

    /** Makes the list immutable. */
    public LanguageCoverage {
        coverage = List.copyOf(coverage);
    }
}
