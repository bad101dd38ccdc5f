package org.vigil.sla.clock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The business hours of a week: for each weekday any number of {@link WorkingSpan}s, so split shifts
 * and lunch breaks can be expressed (for example Monday 09:00–12:00 and 13:00–17:00).
 *
 * <p>Spans of one day may touch but must not overlap; a day may have no span at all. Every weekday is
 * present in {@link #days()}, its spans sorted by opening time.
 *
 * @param days the spans of each weekday
 */
public record WeeklyHours(Map<DayOfWeek, List<WorkingSpan>> days) {

    public WeeklyHours {
        Objects.requireNonNull(days, "days");
        EnumMap<DayOfWeek, List<WorkingSpan>> normalised = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            normalised.put(day, sortedWithoutOverlap(day, days.getOrDefault(day, List.of())));
        }
        days = Collections.unmodifiableMap(normalised);
    }

    /** A week without any business time, to be extended with {@link #with(DayOfWeek, WorkingSpan...)}. */
    public static WeeklyHours none() {
        return new WeeklyHours(Map.of());
    }

    /** Round the clock, every day of the week. */
    public static WeeklyHours always() {
        return on(Set.of(DayOfWeek.values()), WorkingSpan.wholeDay());
    }

    /** The same spans on each of the given days and none on the others. */
    public static WeeklyHours on(Set<DayOfWeek> days, WorkingSpan... spans) {
        EnumMap<DayOfWeek, List<WorkingSpan>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            map.put(day, List.of(spans));
        }
        return new WeeklyHours(map);
    }

    /** These hours with the spans of {@code day} replaced by {@code spans}. */
    public WeeklyHours with(DayOfWeek day, WorkingSpan... spans) {
        EnumMap<DayOfWeek, List<WorkingSpan>> map = new EnumMap<>(days);
        map.put(day, List.of(spans));
        return new WeeklyHours(map);
    }

    /** The spans of one weekday, sorted by opening time; empty when the day has no business time. */
    public List<WorkingSpan> spansOn(DayOfWeek day) {
        return days.get(day);
    }

    /** Whether at least one day of the week has a span. */
    public boolean hasBusinessTime() {
        return days.values().stream().anyMatch(spans -> !spans.isEmpty());
    }

    /** The total length of all spans, measured on days without a daylight-saving transition. */
    public Duration nominalWeeklyTotal() {
        return days.values().stream()
                .flatMap(List::stream)
                .map(WorkingSpan::nominalLength)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static List<WorkingSpan> sortedWithoutOverlap(DayOfWeek day, List<WorkingSpan> spans) {
        List<WorkingSpan> sorted = new ArrayList<>(spans);
        sorted.forEach(span -> Objects.requireNonNull(span, "span"));
        sorted.sort(Comparator.comparing(WorkingSpan::opens));
        for (int i = 1; i < sorted.size(); i++) {
            WorkingSpan previous = sorted.get(i - 1);
            WorkingSpan current = sorted.get(i);
            if (previous.overlaps(current)) {
                throw new IllegalArgumentException(
                        "Working spans on " + day + " overlap: " + previous + " and " + current);
            }
        }
        return List.copyOf(sorted);
    }
}
