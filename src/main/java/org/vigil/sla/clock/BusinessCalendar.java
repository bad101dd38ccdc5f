package org.vigil.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a support team counts time: weekly hours in wall-clock time of a zone, minus holidays.
 *
 * <p>All arithmetic is on {@link Instant}s and measures real elapsed time. Each date's spans are
 * turned into instants in the calendar's zone with the rules of {@link ZonedDateTime#of}: a wall-clock
 * time that falls into a daylight-saving gap is moved later by the length of the gap (02:30 on a day
 * that skips 02:00–03:00 becomes 03:30), and a time that occurs twice on a fall-back day means its
 * first occurrence (the earlier offset). A span closing at 24:00 closes at the start of the next day.
 * So a span 01:00–04:00 on a day that skips 02:00–03:00 holds two real hours, and a span 01:00–05:00
 * on a day that repeats 02:00–03:00 holds five.
 *
 * <p>Spans are half-open: a calendar is open at the instant a span opens and closed at the instant it
 * closes.
 *
 * @param zone        the zone in which weekly hours and holidays are read
 * @param weeklyHours the business hours of each weekday; at least one day must have a span
 * @param holidays    dates, in {@code zone}, without any business time
 */
public record BusinessCalendar(ZoneId zone, WeeklyHours weeklyHours, Set<LocalDate> holidays) {

    /**
     * How far ahead the calendar looks for business time before it concludes that there is none, for
     * instance because every working day in that period is a holiday.
     */
    public static final Period SEARCH_HORIZON = Period.ofYears(5);

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weeklyHours, "weeklyHours");
        holidays = Set.copyOf(holidays);
        if (!weeklyHours.hasBusinessTime()) {
            throw new IllegalArgumentException(
                    "A business calendar needs business time on at least one day of the week");
        }
    }

    /** Calendar hours: round the clock, every day, no holidays. */
    public static BusinessCalendar always(ZoneId zone) {
        return new BusinessCalendar(zone, WeeklyHours.always(), Set.of());
    }

    /** A calendar with the given weekly hours and no holidays. */
    public static BusinessCalendar of(ZoneId zone, WeeklyHours weeklyHours) {
        return new BusinessCalendar(zone, weeklyHours, Set.of());
    }

    /** This calendar with the given dates added to its holidays. */
    public BusinessCalendar withHolidays(Collection<LocalDate> dates) {
        Set<LocalDate> all = new HashSet<>(holidays);
        all.addAll(dates);
        return new BusinessCalendar(zone, weeklyHours, all);
    }

    /** This calendar with the given dates added to its holidays. */
    public BusinessCalendar withHolidays(LocalDate... dates) {
        return withHolidays(List.of(dates));
    }

    /**
     * The business time within {@code [from, to)}; zero when {@code to} is not after {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = dateContaining(to);
        for (LocalDate date = dateContaining(from); !date.isAfter(last); date = date.plusDays(1)) {
            for (OpenInterval interval : openIntervalsOn(date)) {
                total = total.plus(interval.overlapWith(from, to));
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of business time has elapsed after {@code start}.
     *
     * <p>If {@code start} is outside business hours the count begins at the next opening. The result is
     * the instant the amount is used up, which may be exactly the closing instant of a span: Friday
     * 16:30 plus 30 minutes in a 09:00–17:00 calendar is Friday 17:00, not Monday 09:00. A zero amount
     * returns {@code start} unchanged, open or not. For a positive amount,
     * {@code businessTimeBetween(start, result)} equals {@code amount}.
     *
     * @throws IllegalArgumentException if {@code amount} is negative, or if the calendar has no business
     *                                  time for {@link #SEARCH_HORIZON} at some point after {@code start}
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Cannot add a negative amount of business time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate lastDateWithBusinessTime = dateContaining(start);
        for (LocalDate date = lastDateWithBusinessTime; ; date = date.plusDays(1)) {
            for (OpenInterval interval : openIntervalsOn(date)) {
                if (!interval.end().isAfter(start)) {
                    continue;
                }
                Instant from = later(interval.start(), start);
                Duration available = Duration.between(from, interval.end());
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                lastDateWithBusinessTime = date;
            }
            if (date.isAfter(lastDateWithBusinessTime.plus(SEARCH_HORIZON))) {
                throw new IllegalArgumentException(noBusinessTimeAfter(lastDateWithBusinessTime));
            }
        }
    }

    /** Whether {@code instant} falls within a span on a date that is not a holiday. */
    public boolean isOpen(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return openIntervalsOn(dateContaining(instant)).stream().anyMatch(interval -> interval.contains(instant));
    }

    /**
     * The earliest instant at or after {@code instant} at which the calendar is open: {@code instant}
     * itself when it is open. Empty when there is no business time within {@link #SEARCH_HORIZON}.
     */
    public Optional<Instant> nextOpening(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDate first = dateContaining(instant);
        LocalDate horizon = first.plus(SEARCH_HORIZON);
        for (LocalDate date = first; !date.isAfter(horizon); date = date.plusDays(1)) {
            for (OpenInterval interval : openIntervalsOn(date)) {
                if (interval.end().isAfter(instant)) {
                    return Optional.of(later(interval.start(), instant));
                }
            }
        }
        return Optional.empty();
    }

    private String noBusinessTimeAfter(LocalDate date) {
        return "No business time in calendar zone " + zone + " for " + SEARCH_HORIZON.getYears()
                + " years after " + date + ": every working day in that period is a holiday";
    }

    /**
     * The date whose day, from its first instant up to the first instant of the next date, holds
     * {@code instant}. Days laid end to end this way cover the timeline without gaps or overlaps.
     */
    private LocalDate dateContaining(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, zone);
        if (instant.isBefore(startOf(date))) {
            return date.minusDays(1);
        }
        if (!instant.isBefore(startOf(date.plusDays(1)))) {
            return date.plusDays(1);
        }
        return date;
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /**
     * The real-time intervals during which the calendar is open on {@code date}: sorted, disjoint, not
     * touching, and within the date's day. Empty on holidays.
     */
    private List<OpenInterval> openIntervalsOn(LocalDate date) {
        List<WorkingSpan> spans = weeklyHours.spansOn(date.getDayOfWeek());
        if (spans.isEmpty() || holidays.contains(date)) {
            return List.of();
        }
        Instant dayStart = startOf(date);
        Instant dayEnd = startOf(date.plusDays(1));
        List<OpenInterval> intervals = new ArrayList<>(spans.size());
        for (WorkingSpan span : spans) {
            Instant opens = clamp(wallClock(date, span.opens()), dayStart, dayEnd);
            Instant closes = span.endsAtMidnight() ? dayEnd : clamp(wallClock(date, span.closes()), dayStart, dayEnd);
            if (closes.isAfter(opens)) {
                intervals.add(new OpenInterval(opens, closes));
            }
        }
        return merged(intervals);
    }

    private Instant wallClock(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /**
     * Joins intervals that overlap or touch. Spans that are disjoint on the wall clock can overlap in
     * real time when one of them opens inside a daylight-saving gap and is moved later.
     */
    private static List<OpenInterval> merged(List<OpenInterval> intervals) {
        if (intervals.size() < 2) {
            return intervals;
        }
        intervals.sort(Comparator.comparing(OpenInterval::start));
        List<OpenInterval> merged = new ArrayList<>(intervals.size());
        OpenInterval current = intervals.get(0);
        for (OpenInterval next : intervals.subList(1, intervals.size())) {
            if (next.start().isAfter(current.end())) {
                merged.add(current);
                current = next;
            } else {
                current = new OpenInterval(current.start(), later(current.end(), next.end()));
            }
        }
        merged.add(current);
        return merged;
    }

    private static Instant clamp(Instant instant, Instant lowest, Instant highest) {
        return instant.isBefore(lowest) ? lowest : instant.isAfter(highest) ? highest : instant;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A stretch of real time, {@code [start, end)}, during which the calendar is open. */
    private record OpenInterval(Instant start, Instant end) {

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        Duration overlapWith(Instant from, Instant to) {
            Instant overlapStart = later(start, from);
            Instant overlapEnd = end.isBefore(to) ? end : to;
            return overlapEnd.isAfter(overlapStart) ? Duration.between(overlapStart, overlapEnd) : Duration.ZERO;
        }
    }
}
