package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanValidationTest {

    private static QueueSpec queue(String name, Double... expected) {
        return new QueueSpec(name, 0, Arrays.asList(expected), 20, HandleTime.exponential(60), Patience.INFINITE);
    }

    private static AgentGroup group(String name, List<Integer> headcount, String... queues) {
        return new AgentGroup(name, Set.of(queues), headcount);
    }

    @Test
    void negativeNanOrInfiniteExpectedArrivalsAreRejectedWithTheQueueAndInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> queue("chat", 3.0, -1.0))
                .withMessage("queue 'chat': expectedArrivals[1] must be a finite number >= 0, was -1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> queue("chat", Double.NaN))
                .withMessage("queue 'chat': expectedArrivals[0] must be a finite number >= 0, was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> queue("chat", 1.0, Double.POSITIVE_INFINITY))
                .withMessageContaining("expectedArrivals[1]");
        assertThatIllegalArgumentException().isThrownBy(() -> queue("chat", 1.0, null))
                .withMessageContaining("expectedArrivals[1]");
        assertThatIllegalArgumentException().isThrownBy(() -> queue("chat"))
                .withMessage("queue 'chat': expectedArrivals must have at least one interval");
    }

    @Test
    void anEmptyScheduleIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> group("team", List.of(), "chat"))
                .withMessage("agent group 'team': headcount must have one entry per interval, was empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0)), List.of()))
                .withMessage("the plan must have at least one agent group (the schedule is empty)");
    }

    @Test
    void aQueueThatNoGroupServesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0), queue("email", 1.0)),
                        List.of(group("team", List.of(2), "chat"))))
                .withMessage("queue 'email' is not served by any agent group");
    }

    @Test
    void aGroupServingAnUndefinedQueueIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0)),
                        List.of(group("team", List.of(2), "chat", "voice"))))
                .withMessage("agent group 'team' serves queue 'voice', which the plan does not define");
    }

    @Test
    void mismatchedIntervalCountsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0, 2.0), queue("email", 1.0)),
                        List.of(group("team", List.of(2, 2), "chat", "email"))))
                .withMessage("queue 'email' forecasts 1 intervals, but queue 'chat' forecasts 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0, 2.0)),
                        List.of(group("team", List.of(2), "chat"))))
                .withMessage("agent group 'team': headcount has 1 intervals, but the forecasts have 2");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0), queue("chat", 1.0)),
                        List.of(group("team", List.of(2), "chat"))))
                .withMessage("queue 'chat' is defined more than once");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(queue("chat", 1.0)),
                        List.of(group("team", List.of(2), "chat"), group("team", List.of(1), "chat"))))
                .withMessage("agent group 'team' is defined more than once");
    }

    @Test
    void badHeadcountsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> group("team", List.of(3, -1), "chat"))
                .withMessage("agent group 'team': headcount[1] must be in [0, 1000000], was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> group("team", List.of(2_000_000), "chat"))
                .withMessageContaining("headcount[0]");
        assertThatIllegalArgumentException().isThrownBy(() -> group("team", List.of(1)))
                .withMessage("agent group 'team': queues must name at least one queue");
    }

    @Test
    void badIntervalLengthsAreRejected() {
        for (double seconds : new double[] {0, -1800, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SimulationPlan(seconds, List.of(queue("chat", 1.0)),
                            List.of(group("team", List.of(1), "chat"))))
                    .withMessageStartingWith("intervalSeconds must be a finite number > 0");
        }
    }

    @Test
    void badDistributionsAndTargetsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> HandleTime.exponential(0))
                .withMessage("exponential handle time meanSeconds must be a finite number > 0, was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> HandleTime.lognormal(Double.NaN, 0.5))
                .withMessageStartingWith("lognormal handle time meanSeconds");
        assertThatIllegalArgumentException().isThrownBy(() -> HandleTime.lognormal(300, -0.1))
                .withMessageStartingWith("lognormal handle time coefficientOfVariation");
        assertThatIllegalArgumentException().isThrownBy(() -> HandleTime.deterministic(Double.POSITIVE_INFINITY))
                .withMessageStartingWith("deterministic handle time seconds");
        assertThatIllegalArgumentException().isThrownBy(() -> Patience.exponential(-5))
                .withMessage("patience meanSeconds must be > 0 (or +Infinity), was -5.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Patience(Double.NaN))
                .withMessageStartingWith("patience meanSeconds must be > 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Patience.exponential(Double.POSITIVE_INFINITY))
                .withMessageContaining("Patience.INFINITE");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueueSpec("chat", 0, List.of(1.0), -1, HandleTime.exponential(60),
                        Patience.INFINITE))
                .withMessage("queue 'chat': targetAnswerSeconds must be a finite number >= 0, was -1.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueueSpec(" ", 0, List.of(1.0), 20, HandleTime.exponential(60),
                        Patience.INFINITE))
                .withMessage("queue name must not be blank");
    }

    @Test
    void emptyPlansNullPlansAndOversizedForecastsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800, List.of(), List.of(group("team", List.of(1), "chat"))))
                .withMessage("the plan must have at least one queue");
        assertThatIllegalArgumentException().isThrownBy(() -> Simulation.run(null, 1))
                .withMessage("plan must not be null");
        List<Double> huge = new ArrayList<>(List.of(6.0e7, 6.0e7));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimulationPlan(1800,
                        List.of(new QueueSpec("chat", 0, huge, 20, HandleTime.exponential(60), Patience.INFINITE)),
                        List.of(group("team", List.of(1, 1), "chat"))))
                .withMessageContaining("more than the 100000000 one run accepts");
    }
}
