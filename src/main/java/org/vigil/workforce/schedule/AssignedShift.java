package org.vigil.workforce.schedule;

import java.time.DayOfWeek;

/**
 * A shift in the schedule: {@code agents} agents of {@code team} work template
 * {@code template} starting on {@code day} at {@code startInterval} (interval within the day).
 *
 * @param team team name
 * @param template template name
 * @param day start day
 * @param startInterval start within the day, 0..47
 * @param absoluteStart start as a week interval, 0..335
 * @param agents number of agents on this shift, at least 1
 * @param paidHours paid hours per agent (breaks excluded)
 */
public record AssignedShift(
        String team,
        String template,
        DayOfWeek day,
        int startInterval,
        int absoluteStart,
        int agents,
        double paidHours) {
}
