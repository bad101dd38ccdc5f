package org.vigil.workforce.staffing;

import java.util.List;

/**
 * What a staffing profile does to a deferred-work queue.
 *
 * @param intervals       per-interval flow, in order
 * @param drainMinutes    minutes after the last interval until the remaining backlog is handled (the last
 *                        interval's agents keep working, no new arrivals); {@code +∞} if it never drains
 * @param maxDelayMinutes longest time any item waits from arrival to being handled, minutes (backlog present
 *                        at the start counts from the start); {@code +∞} if some item is never handled
 * @param slaMet          whether every item is handled within the SLA window
 * @param workloadHours   {@code (initial backlog + Σ arrivals) · AHT / 3600}, agent hours of handling
 */
public record DeferredOutcome(
        List<IntervalFlow> intervals,
        double drainMinutes,
        double maxDelayMinutes,
        boolean slaMet,
        double workloadHours) {

    public DeferredOutcome {
        intervals = List.copyOf(intervals);
    }
}
