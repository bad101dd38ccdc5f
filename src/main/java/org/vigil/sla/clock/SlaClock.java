package org.vigil.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The clock of one SLA metric on one case, derived as a pure function of the clock's events, the
 * metric's target, a business calendar and the current instant.
 *
 * <p>Rules of the fold:
 * <ul>
 *   <li>Events after {@code now} have not happened yet and are ignored. The others are taken in time
 *       order; events at the same instant in list order.</li>
 *   <li>Events before the first {@code START} are ignored, and so is every event after {@code STOP}.
 *       A repeated {@code START}, a {@code PAUSE} while paused and a {@code RESUME} while running are
 *       ignored. {@code STOP} ends the clock whether it is running or paused.</li>
 *   <li>Business time counts only while the clock runs, measured by the given calendar over the whole
 *       timeline: the calendar in force at evaluation time measures every span.</li>
 *   <li>The clock breaches at the instant its running business time first reaches the target, if it
 *       is still running at that instant once all events of that instant are applied. A stop or pause
 *       at exactly that instant therefore comes in time; a clock still running at {@code now} equal to
 *       its due instant is breached. A breach is found on the actual timeline and never back-dated.</li>
 * </ul>
 */
public final class SlaClock {

    /** Where the clock stands. A clock in any started state may also be breached. */
    public enum State {
        /** No {@code START} yet. */
        NOT_STARTED,
        /** Counting business time. */
        ACTIVE,
        /** Started, but not counting until resumed. */
        PAUSED,
        /** Stopped: the metric was achieved, in time or not. */
        ACHIEVED
    }

    /**
     * The clock at one instant.
     *
     * @param state      where the clock stands
     * @param breached   whether the target was exceeded; stays true once it is
     * @param elapsed    business time counted while running, paused time excluded
     * @param remaining  target minus elapsed; negative once the clock ran past its target
     * @param dueAt      the instant the target is reached if nothing pauses the clock: for an active
     *                   clock the projected due instant, for an achieved clock the due instant that
     *                   applied when it stopped (empty if it stopped while paused before breaching),
     *                   empty while paused or not started; for an active or achieved clock that has
     *                   breached, the breach instant
     * @param breachedAt the instant the running business time first reached the target, when breached
     */
    public record Status(
            State state,
            boolean breached,
            Duration elapsed,
            Duration remaining,
            Optional<Instant> dueAt,
            Optional<Instant> breachedAt) {

        public Status {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(breachedAt, "breachedAt");
            if (breached != breachedAt.isPresent()) {
                throw new IllegalArgumentException("A breached clock has a breach instant and only then");
            }
        }
    }

    private SlaClock() {
    }

    /**
     * The clock's status at {@code now}.
     *
     * @param events   the clock's events, in time order; events at the same instant apply in list order
     * @param target   how much business time the metric allows; positive
     * @param calendar the calendar that measures business time
     * @param now      the instant of evaluation
     */
    public static Status evaluate(List<ClockEvent> events, Duration target, BusinessCalendar calendar, Instant now) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(now, "now");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("An SLA target must be positive, got " + target);
        }
        Fold fold = new Fold(target, calendar);
        events.stream()
                .filter(event -> !event.at().isAfter(now))
                .sorted(Comparator.comparing(ClockEvent::at))
                .forEachOrdered(fold::apply);
        return fold.statusAt(now);
    }

    /** The running state of the fold over one clock's events. */
    private static final class Fold {

        private final Duration target;
        private final BusinessCalendar calendar;
        private State state = State.NOT_STARTED;
        private @Nullable Instant runningSince;
        private Duration elapsed = Duration.ZERO;
        private @Nullable Instant breachedAt;
        private @Nullable Instant dueAtStop;

        Fold(Duration target, BusinessCalendar calendar) {
            this.target = target;
            this.calendar = calendar;
        }

        void apply(ClockEvent event) {
            switch (state) {
                case NOT_STARTED -> {
                    if (event.kind() == ClockEvent.Kind.START) {
                        startRunning(event.at());
                    }
                }
                case ACTIVE -> {
                    switch (event.kind()) {
                        case PAUSE -> {
                            stopRunning(event.at(), false);
                            state = State.PAUSED;
                        }
                        case STOP -> {
                            dueAtStop = projectedDue();
                            stopRunning(event.at(), false);
                            state = State.ACHIEVED;
                        }
                        case START, RESUME -> { }
                    }
                }
                case PAUSED -> {
                    switch (event.kind()) {
                        case RESUME -> startRunning(event.at());
                        case STOP -> {
                            dueAtStop = breachedAt;
                            state = State.ACHIEVED;
                        }
                        case START, PAUSE -> { }
                    }
                }
                case ACHIEVED -> { }
            }
        }

        Status statusAt(Instant now) {
            Optional<Instant> dueAt = switch (state) {
                case NOT_STARTED, PAUSED -> Optional.empty();
                case ACHIEVED -> Optional.ofNullable(dueAtStop);
                case ACTIVE -> {
                    Instant due = projectedDue();
                    stopRunning(now, true);
                    yield Optional.of(breachedAt != null ? breachedAt : due);
                }
            };
            return new Status(state, breachedAt != null, elapsed, target.minus(elapsed), dueAt,
                    Optional.ofNullable(breachedAt));
        }

        private void startRunning(Instant at) {
            runningSince = at;
            state = State.ACTIVE;
        }

        /** The due instant of the running segment: the breach instant once breached. */
        private Instant projectedDue() {
            if (breachedAt != null) {
                return breachedAt;
            }
            Duration remaining = target.minus(elapsed);
            return remaining.isNegative() ? runningSince : calendar.addBusinessTime(runningSince, remaining);
        }

        /**
         * Counts the running segment up to {@code end} and records a breach inside it. With
         * {@code stillRunningAtEnd} false the segment ends by an event, which comes in time when it is
         * exactly at the due instant.
         */
        private void stopRunning(Instant end, boolean stillRunningAtEnd) {
            Duration counted = calendar.businessTimeBetween(runningSince, end);
            Duration remaining = target.minus(elapsed);
            if (breachedAt == null && counted.compareTo(remaining) >= 0) {
                Instant due = calendar.addBusinessTime(runningSince, remaining);
                if (due.isBefore(end) || stillRunningAtEnd && due.equals(end)) {
                    breachedAt = due;
                }
            }
            elapsed = elapsed.plus(counted);
        }
    }
}
