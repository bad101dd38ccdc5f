package org.vigil.workforce.schedule;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * A shift in the schedule: {@code agents} agents of {@code team} work template
 * {@code template} starting on {@code day} at {@code startInterval} (plan day and interval within
 * it), which is {@code localStart} in the team's time zone.
 *
 * @param team team name
 * @param template template name
 * @param day start day
 * @param startInterval start within the day, 0..47
 * @param absoluteStart start as a week interval, 0..335
 * @param agents number of agents on this shift, at least 1
 * @param paidHours paid hours per agent (breaks excluded)
 * @param localStart the start in the team's time zone
 */
public record AssignedShift(
        String team,
        String template,
        DayOfWeek day,
        int startInterval,
        int absoluteStart,
        int agents,
        double paidHours,
        ZonedDateTime localStart) {
}
