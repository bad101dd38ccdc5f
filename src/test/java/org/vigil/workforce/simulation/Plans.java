package org.vigil.workforce.simulation;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Small plans for the tests: constant forecasts and schedules on half-hour intervals. */
final class Plans {

    static final double HALF_HOUR = 1800;

    private Plans() {
    }

    static List<Double> constant(int intervals, double expectedPerInterval) {
        return Collections.nCopies(intervals, expectedPerInterval);
    }

    static List<Integer> headcount(int intervals, int agents) {
        return Collections.nCopies(intervals, agents);
    }

    /**
     * One queue at a constant offered load of {@code erlangs}, served by one group of {@code agents} for
     * {@code intervals} half-hours.
     */
    static SimulationPlan singleQueue(int intervals, double erlangs, int agents, HandleTime handleTime,
                                      Patience patience, double targetSeconds) {
        double expected = erlangs / handleTime.meanSeconds() * HALF_HOUR;
        QueueSpec queue = new QueueSpec("queue", 0, constant(intervals, expected), targetSeconds, handleTime, patience);
        AgentGroup group = new AgentGroup("agents", Set.of("queue"), headcount(intervals, agents));
        return new SimulationPlan(HALF_HOUR, List.of(queue), List.of(group));
    }
}
