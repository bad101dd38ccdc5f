package org.vigil.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.sla.clock.ClockEvent;

/**
 * Turns a case's timeline into the start, pause, resume and stop events of each metric's clock.
 * The semantics are written out, with examples, in {@code docs/sla.md}.
 */
final class ClockEvents {

    private static final Set<String> WAITING = Set.of("pending", "on_hold");
    private static final Set<String> WORKING = Set.of("new", "open");
    private static final Set<String> DONE = Set.of("solved", "closed");

    /** A metric's clock: its events and the instant its current cycle started (null if it never did). */
    record Clock(List<ClockEvent> events, @Nullable Instant start) {
    }

    private ClockEvents() {
    }

    static Clock of(Metric metric, Timeline timeline) {
        return switch (metric) {
            case FIRST_REPLY -> firstReply(timeline);
            case NEXT_REPLY -> nextReply(timeline);
            case FULL_RESOLUTION, TIME_TO_DECISION, APPEAL_DECISION -> pausable(timeline);
        };
    }

    /** Runs from creation to the first public agent reply; solving without a reply also ends it. */
    private static Clock firstReply(Timeline timeline) {
        List<ClockEvent> events = new ArrayList<>();
        events.add(ClockEvent.start(timeline.created()));
        for (Timeline.Happening h : timeline.happenings()) {
            if (h.type() == Timeline.Type.AGENT_REPLY || isStatus(h, DONE)) {
                events.add(ClockEvent.stop(h.at()));
                break;
            }
        }
        return new Clock(events, timeline.created());
    }

    /**
     * One cycle per unanswered requester message after the first agent reply: it starts at the oldest
     * requester message since the last agent reply and stops at the next agent reply (or when the case
     * is solved). The clock shown is the current cycle, or the last one when none is open.
     */
    private static Clock nextReply(Timeline timeline) {
        boolean replied = false;
        List<ClockEvent> cycle = null;
        Instant start = null;
        List<ClockEvent> last = List.of();
        Instant lastStart = null;
        for (Timeline.Happening h : timeline.happenings()) {
            if (h.type() == Timeline.Type.REQUESTER_MESSAGE && replied && cycle == null) {
                cycle = new ArrayList<>();
                cycle.add(ClockEvent.start(h.at()));
                start = h.at();
            } else if (h.type() == Timeline.Type.AGENT_REPLY || isStatus(h, DONE)) {
                if (h.type() == Timeline.Type.AGENT_REPLY) {
                    replied = true;
                }
                if (cycle != null) {
                    cycle.add(ClockEvent.stop(h.at()));
                    last = cycle;
                    lastStart = start;
                    cycle = null;
                    start = null;
                }
            }
        }
        return cycle != null ? new Clock(cycle, start) : new Clock(last, lastStart);
    }

    /** Runs from creation until solved or closed, paused while pending or on hold. */
    private static Clock pausable(Timeline timeline) {
        List<ClockEvent> events = new ArrayList<>();
        events.add(ClockEvent.start(timeline.created()));
        for (Timeline.Happening h : timeline.happenings()) {
            if (isStatus(h, WAITING)) {
                events.add(ClockEvent.pause(h.at()));
            } else if (isStatus(h, WORKING)) {
                events.add(ClockEvent.resume(h.at()));
            } else if (isStatus(h, DONE)) {
                events.add(ClockEvent.stop(h.at()));
                break;
            }
        }
        return new Clock(events, timeline.created());
    }

    private static boolean isStatus(Timeline.Happening h, Set<String> statuses) {
        return h.type() == Timeline.Type.STATUS && h.status() != null && statuses.contains(h.status());
    }
}
