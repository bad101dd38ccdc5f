package org.vigil.workforce.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One concrete shift of a template: the template started on the team's local {@code localDate}
 * at {@code localStartInterval} (interval within that local day) in the team's {@code zone},
 * which is week interval {@code absoluteStart} of the plan. It covers every interval from there
 * for {@code template.lengthIntervals()} intervals except the template's break offsets.
 *
 * @param template the template
 * @param localDate the team's local date the shift starts on
 * @param localStartInterval start within that local day, 0..47
 * @param zone the team's time zone
 * @param absoluteStart start as a plan week interval, 0..335
 */
public record CandidateShift(ShiftTemplate template, LocalDate localDate, int localStartInterval, ZoneId zone,
        int absoluteStart) {

    /** Validates that the shift is one of the template's allowed starts and lies within the week. */
    public CandidateShift {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(zone, "zone");
        if (!template.days().contains(localDate.getDayOfWeek())
                || !template.startIntervals().contains(localStartInterval)) {
            throw new IllegalArgumentException("template '" + template.name() + "' does not allow a start on "
                    + localDate.getDayOfWeek() + " at interval " + localStartInterval);
        }
        if (absoluteStart < 0 || absoluteStart + template.lengthIntervals() > Week.INTERVALS) {
            throw new IllegalArgumentException("shift '" + template.name() + "' on " + localDate + " at interval "
                    + localStartInterval + " would not lie within the week");
        }
    }

    /** The plan day the shift starts on. */
    public DayOfWeek day() {
        return DayOfWeek.of(absoluteStart / Week.INTERVALS_PER_DAY + 1);
    }

    /** Start within the plan day, 0..47. */
    public int startInterval() {
        return absoluteStart % Week.INTERVALS_PER_DAY;
    }

    /** The start in the team's zone, as the team's rota shows it. */
    public ZonedDateTime localStart() {
        return ZonedDateTime.of(localDate.atStartOfDay().plusMinutes((long) localStartInterval * Week.MINUTES_PER_INTERVAL),
                zone);
    }

    /** Week interval indices this shift covers (breaks excluded), ascending. */
    public int[] coveredIntervals() {
        int[] covered = new int[template.paidIntervals()];
        int next = 0;
        int breakIndex = 0;
        for (int offset = 0; offset < template.lengthIntervals(); offset++) {
            if (breakIndex < template.breakOffsets().size() && template.breakOffsets().get(breakIndex) == offset) {
                breakIndex++;
            } else {
                covered[next++] = absoluteStart + offset;
            }
        }
        return covered;
    }
}
