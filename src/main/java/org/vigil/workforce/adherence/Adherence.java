package org.vigil.workforce.adherence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One agent's adherence over a period, as workforce tools define it: of the time the agent was
 * scheduled to work, the share in which they were working (signed in and available or handling);
 * plus conformance's other half, the time worked outside the schedule.
 *
 * @param scheduled     scheduled time within the period
 * @param adherent      scheduled time in which the agent was working
 * @param worked        time worked within the period
 * @param unscheduled   time worked outside the schedule
 */
public record Adherence(Duration scheduled, Duration adherent, Duration worked, Duration unscheduled) {

    /** The adherent share of scheduled time; 1 when nothing was scheduled. */
    public double share() {
        return scheduled.isZero() ? 1.0 : (double) adherent.toSeconds() / scheduled.toSeconds();
    }

    /** Adherence within {@code period} of the working spans to the scheduled spans (either may overlap itself). */
    public static Adherence of(Span period, List<Span> scheduled, List<Span> working) {
        List<Span> plan = union(clip(scheduled, period));
        List<Span> work = union(clip(working, period));
        Duration planned = total(plan);
        Duration worked = total(work);
        Duration both = Duration.ZERO;
        int i = 0;
        int j = 0;
        while (i < plan.size() && j < work.size()) {
            Span a = plan.get(i);
            Span b = work.get(j);
            Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
            Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
            if (start.isBefore(end)) {
                both = both.plus(Duration.between(start, end));
            }
            if (a.end().isBefore(b.end())) {
                i++;
            } else {
                j++;
            }
        }
        return new Adherence(planned, both, worked, worked.minus(both));
    }

    private static List<Span> clip(List<Span> spans, Span period) {
        List<Span> clipped = new ArrayList<>();
        for (Span s : spans) {
            Instant start = s.start().isAfter(period.start()) ? s.start() : period.start();
            Instant end = s.end().isBefore(period.end()) ? s.end() : period.end();
            if (start.isBefore(end)) {
                clipped.add(new Span(start, end));
            }
        }
        return clipped;
    }

    /** The spans merged where they overlap or touch, in order. */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span s : sorted) {
            if (!merged.isEmpty() && !s.start().isAfter(merged.getLast().end())) {
                Span last = merged.removeLast();
                merged.add(new Span(last.start(), s.end().isAfter(last.end()) ? s.end() : last.end()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private static Duration total(List<Span> spans) {
        Duration sum = Duration.ZERO;
        for (Span s : spans) {
            sum = sum.plus(s.length());
        }
        return sum;
    }
}
