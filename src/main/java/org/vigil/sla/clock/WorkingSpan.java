package org.vigil.sla.clock;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One span of business time within a day, in wall-clock time of the calendar's zone, from
 * {@code opens} (inclusive) to {@code closes} (exclusive).
 *
 * <p>A {@code closes} of {@link LocalTime#MIDNIGHT} means the end of the day (24:00), so
 * {@code 00:00–24:00} is a whole day. Otherwise {@code opens} must be before {@code closes}: a span
 * never crosses midnight; a night shift is two spans on consecutive days.
 *
 * @param opens  wall-clock time at which business time starts
 * @param closes wall-clock time at which business time ends; {@code 00:00} stands for 24:00
 */
public record WorkingSpan(LocalTime opens, LocalTime closes) {

    private static final String END_OF_DAY = "24:00";

    public WorkingSpan {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "A working span must open before it closes, got " + opens + "–" + closes);
        }
    }

    /**
     * A span from two {@code HH:mm} texts; {@code "24:00"} is accepted as the end of the day.
     *
     * @throws java.time.format.DateTimeParseException if a text is not a time of day
     */
    public static WorkingSpan of(String opens, String closes) {
        LocalTime closing = END_OF_DAY.equals(closes) ? LocalTime.MIDNIGHT : LocalTime.parse(closes);
        return new WorkingSpan(LocalTime.parse(opens), closing);
    }

    /** The span {@code opens}–24:00. */
    public static WorkingSpan untilMidnight(LocalTime opens) {
        return new WorkingSpan(opens, LocalTime.MIDNIGHT);
    }

    /** The whole day, 00:00–24:00. */
    public static WorkingSpan wholeDay() {
        return new WorkingSpan(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** Whether the span runs to the end of the day (24:00). */
    public boolean endsAtMidnight() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** The span's length on a day without a daylight-saving transition. */
    public Duration nominalLength() {
        long closingSecond = endsAtMidnight() ? Duration.ofDays(1).toSeconds() : closes.toSecondOfDay();
        return Duration.ofSeconds(closingSecond - opens.toSecondOfDay())
                .plusNanos(closes.getNano() - opens.getNano());
    }

    /** Whether the two spans share some time; spans that merely touch do not overlap. */
    public boolean overlaps(WorkingSpan other) {
        return opens.isBefore(other.effectiveClosing()) && other.opens.isBefore(effectiveClosing())
                || (endsAtMidnight() && other.endsAtMidnight());
    }

    private LocalTime effectiveClosing() {
        return endsAtMidnight() ? LocalTime.MAX : closes;
    }

    @Override
    public String toString() {
        return opens + "–" + (endsAtMidnight() ? END_OF_DAY : closes.toString());
    }
}
