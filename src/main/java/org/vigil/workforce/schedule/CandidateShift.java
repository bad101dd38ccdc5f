package org.vigil.workforce.schedule;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * One concrete shift of a template: the template started on {@code day} at
 * {@code startInterval} (interval within that day). It covers every interval from its absolute
 * start for {@code template.lengthIntervals()} intervals except the template's break offsets.
 *
 * @param template the template
 * @param day day the shift starts
 * @param startInterval start within the day, 0..47
 */
public record CandidateShift(ShiftTemplate template, DayOfWeek day, int startInterval) {

    /** Validates that the shift is one of the template's allowed starts and ends within the week. */
    public CandidateShift {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(day, "day");
        if (!template.days().contains(day) || !template.startIntervals().contains(startInterval)) {
            throw new IllegalArgumentException("template '" + template.name() + "' does not allow a start on "
                    + day + " at interval " + startInterval);
        }
        int absoluteStart = (day.getValue() - 1) * Week.INTERVALS_PER_DAY + startInterval;
        if (absoluteStart + template.lengthIntervals() > Week.INTERVALS) {
            throw new IllegalArgumentException("shift '" + template.name() + "' on " + day + " at interval "
                    + startInterval + " would end after the week");
        }
    }

    /** Start as a week interval index, 0..335. */
    public int absoluteStart() {
        return (day.getValue() - 1) * Week.INTERVALS_PER_DAY + startInterval;
    }

    /** Week interval indices this shift covers (breaks excluded), ascending. */
    public int[] coveredIntervals() {
        int[] covered = new int[template.paidIntervals()];
        int start = absoluteStart();
        int next = 0;
        int breakIndex = 0;
        for (int offset = 0; offset < template.lengthIntervals(); offset++) {
            if (breakIndex < template.breakOffsets().size() && template.breakOffsets().get(breakIndex) == offset) {
                breakIndex++;
            } else {
                covered[next++] = start + offset;
            }
        }
        return covered;
    }
}
