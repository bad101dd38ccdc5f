package org.vigil.workforce.simulation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one simulation run needs apart from the seed: the interval grid, the queues and the agent groups.
 *
 * <p>The horizon is {@code [0, intervals·intervalSeconds)}, starting empty (no items waiting, no agent busy).
 * Interval {@code i} is {@code [i·intervalSeconds, (i + 1)·intervalSeconds)}.
 *
 * <p>Checks, each failing with an {@link IllegalArgumentException} that names the offending queue or group:
 * at least one queue and one agent group; unique queue names and unique group names; every forecast and every
 * headcount schedule covers the same number of intervals; every queue a group names exists; every queue is
 * served by at least one group; and at most {@value #MAX_EXPECTED_ARRIVALS} expected arrivals in total.
 *
 * @param intervalSeconds length of one interval, seconds, finite and {@code > 0} (1800 for half-hours)
 * @param queues          the queues, in the order the result reports them
 * @param groups          the agent groups; their order is also the routing preference for arriving items (see
 *                        {@link Simulation})
 */
public record SimulationPlan(double intervalSeconds, List<QueueSpec> queues, List<AgentGroup> groups) {

    /** Largest total of expected arrivals accepted, which bounds the run time and memory of one run. */
    public static final double MAX_EXPECTED_ARRIVALS = 1.0e8;

    public SimulationPlan {
        if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
            throw new IllegalArgumentException("intervalSeconds must be a finite number > 0, was " + intervalSeconds);
        }
        if (queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("the plan must have at least one queue");
        }
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("the plan must have at least one agent group (the schedule is empty)");
        }
        queues = List.copyOf(queues);
        groups = List.copyOf(groups);
        int intervals = queues.get(0).intervals();
        Set<String> queueNames = new HashSet<>();
        double expectedTotal = 0;
        for (QueueSpec queue : queues) {
            if (!queueNames.add(queue.name())) {
                throw new IllegalArgumentException("queue '" + queue.name() + "' is defined more than once");
            }
            if (queue.intervals() != intervals) {
                throw new IllegalArgumentException("queue '" + queue.name() + "' forecasts " + queue.intervals()
                        + " intervals, but queue '" + queues.get(0).name() + "' forecasts " + intervals);
            }
            for (double expected : queue.expectedArrivals()) {
                expectedTotal += expected;
            }
        }
        if (!(expectedTotal <= MAX_EXPECTED_ARRIVALS)) {
            throw new IllegalArgumentException("expected arrivals total " + expectedTotal + ", more than the "
                    + (long) MAX_EXPECTED_ARRIVALS + " one run accepts");
        }
        Set<String> groupNames = new HashSet<>();
        Set<String> served = new HashSet<>();
        for (AgentGroup group : groups) {
            if (!groupNames.add(group.name())) {
                throw new IllegalArgumentException("agent group '" + group.name() + "' is defined more than once");
            }
            if (group.headcount().size() != intervals) {
                throw new IllegalArgumentException("agent group '" + group.name() + "': headcount has "
                        + group.headcount().size() + " intervals, but the forecasts have " + intervals);
            }
            for (String queue : new TreeSet<>(group.queues())) {
                if (!queueNames.contains(queue)) {
                    throw new IllegalArgumentException("agent group '" + group.name() + "' serves queue '" + queue
                            + "', which the plan does not define");
                }
            }
            served.addAll(group.queues());
        }
        for (QueueSpec queue : queues) {
            if (!served.contains(queue.name())) {
                throw new IllegalArgumentException("queue '" + queue.name() + "' is not served by any agent group");
            }
        }
        if (Double.isInfinite(intervals * intervalSeconds)) {
            throw new IllegalArgumentException("the horizon intervals × intervalSeconds must be finite");
        }
    }

    /** Number of intervals in the horizon. */
    public int intervals() {
        return queues.get(0).intervals();
    }

    /** End of the horizon, {@code intervals · intervalSeconds}, seconds. */
    public double horizonSeconds() {
        return intervals() * intervalSeconds;
    }
}
