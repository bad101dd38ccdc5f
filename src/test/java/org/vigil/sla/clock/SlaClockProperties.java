package org.vigil.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.vigil.sla.clock.SlaClock.State;
import org.vigil.sla.clock.SlaClock.Status;

class SlaClockProperties {

    /** A started clock's history: stray events before the start, the start, then events in time order. */
    record History(Instant startedAt, List<ClockEvent> events, Instant lastEventAt) {

        History plus(ClockEvent event) {
            List<ClockEvent> more = new ArrayList<>(events);
            more.add(event);
            return new History(startedAt, more, event.at().isAfter(lastEventAt) ? event.at() : lastEventAt);
        }
    }

    @Property(tries = 200)
    void pausingNeverBringsTheDueTimeForward(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("histories") History history,
            @ForAll("targets") Duration target,
            @ForAll @LongRange(min = 0, max = 7 * 24 * 60) long minutesUntilPause,
            @ForAll @LongRange(min = 0, max = 7 * 24 * 60) long minutesPaused,
            @ForAll @LongRange(min = 0, max = 7 * 24 * 60) long minutesAfterResume) {
        History running = history.plus(ClockEvent.resume(history.lastEventAt()));
        Instant pausedAt = running.lastEventAt().plus(Duration.ofMinutes(minutesUntilPause));
        Instant resumedAt = pausedAt.plus(Duration.ofMinutes(minutesPaused));
        Instant now = resumedAt.plus(Duration.ofMinutes(minutesAfterResume));
        History withPause = running.plus(ClockEvent.pause(pausedAt)).plus(ClockEvent.resume(resumedAt));

        Status unpaused = SlaClock.evaluate(running.events(), target, calendar, now);
        Status paused = SlaClock.evaluate(withPause.events(), target, calendar, now);

        assertThat(unpaused.state()).isEqualTo(State.ACTIVE);
        assertThat(paused.state()).isEqualTo(State.ACTIVE);
        assertThat(paused.dueAt().orElseThrow()).isAfterOrEqualTo(unpaused.dueAt().orElseThrow());
        if (paused.breached()) {
            assertThat(unpaused.breachedAt()).hasValueSatisfying(
                    earlier -> assertThat(earlier).isBeforeOrEqualTo(paused.breachedAt().orElseThrow()));
        }
    }

    @Property(tries = 200)
    void elapsedNeverExceedsTheBusinessTimeSinceTheStart(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("histories") History history,
            @ForAll("targets") Duration target,
            @ForAll @LongRange(min = -7 * 24 * 60, max = 30 * 24 * 60) long minutesAfterLastEvent) {
        Instant now = history.lastEventAt().plus(Duration.ofMinutes(minutesAfterLastEvent));

        Status status = SlaClock.evaluate(history.events(), target, calendar, now);

        assertThat(status.elapsed()).isBetween(Duration.ZERO, calendar.businessTimeBetween(history.startedAt(), now));
        assertThat(status.elapsed().plus(status.remaining())).isEqualTo(target);
        if (now.isBefore(history.startedAt())) {
            assertThat(status.state()).isEqualTo(State.NOT_STARTED);
        }
    }

    @Property(tries = 200)
    void aClockStoppedAtOrBeforeItsBreachInstantIsNeverBreached(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("histories") History history,
            @ForAll("targets") Duration target,
            @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        Instant farFuture = history.lastEventAt().plus(Duration.ofDays(60));
        Status unstopped = SlaClock.evaluate(history.events(), target, calendar, farFuture);
        Instant latestStop = unstopped.breachedAt().orElse(farFuture);
        long window = Duration.between(history.startedAt(), latestStop).toNanos();
        Instant stoppedAt = fraction == 1 ? latestStop : history.startedAt().plusNanos((long) (window * fraction));

        Status stopped = SlaClock.evaluate(history.plus(ClockEvent.stop(stoppedAt)).events(), target, calendar,
                farFuture);

        assertThat(stopped.state()).isEqualTo(State.ACHIEVED);
        assertThat(stopped.breached()).isFalse();
    }

    @Property(tries = 200)
    void aBreachIsNeverBackDated(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll("histories") History history,
            @ForAll("targets") Duration target) {
        Instant farFuture = history.lastEventAt().plus(Duration.ofDays(60));
        Status later = SlaClock.evaluate(history.events(), target, calendar, farFuture);

        later.breachedAt().ifPresent(breachedAt -> {
            Status atBreach = SlaClock.evaluate(history.events(), target, calendar, breachedAt);
            Status justBefore = SlaClock.evaluate(history.events(), target, calendar, breachedAt.minusNanos(1));
            assertThat(atBreach.breachedAt()).contains(breachedAt);
            assertThat(atBreach.elapsed()).isEqualTo(target);
            assertThat(justBefore.breached()).isFalse();
        });
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return RandomCalendars.calendars();
    }

    @Provide
    Arbitrary<Duration> targets() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, Duration.ofDays(14).toMinutes()).map(Duration::ofMinutes),
                Arbitraries.longs().between(1, 64).map(quarters -> Duration.ofMinutes(15 * quarters)));
    }

    /**
     * Histories without a stop: up to three stray events before the start, then up to ten starts,
     * pauses and resumes in any order, so that duplicates occur. Gaps and targets are often whole
     * quarter hours so that events meet due instants and span boundaries exactly.
     */
    @Provide
    Arbitrary<History> histories() {
        Arbitrary<ClockEvent.Kind> strayKinds =
                Arbitraries.of(ClockEvent.Kind.PAUSE, ClockEvent.Kind.RESUME, ClockEvent.Kind.STOP);
        Arbitrary<ClockEvent.Kind> laterKinds =
                Arbitraries.of(ClockEvent.Kind.START, ClockEvent.Kind.PAUSE, ClockEvent.Kind.RESUME);
        Arbitrary<Duration> gaps = Arbitraries.oneOf(
                Arbitraries.just(Duration.ZERO),
                Arbitraries.longs().between(1, 5 * 24 * 60).map(Duration::ofMinutes),
                Arbitraries.longs().between(1, 32).map(quarters -> Duration.ofMinutes(15 * quarters)));
        Arbitrary<List<Step>> stray = Combinators.combine(strayKinds, gaps).as(Step::new).list().ofMaxSize(3);
        Arbitrary<List<Step>> later = Combinators.combine(laterKinds, gaps).as(Step::new).list().ofMaxSize(10);
        return Combinators.combine(RandomCalendars.instants(), stray, later).as(SlaClockProperties::history);
    }

    private record Step(ClockEvent.Kind kind, Duration gap) {
    }

    private static History history(Instant startedAt, List<Step> stray, List<Step> later) {
        List<ClockEvent> events = new ArrayList<>();
        Instant at = startedAt;
        for (Step step : stray) {
            at = at.minus(step.gap().plusSeconds(1));
            events.add(0, new ClockEvent(step.kind(), at));
        }
        events.add(ClockEvent.start(startedAt));
        at = startedAt;
        for (Step step : later) {
            at = at.plus(step.gap());
            events.add(new ClockEvent(step.kind(), at));
        }
        return new History(startedAt, events, at);
    }
}
