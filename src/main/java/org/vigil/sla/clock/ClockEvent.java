package org.vigil.sla.clock;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to one SLA metric's clock on one case: it was started, paused (for instance
 * while the case is pending or on hold), resumed, or stopped because the metric was achieved.
 *
 * @param kind what happened
 * @param at   when it happened
 */
public record ClockEvent(Kind kind, Instant at) {

    /** What can happen to a clock. */
    public enum Kind {
        /** The metric starts counting, for example when a case is created. */
        START,
        /** Counting stops for a while, for example while the case waits on the requester. */
        PAUSE,
        /** Counting goes on after a pause. */
        RESUME,
        /** The metric is achieved, for example by the first public reply; the clock ends. */
        STOP
    }

    public ClockEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    /** The clock starts at {@code at}. */
    public static ClockEvent start(Instant at) {
        return new ClockEvent(Kind.START, at);
    }

    /** The clock pauses at {@code at}. */
    public static ClockEvent pause(Instant at) {
        return new ClockEvent(Kind.PAUSE, at);
    }

    /** The clock resumes at {@code at}. */
    public static ClockEvent resume(Instant at) {
        return new ClockEvent(Kind.RESUME, at);
    }

    /** The clock stops at {@code at}: the metric is achieved. */
    public static ClockEvent stop(Instant at) {
        return new ClockEvent(Kind.STOP, at);
    }
}
