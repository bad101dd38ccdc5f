package org.vigil.workforce.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdherenceTest {

    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final Span WHOLE_DAY = new Span(DAY, DAY.plus(Duration.ofDays(1)));

    private static Span at(int fromMinute, int toMinute) {
        return new Span(DAY.plus(Duration.ofMinutes(fromMinute)), DAY.plus(Duration.ofMinutes(toMinute)));
    }

    @Test
    void anAgentWhoStartsLateAndLeavesEarlyMissesThoseMinutesOnly() {
        // shift 09:00–17:00, worked 09:15–16:30 with a break 12:00–12:30 the schedule did not plan
        Adherence a = Adherence.of(WHOLE_DAY, List.of(at(540, 1020)), List.of(at(555, 720), at(750, 990)));
        assertThat(a.scheduled()).isEqualTo(Duration.ofHours(8));
        assertThat(a.adherent()).isEqualTo(Duration.ofMinutes(165 + 240));
        assertThat(a.share()).isEqualTo(405.0 / 480);
        assertThat(a.worked()).isEqualTo(Duration.ofMinutes(405));
        assertThat(a.unscheduled()).isZero();
    }

    @Test
    void workOutsideTheScheduleCountsAsUnscheduledNotAsAdherence() {
        Adherence a = Adherence.of(WHOLE_DAY, List.of(at(540, 600)), List.of(at(480, 660)));
        assertThat(a.adherent()).isEqualTo(Duration.ofMinutes(60));
        assertThat(a.unscheduled()).isEqualTo(Duration.ofMinutes(120));
        assertThat(a.share()).isEqualTo(1.0);
    }

    @Test
    void overlappingSpansAndThePeriodsEdgesAreCountedOnce() {
        Span morning = new Span(DAY.plus(Duration.ofHours(8)), DAY.plus(Duration.ofHours(12)));
        Adherence a = Adherence.of(morning, List.of(at(420, 600), at(540, 780)), List.of(at(500, 520), at(510, 530)));
        assertThat(a.scheduled()).isEqualTo(Duration.ofHours(4));
        assertThat(a.worked()).isEqualTo(Duration.ofMinutes(30));
        assertThat(a.adherent()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void nothingScheduledIsFullAdherence() {
        assertThat(Adherence.of(WHOLE_DAY, List.of(), List.of(at(0, 10))).share()).isEqualTo(1.0);
    }

    /** Against counting minute by minute, on random spans: the two ways agree. */
    @Test
    void agreesWithCountingMinuteByMinute() {
        Random random = new Random(20261128);
        for (int round = 0; round < 500; round++) {
            List<Span> plan = spans(random);
            List<Span> work = spans(random);
            Adherence a = Adherence.of(WHOLE_DAY, plan, work);
            long planned = 0;
            long both = 0;
            long worked = 0;
            for (int m = 0; m < 1440; m++) {
                boolean p = covers(plan, m);
                boolean w = covers(work, m);
                planned += p ? 1 : 0;
                worked += w ? 1 : 0;
                both += p && w ? 1 : 0;
            }
            assertThat(a.scheduled().toMinutes()).isEqualTo(planned);
            assertThat(a.worked().toMinutes()).isEqualTo(worked);
            assertThat(a.adherent().toMinutes()).isEqualTo(both);
            assertThat(a.unscheduled().toMinutes()).isEqualTo(worked - both);
        }
    }

    private static List<Span> spans(Random random) {
        List<Span> spans = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            int start = random.nextInt(1500) - 30;
            spans.add(at(start, start + random.nextInt(400)));
        }
        return spans;
    }

    private static boolean covers(List<Span> spans, int minute) {
        Instant t = DAY.plus(Duration.ofMinutes(minute));
        return spans.stream().anyMatch(s -> !t.isBefore(s.start()) && t.isBefore(s.end()));
    }
}
