package org.vigil.sla.clock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random business calendars, instants and amounts for property tests: zones with and without
 * daylight saving, zero to three spans a day on a 15-minute grid, random holidays, instants over
 * 2025–2027.
 */
final class RandomCalendars {

    static final List<String> ZONES =
            List.of("America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "UTC");

    private static final int QUARTERS_PER_DAY = 96;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2028-01-01T00:00:00Z");

    private RandomCalendars() {
    }

    static Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<WeeklyHours> weeks = daySpans().list().ofSize(7).map(RandomCalendars::week)
                .filter(WeeklyHours::hasBusinessTime);
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 4 * 366)
                .map(FIRST_DAY::plusDays)
                .set().ofMaxSize(40);
        return Combinators.combine(zones, weeks, holidays).as(BusinessCalendar::new);
    }

    /** Instants over 2025–2027, half of them on a 15-minute grid so that they meet span boundaries. */
    static Arbitrary<Instant> instants() {
        Arbitrary<Instant> anySecond = Arbitraries.longs()
                .between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> onTheGrid = Arbitraries.longs()
                .between(0, Duration.between(EARLIEST, LATEST).toMinutes() / 15)
                .map(quarters -> EARLIEST.plus(Duration.ofMinutes(15 * quarters)));
        return Arbitraries.oneOf(anySecond, onTheGrid);
    }

    /** Amounts from zero up to four weeks, in whole minutes or with seconds. */
    static Arbitrary<Duration> amounts() {
        Arbitrary<Duration> minutes = Arbitraries.longs().between(0, Duration.ofDays(28).toMinutes())
                .map(Duration::ofMinutes);
        Arbitrary<Duration> seconds = Arbitraries.longs().between(0, Duration.ofDays(28).toSeconds())
                .map(Duration::ofSeconds);
        Arbitrary<Duration> shortOnes = Arbitraries.longs().between(0, Duration.ofHours(10).toSeconds())
                .map(Duration::ofSeconds);
        return Arbitraries.oneOf(minutes, seconds, shortOnes);
    }

    private static Arbitrary<List<WorkingSpan>> daySpans() {
        return Arbitraries.integers().between(0, 3).flatMap(count -> Arbitraries.integers()
                .between(0, QUARTERS_PER_DAY)
                .set().ofSize(2 * count)
                .map(RandomCalendars::spansBetween));
    }

    private static List<WorkingSpan> spansBetween(Set<Integer> boundaries) {
        List<Integer> sorted = boundaries.stream().sorted().toList();
        List<WorkingSpan> spans = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += 2) {
            spans.add(new WorkingSpan(timeOf(sorted.get(i)), timeOf(sorted.get(i + 1))));
        }
        return spans;
    }

    private static LocalTime timeOf(int quarter) {
        return quarter == QUARTERS_PER_DAY ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(quarter * 15L * 60);
    }

    private static WeeklyHours week(List<List<WorkingSpan>> spansPerDay) {
        Map<DayOfWeek, List<WorkingSpan>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, spansPerDay.get(day.ordinal()));
        }
        return new WeeklyHours(days);
    }
}
