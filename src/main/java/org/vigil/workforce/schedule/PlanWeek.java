package org.vigil.workforce.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The week a schedule covers: {@value Week#INTERVALS} half hours of elapsed time from Monday
 * 00:00 of {@code monday} in {@code zone}. Interval {@code i} starts {@code 30·i} minutes after
 * that instant, so in a week with a daylight-saving change in {@code zone} the last interval's
 * wall-clock time is an hour off Sunday 23:30; a plan in UTC has no such week.
 *
 * <p>Teams may work in other zones: a team's local start time becomes a plan interval through
 * the instant it denotes on that date, which is how a Manila team's Monday 08:00 covers the plan's
 * Monday 00:00 in UTC.
 *
 * @param monday the Monday the week starts on
 * @param zone the plan's time zone
 */
public record PlanWeek(LocalDate monday, ZoneId zone) {

    /**
     * The week of Monday 1 January 2024 in UTC: for problems whose teams all work in UTC, where the
     * date makes no difference.
     */
    public static final PlanWeek DEFAULT = new PlanWeek(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

    /** Validates the week; throws {@link IllegalArgumentException} unless {@code monday} is a Monday. */
    public PlanWeek {
        Objects.requireNonNull(monday, "monday");
        Objects.requireNonNull(zone, "zone");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("the week must start on a Monday, " + monday + " is a "
                    + monday.getDayOfWeek());
        }
    }

    /**
     * How many local days a team's shifts may start on: offsets between zones reach 26 hours, so
     * from two days before the plan's Monday to one after its Sunday.
     */
    public static final int LOCAL_DAYS = Week.DAYS + 4;

    /** The local dates, from {@link #localDay(int) localDay(0)}, on which a team's shifts may start. */
    public List<LocalDate> localDays() {
        return IntStream.range(0, LOCAL_DAYS).mapToObj(this::localDay).toList();
    }

    /** The local date of day index {@code index}, 0..{@value #LOCAL_DAYS} − 1 (0 is two days before the Monday). */
    public LocalDate localDay(int index) {
        return monday.plusDays(index - 2L);
    }

    /** The index of a local date among {@link #localDays()}. */
    public int localDayIndex(LocalDate date) {
        return (int) (date.toEpochDay() - monday.toEpochDay() + 2);
    }

    /** The instant interval 0 starts. */
    public Instant start() {
        return monday.atStartOfDay(zone).toInstant();
    }

    /**
     * The plan interval a team's local start denotes, or empty when it falls outside the week.
     * A local time skipped by a daylight-saving gap moves forward by the gap, as
     * {@link ZonedDateTime#of} does; an ambiguous one takes the earlier offset.
     *
     * @param date the team's local date
     * @param intervalOfDay start within that local day, 0..47
     * @param teamZone the team's zone
     * @return the week interval, 0..335, or empty
     * @throws IllegalArgumentException if the instant is not on the plan's half-hour grid (zones
     *         whose offsets differ by other than whole half hours, such as Asia/Kathmandu from UTC)
     */
    public OptionalInt intervalOf(LocalDate date, int intervalOfDay, ZoneId teamZone) {
        ZonedDateTime local = ZonedDateTime.of(date.atStartOfDay().plusMinutes(
                (long) intervalOfDay * Week.MINUTES_PER_INTERVAL), teamZone);
        Duration since = Duration.between(start(), local.toInstant());
        if (since.toSeconds() % (Week.MINUTES_PER_INTERVAL * 60L) != 0) {
            throw new IllegalArgumentException("time zone " + teamZone + " is not a whole number of half hours from "
                    + zone + " in the week of " + monday);
        }
        long interval = since.toMinutes() / Week.MINUTES_PER_INTERVAL;
        return interval < 0 || interval >= Week.INTERVALS ? OptionalInt.empty() : OptionalInt.of((int) interval);
    }

    /**
     * When a plan interval starts, in the plan's zone.
     *
     * @param interval week interval, 0..335
     * @return its start
     */
    public ZonedDateTime startOf(int interval) {
        return start().plusSeconds(interval * Week.MINUTES_PER_INTERVAL * 60L).atZone(zone);
    }
}
