package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Staffing schedules, with deterministic handling so that agent behaviour can be predicted exactly: an agent
 * that always has work and handles every item in {@code d} seconds starts {@code intervalSeconds / d} items per
 * interval, back to back.
 */
class ScheduleTest {

    private static SimulationPlan singleQueue(List<Double> expected, List<Integer> headcount, HandleTime handleTime) {
        QueueSpec queue = new QueueSpec("reviews", 0, expected, 20, handleTime, Patience.INFINITE);
        AgentGroup group = new AgentGroup("reviewers", Set.of("reviews"), headcount);
        return new SimulationPlan(Plans.HALF_HOUR, List.of(queue), List.of(group));
    }

    @Test
    void withNoAgentsTheBacklogGrowsByEveryArrivalAndDrainsOnceAgentsReturn() {
        SimulationPlan plan = singleQueue(List.of(100.0, 100.0, 30.0, 30.0, 30.0, 30.0), List.of(0, 0, 5, 20, 20, 20),
                HandleTime.deterministic(60));
        SimulationResult result = Simulation.run(plan, 42);
        QueueOutcome queue = result.queue("reviews");
        GroupOutcome group = result.group("reviewers");

        long first = queue.interval(0).arrivals();
        long second = queue.interval(1).arrivals();
        assertThat(queue.interval(0).waitingAtEnd()).isEqualTo(first);
        assertThat(queue.interval(1).waitingAtEnd()).isEqualTo(first + second);
        assertThat(queue.interval(0).delayed()).isEqualTo(first);
        assertThat(queue.interval(1).delayed()).isEqualTo(second);
        assertThat(group.interval(0).busyAgentSeconds()).isZero();
        assertThat(group.interval(1).onDutyAgentSeconds()).isZero();

        // 5 agents × 1800 s / 60 s = 150 items started back to back, since more than 150 are waiting.
        assertThat(first + second).isGreaterThan(150);
        long third = queue.interval(2).arrivals();
        assertThat(queue.interval(2).waitingAtEnd()).isEqualTo(first + second + third - 150);
        assertThat(group.interval(2).busyAgentSeconds()).isCloseTo(5 * 1800.0, within(1e-6));
        assertThat(group.interval(2).occupancy()).isCloseTo(1.0, within(1e-12));

        assertThat(queue.interval(5).waitingAtEnd()).isZero();
        assertThat(queue.total().waitingAtEnd()).isZero();
        assertThat(group.interval(5).occupancy()).isLessThan(0.5);
    }

    @Test
    void itemsAreAttributedToTheIntervalTheyArrivedInEvenWhenAnsweredLater() {
        SimulationPlan plan = singleQueue(List.of(100.0, 100.0, 30.0, 30.0, 30.0, 30.0), List.of(0, 0, 5, 20, 20, 20),
                HandleTime.deterministic(60));
        QueueOutcome queue = Simulation.run(plan, 42).queue("reviews");

        // Nobody works in the first hour, yet its items are answered later and counted there, all too late.
        for (int i = 0; i < 2; i++) {
            QueueStatistics interval = queue.interval(i);
            assertThat(interval.answered()).isEqualTo(interval.arrivals());
            assertThat(interval.answeredWithinTarget()).isZero();
            assertThat(interval.serviceLevel()).isZero();
        }
        assertThat(queue.interval(0).averageWaitSeconds()).isGreaterThan(1800);
    }

    @Test
    void agentsWhoseShiftEndsFinishTheirItemAsOvertimeAndTakeNoNewOne() {
        SimulationPlan plan = singleQueue(List.of(500.0, 50.0, 0.0), List.of(4, 0, 0), HandleTime.deterministic(1000));
        SimulationResult result = Simulation.run(plan, 7);
        QueueOutcome queue = result.queue("reviews");
        GroupOutcome group = result.group("reviewers");

        // The four agents start items at 0+, ~1000 and so are busy at 1800 until about 2000: overtime.
        GroupStatistics afterCut = group.interval(1);
        assertThat(afterCut.scheduledAgentSeconds()).isZero();
        assertThat(afterCut.overtimeAgentSeconds()).isPositive().isLessThan(4 * 1000.0);
        assertThat(afterCut.busyAgentSeconds()).isCloseTo(afterCut.overtimeAgentSeconds(), within(1e-6));
        assertThat(afterCut.occupancy()).isCloseTo(1.0, within(1e-9));
        assertThat(queue.interval(1).waitingAtEnd())
                .isEqualTo(queue.interval(0).waitingAtEnd() + queue.interval(1).arrivals());
        assertThat(group.interval(2).onDutyAgentSeconds()).isZero();
        assertThat(queue.completed()).isEqualTo(8);
        assertThat(queue.inServiceAtEnd()).isZero();
    }

    @Test
    void aHeadcountRiseCancelsPendingDeparturesBeforeAddingAgents() {
        SimulationPlan plan = singleQueue(List.of(1000.0, 0.0, 0.0), List.of(3, 1, 3), HandleTime.deterministic(4000));
        GroupOutcome group = Simulation.run(plan, 3).group("reviewers");

        // All three are busy from 0+ to 4000+: after the cut two of them are pending departures for the whole of
        // the second interval, and at 3600 the rise back to three keeps them instead of adding new agents.
        assertThat(group.interval(1).busyAgentSeconds()).isCloseTo(3 * 1800.0, within(1e-6));
        assertThat(group.interval(1).overtimeAgentSeconds()).isCloseTo(2 * 1800.0, within(1e-6));
        assertThat(group.interval(2).overtimeAgentSeconds()).isZero();
        assertThat(group.interval(2).busyAgentSeconds()).isCloseTo(3 * 1800.0, within(1e-6));
    }

    @Test
    void idleAgentsLeaveAtOnceWhenTheHeadcountFalls() {
        SimulationPlan plan = singleQueue(List.of(0.0, 1.0, 1.0), List.of(10, 2, 2), HandleTime.deterministic(30));
        GroupOutcome group = Simulation.run(plan, 5).group("reviewers");

        assertThat(group.total().overtimeAgentSeconds()).isZero();
        assertThat(group.interval(1).onDutyAgentSeconds()).isEqualTo(2 * 1800.0);
    }

    @Test
    void aPlanWithNothingToDoReportsIdleAgentsAndAPerfectServiceLevel() {
        SimulationPlan plan = singleQueue(List.of(0.0, 0.0), List.of(3, 3), HandleTime.exponential(60));
        SimulationResult result = Simulation.run(plan, 1);

        QueueStatistics total = result.queue("reviews").total();
        assertThat(total.arrivals()).isZero();
        assertThat(total.serviceLevel()).isEqualTo(1.0);
        assertThat(total.averageWaitSeconds()).isZero();
        assertThat(result.group("reviewers").total().occupancy()).isZero();
        assertThat(result.occupancy(0)).isZero();
    }
}
