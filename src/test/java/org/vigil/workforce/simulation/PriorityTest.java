package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityTest {

    private static final int INTERVALS = 200;

    private static SimulationPlan twoQueuesSharingOnePool(int urgentPriority, int routinePriority, int agents) {
        QueueSpec urgent = new QueueSpec("urgent", urgentPriority, Plans.constant(INTERVALS, 120), 20,
                HandleTime.exponential(60), Patience.INFINITE);
        QueueSpec routine = new QueueSpec("routine", routinePriority, Plans.constant(INTERVALS, 120), 20,
                HandleTime.exponential(60), Patience.INFINITE);
        AgentGroup pool = new AgentGroup("pool", Set.of("urgent", "routine"), Plans.headcount(INTERVALS, agents));
        return new SimulationPlan(Plans.HALF_HOUR, List.of(urgent, routine), List.of(pool));
    }

    @Test
    void highPriorityItemsWaitLessThanLowPriorityItemsSharingTheSameAgents() {
        SimulationResult result = Simulation.run(twoQueuesSharingOnePool(5, 1, 9), 11);

        QueueStatistics urgent = result.queue("urgent").total();
        QueueStatistics routine = result.queue("routine").total();
        assertThat(urgent.averageWaitSeconds()).isLessThan(routine.averageWaitSeconds() / 3);
        assertThat(urgent.serviceLevel()).isGreaterThan(routine.serviceLevel());
        assertThat(urgent.maxWaitSeconds()).isLessThan(routine.maxWaitSeconds());
    }

    @Test
    void swappingThePrioritiesSwapsWhoWaits() {
        SimulationResult result = Simulation.run(twoQueuesSharingOnePool(1, 5, 9), 11);

        assertThat(result.queue("routine").total().averageWaitSeconds())
                .isLessThan(result.queue("urgent").total().averageWaitSeconds() / 3);
    }

    @Test
    void withEnoughAgentsNobodyWaitsWhateverTheirPriority() {
        SimulationResult result = Simulation.run(twoQueuesSharingOnePool(5, 1, 40), 11);

        for (QueueOutcome queue : result.queues()) {
            assertThat(queue.total().arrivals()).isPositive();
            assertThat(queue.total().delayed()).isZero();
            assertThat(queue.total().maxWaitSeconds()).isZero();
            assertThat(queue.total().serviceLevel()).isEqualTo(1.0);
        }
    }

    /**
     * With equal priorities the pool serves both queues first come, first served across queues, so identical
     * queues see the same waits: the 99.9% t interval of the difference in mean wait over 20 replications
     * contains 0 (and is narrow compared with the waits themselves).
     */
    @Test
    void queuesOfEqualPriorityAreServedInArrivalOrderAcrossQueues() {
        SimulationPlan plan = twoQueuesSharingOnePool(3, 3, 9);
        Replications<SimulationResult> runs = Replications.of(500, seed -> Simulation.run(plan, seed));

        Replications.Interval difference = runs.interval(result -> result.queue("urgent").total()
                .averageWaitSeconds() - result.queue("routine").total().averageWaitSeconds());
        Replications.Interval wait = runs.interval(result -> result.queue("urgent").total().averageWaitSeconds());
        assertThat(difference.contains(0.0)).as("difference %s", difference).isTrue();
        assertThat(difference.halfWidth()).isLessThan(0.1 * wait.mean());
    }
}
