package org.vigil.workforce.simulation;

import java.util.List;

/**
 * Figures of one simulation run, per queue and per agent group, each per interval and in total. Two runs of
 * the same plan with the same seed give equal results.
 *
 * @param seed            the seed of the run
 * @param intervalSeconds interval length of the plan, seconds
 * @param queues          one outcome per queue, in plan order
 * @param groups          one outcome per agent group, in plan order
 */
public record SimulationResult(long seed, double intervalSeconds, List<QueueOutcome> queues, List<GroupOutcome> groups) {

    public SimulationResult {
        queues = List.copyOf(queues);
        groups = List.copyOf(groups);
    }

    /** The outcome of the queue called {@code name}. */
    public QueueOutcome queue(String name) {
        for (QueueOutcome queue : queues) {
            if (queue.name().equals(name)) {
                return queue;
            }
        }
        throw new IllegalArgumentException("no queue named '" + name + "'");
    }

    /** The outcome of the agent group called {@code name}. */
    public GroupOutcome group(String name) {
        for (GroupOutcome group : groups) {
            if (group.name().equals(name)) {
                return group;
            }
        }
        throw new IllegalArgumentException("no agent group named '" + name + "'");
    }

    /** Occupancy of all groups together in interval {@code index}: total busy over total on-duty agent time. */
    public double occupancy(int index) {
        double busy = 0;
        double onDuty = 0;
        for (GroupOutcome group : groups) {
            busy += group.interval(index).busyAgentSeconds();
            onDuty += group.interval(index).onDutyAgentSeconds();
        }
        return onDuty == 0 ? 0.0 : Math.min(1.0, busy / onDuty);
    }
}
