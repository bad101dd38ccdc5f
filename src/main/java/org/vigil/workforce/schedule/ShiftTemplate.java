package org.vigil.workforce.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A shape of shift that teams may work.
 *
 * <p>A template lasts {@code lengthIntervals} half-hours and may start at any of
 * {@code startIntervals} (intervals within a day, 0..47) on any of {@code days}. The
 * {@code breakOffsets} are offsets from the shift start (0..length−1) at which the agent is off:
 * they are neither covered nor paid. A shift may cross midnight into the next day but must end
 * within the week: starts that would run past Sunday 24:00 are not generated.
 *
 * @param name unique, non-blank template name
 * @param lengthIntervals shift length in intervals, breaks included, 1..{@value Week#INTERVALS}
 * @param startIntervals allowed start intervals within a day, sorted and distinct
 * @param breakOffsets unpaid, uncovered offsets within the shift, sorted and distinct
 * @param days days on which the shift may start
 */
public record ShiftTemplate(
        String name,
        int lengthIntervals,
        List<Integer> startIntervals,
        List<Integer> breakOffsets,
        Set<DayOfWeek> days) {

    /** Validates and normalises the template; throws {@link IllegalArgumentException} when invalid. */
    public ShiftTemplate {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("shift template name must not be blank");
        }
        if (lengthIntervals < 1 || lengthIntervals > Week.INTERVALS) {
            throw new IllegalArgumentException("shift template '" + name + "' length " + lengthIntervals
                    + " must be between 1 and " + Week.INTERVALS + " intervals (one week)");
        }
        startIntervals = sortedDistinct(startIntervals, "startIntervals");
        if (startIntervals.isEmpty()) {
            throw new IllegalArgumentException("shift template '" + name + "' has no allowed start interval");
        }
        for (int start : startIntervals) {
            if (start < 0 || start >= Week.INTERVALS_PER_DAY) {
                throw new IllegalArgumentException("shift template '" + name + "' start interval " + start
                        + " must be within a day (0.." + (Week.INTERVALS_PER_DAY - 1) + ")");
            }
        }
        breakOffsets = sortedDistinct(breakOffsets, "breakOffsets");
        for (int offset : breakOffsets) {
            if (offset < 0 || offset >= lengthIntervals) {
                throw new IllegalArgumentException("shift template '" + name + "' break offset " + offset
                        + " must be within the shift (0.." + (lengthIntervals - 1) + ")");
            }
        }
        if (breakOffsets.size() == lengthIntervals) {
            throw new IllegalArgumentException("shift template '" + name + "' is all break");
        }
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("shift template '" + name + "' has no allowed day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /**
     * A template that may start on every day of the week.
     *
     * @param name template name
     * @param lengthIntervals length in intervals, breaks included
     * @param startIntervals allowed starts within a day
     * @param breakOffsets unpaid offsets within the shift
     * @return the template
     */
    public static ShiftTemplate everyDay(
            String name, int lengthIntervals, List<Integer> startIntervals, List<Integer> breakOffsets) {
        return new ShiftTemplate(name, lengthIntervals, startIntervals, breakOffsets, EnumSet.allOf(DayOfWeek.class));
    }

    /**
     * Start intervals {@code 0, step, 2·step, …} below {@value Week#INTERVALS_PER_DAY}.
     *
     * @param stepIntervals spacing between starts, at least 1
     * @return the start intervals
     */
    public static List<Integer> startsEvery(int stepIntervals) {
        if (stepIntervals < 1) {
            throw new IllegalArgumentException("start step must be at least 1 interval, got " + stepIntervals);
        }
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start < Week.INTERVALS_PER_DAY; start += stepIntervals) {
            starts.add(start);
        }
        return List.copyOf(starts);
    }

    /** Paid, covered intervals per shift: length minus breaks. */
    public int paidIntervals() {
        return lengthIntervals - breakOffsets.size();
    }

    /**
     * All shifts this template generates within the week, ordered by absolute start.
     *
     * @return candidate shifts that end within the week (possibly none)
     */
    public List<CandidateShift> candidateShifts() {
        List<CandidateShift> shifts = new ArrayList<>();
        for (DayOfWeek day : days) {
            for (int start : startIntervals) {
                int absoluteStart = (day.getValue() - 1) * Week.INTERVALS_PER_DAY + start;
                if (absoluteStart + lengthIntervals <= Week.INTERVALS) {
                    shifts.add(new CandidateShift(this, day, start));
                }
            }
        }
        return List.copyOf(shifts);
    }

    private static List<Integer> sortedDistinct(Collection<Integer> values, String field) {
        Objects.requireNonNull(values, field);
        for (Integer value : values) {
            Objects.requireNonNull(value, field + " element");
        }
        return List.copyOf(new TreeSet<>(values));
    }
}
