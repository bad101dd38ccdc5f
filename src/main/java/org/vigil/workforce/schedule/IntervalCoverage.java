package org.vigil.workforce.schedule;

/**
 * Staffing of one week interval: {@code covered} is the number of scheduled agents working
 * (not on break) in the interval, {@code shortfall} is {@code max(0, required − covered)}.
 *
 * @param interval week interval, 0..335
 * @param required agents required
 * @param covered agents scheduled
 * @param shortfall agents missing
 */
public record IntervalCoverage(int interval, int required, int covered, int shortfall) {

    /** Agents scheduled beyond the requirement. */
    public int surplus() {
        return Math.max(0, covered - required);
    }
}
