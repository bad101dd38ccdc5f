package org.vigil.workforce.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A shape of shift that teams may work.
 *
 * <p>A template lasts {@code lengthIntervals} half-hours and may start at any of
 * {@code startIntervals} (intervals within a day, 0..47) on any of {@code days}. The
 * {@code breakOffsets} are offsets from the shift start (0..length−1) at which the agent is off:
 * they are neither covered nor paid. Days and starts are in the team's local time. A shift may
 * cross midnight into the next day but must lie within the plan week: starts that would begin
 * before it or run past its end are not generated.
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
     * All shifts this template generates within {@link PlanWeek#DEFAULT} for a team working in
     * UTC: starts on the template's days of that week at its start intervals.
     *
     * @return candidate shifts that end within the week (possibly none), ordered by absolute start
     */
    public List<CandidateShift> candidateShifts() {
        return candidateShifts(PlanWeek.DEFAULT, ZoneOffset.UTC);
    }

    /**
     * All shifts this template generates within a plan week for a team working in {@code zone}:
     * every allowed start on every allowed local day, from the local days before and after the
     * week too, that lies wholly within the week. Two local starts that a daylight-saving gap
     * moves to the same instant give one shift.
     *
     * @param week the plan week
     * @param zone the team's time zone
     * @return candidate shifts (possibly none), ordered by absolute start
     * @throws IllegalArgumentException if the zone is not a whole number of half hours from the plan's
     */
    public List<CandidateShift> candidateShifts(PlanWeek week, ZoneId zone) {
        Map<Integer, CandidateShift> byStart = new TreeMap<>();
        for (LocalDate date : week.localDays()) {
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            for (int start : startIntervals) {
                OptionalInt absolute = week.intervalOf(date, start, zone);
                if (absolute.isPresent() && absolute.getAsInt() + lengthIntervals <= Week.INTERVALS) {
                    byStart.putIfAbsent(absolute.getAsInt(), new CandidateShift(this, date, start, zone,
                            absolute.getAsInt()));
                }
            }
        }
        return List.copyOf(byStart.values());
    }

    private static List<Integer> sortedDistinct(Collection<Integer> values, String field) {
        Objects.requireNonNull(values, field);
        for (Integer value : values) {
            Objects.requireNonNull(value, field + " element");
        }
        return List.copyOf(new TreeSet<>(values));
    }
}
