package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final int INTERVALS = 48;

    private static QueueSpec queue(String name, int priority, double expected, Patience patience) {
        List<Double> forecast = new ArrayList<>();
        for (int i = 0; i < INTERVALS; i++) {
            forecast.add(expected * (0.5 + Math.sin(Math.PI * i / INTERVALS)));
        }
        return new QueueSpec(name, priority, forecast, 30, HandleTime.lognormal(240, 0.9), patience);
    }

    private static AgentGroup group(String name, int agents, String... queues) {
        return new AgentGroup(name, Set.of(queues), Plans.headcount(INTERVALS, agents));
    }

    private static SimulationPlan dayPlan() {
        return new SimulationPlan(Plans.HALF_HOUR,
                List.of(queue("reports", 2, 200, Patience.exponential(600)),
                        queue("appeals", 1, 80, Patience.INFINITE)),
                List.of(group("specialists", 30, "reports", "appeals"), group("appeals-team", 8, "appeals")));
    }

    @Test
    void theSameSeedGivesIdenticalResults() {
        SimulationPlan plan = dayPlan();

        assertThat(Simulation.run(plan, 99)).isEqualTo(Simulation.run(plan, 99));
    }

    @Test
    void differentSeedsGiveDifferentResults() {
        SimulationPlan plan = dayPlan();
        SimulationResult first = Simulation.run(plan, 99);
        SimulationResult second = Simulation.run(plan, 100);

        assertThat(first.queue("reports").intervals()).isNotEqualTo(second.queue("reports").intervals());
        assertThat(first.queue("appeals").total().arrivals()).isNotEqualTo(second.queue("appeals").total().arrivals());
    }

    @Test
    void addingOrReorderingQueuesLeavesAnotherQueuesArrivalsUnchanged() {
        SimulationPlan base = dayPlan();
        SimulationPlan extended = new SimulationPlan(Plans.HALF_HOUR,
                List.of(queue("chat", 3, 150, Patience.exponential(120)), base.queues().get(1), base.queues().get(0)),
                List.of(group("chat-team", 10, "chat", "reports"), base.groups().get(0), base.groups().get(1)));

        SimulationResult before = Simulation.run(base, 5);
        SimulationResult after = Simulation.run(extended, 5);

        for (String name : List.of("reports", "appeals")) {
            for (int i = 0; i < INTERVALS; i++) {
                assertThat(after.queue(name).interval(i).arrivals())
                        .isEqualTo(before.queue(name).interval(i).arrivals());
            }
        }
    }

    @Test
    void aQueueWithItsOwnAgentsIsUnaffectedByAnotherQueueBeingAdded() {
        SimulationPlan alone = new SimulationPlan(Plans.HALF_HOUR,
                List.of(queue("reports", 2, 200, Patience.exponential(600))),
                List.of(group("specialists", 25, "reports")));
        SimulationPlan together = new SimulationPlan(Plans.HALF_HOUR,
                List.of(queue("appeals", 9, 80, Patience.INFINITE), queue("reports", 2, 200, Patience.exponential(600))),
                List.of(group("appeals-team", 8, "appeals"), group("specialists", 25, "reports")));

        assertThat(Simulation.run(together, 17).queue("reports")).isEqualTo(Simulation.run(alone, 17).queue("reports"));
    }

    @Test
    void changingStaffingKeepsTheSameArrivalsSoWhatIfRunsCompareLikeWithLike() {
        SimulationPlan plan = dayPlan();
        SimulationPlan fewer = new SimulationPlan(Plans.HALF_HOUR, plan.queues(),
                List.of(group("specialists", 20, "reports", "appeals"), group("appeals-team", 4, "appeals")));

        SimulationResult base = Simulation.run(plan, 23);
        SimulationResult understaffed = Simulation.run(fewer, 23);

        assertThat(understaffed.queue("reports").total().arrivals())
                .isEqualTo(base.queue("reports").total().arrivals());
        assertThat(understaffed.queue("reports").total().averageWaitSeconds())
                .isGreaterThan(base.queue("reports").total().averageWaitSeconds());
    }
}
