package org.vigil.workforce.simulation;

import java.util.List;

/**
 * One queue of work: its forecast, priority, service-level target and the behaviour of its items.
 *
 * <p><b>Arrivals</b> form a non-homogeneous Poisson process whose rate is constant within each interval:
 * {@code expectedArrivals.get(i) / intervalSeconds} items per second during interval {@code i}. The number of
 * arrivals in interval {@code i} is therefore Poisson with mean {@code expectedArrivals.get(i)}, independently
 * across intervals.
 *
 * <p><b>Priority</b>: a free agent takes a waiting item from the highest-priority queue (largest
 * {@code priority} value) among the queues it serves that have items waiting; see {@link Simulation}.
 *
 * @param name                a non-blank name, unique within the plan; it also selects the queue's random
 *                            streams (see {@link Simulation})
 * @param priority            larger values are served first; any {@code int}
 * @param expectedArrivals    expected arrivals per interval, one entry per interval of the plan, each finite and
 *                            {@code ≥ 0} (fractional values allowed); at least one interval
 * @param targetAnswerSeconds service-level threshold: an item counts as answered in time when its wait is at
 *                            most this many seconds; finite and {@code ≥ 0}
 * @param handleTime          distribution of handling times
 * @param patience            patience of waiting items ({@link Patience#INFINITE}: they never abandon)
 */
public record QueueSpec(
        String name,
        int priority,
        List<Double> expectedArrivals,
        double targetAnswerSeconds,
        HandleTime handleTime,
        Patience patience) {

    public QueueSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        if (expectedArrivals == null || expectedArrivals.isEmpty()) {
            throw new IllegalArgumentException("queue '" + name + "': expectedArrivals must have at least one interval");
        }
        for (int i = 0; i < expectedArrivals.size(); i++) {
            Double expected = expectedArrivals.get(i);
            if (expected == null || !(expected >= 0) || expected.isInfinite()) {
                throw new IllegalArgumentException("queue '" + name + "': expectedArrivals[" + i
                        + "] must be a finite number >= 0, was " + expected);
            }
        }
        expectedArrivals = List.copyOf(expectedArrivals);
        if (!(targetAnswerSeconds >= 0) || Double.isInfinite(targetAnswerSeconds)) {
            throw new IllegalArgumentException("queue '" + name + "': targetAnswerSeconds must be a finite number >= 0,"
                    + " was " + targetAnswerSeconds);
        }
        if (handleTime == null) {
            throw new IllegalArgumentException("queue '" + name + "': handleTime must not be null");
        }
        if (patience == null) {
            throw new IllegalArgumentException("queue '" + name + "': patience must not be null");
        }
    }

    /** Number of intervals of the forecast. */
    public int intervals() {
        return expectedArrivals.size();
    }
}
