package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One agent with non-exponential handling (M/G/1) against the Pollaczek–Khinchine formula: mean wait
 * {@code λ·E[S²] / (2(1 − ρ))} with {@code E[S²] = mean²·(1 + CV²)}, probability of waiting and occupancy
 * {@code ρ = λ·mean}. Tolerance as in {@link ErlangCAgreementTest}: the formula's value must lie in the 99.9%
 * t interval of 20 independent replications, whose half-width must be at most 0.02 for shares and 15% of the
 * expected wait.
 */
class PollaczekKhinchineTest {

    static Stream<Arguments> handling() {
        return Stream.of(
                Arguments.of(HandleTime.deterministic(60), 0.0),
                Arguments.of(HandleTime.lognormal(60, 0.5), 0.5),
                Arguments.of(HandleTime.lognormal(60, 1.5), 1.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handling")
    void singleAgentWaitsAsPollaczekKhinchinePredicts(HandleTime handleTime, double cv) {
        double rho = 0.7;
        int intervals = 400;
        int warmup = 10;
        SimulationPlan plan = Plans.singleQueue(intervals, rho, 1, handleTime, Patience.INFINITE, 20);
        Replications<SteadyState> runs = Replications.of(3000,
                seed -> SteadyState.of(Simulation.run(plan, seed), warmup, intervals - warmup));
        double mean = handleTime.meanSeconds();
        double lambda = rho / mean;
        double expectedWait = lambda * mean * mean * (1 + cv * cv) / (2 * (1 - rho));

        Replications.Interval wait = runs.interval(SteadyState::asaSeconds);
        Replications.Interval waiting = runs.interval(SteadyState::probabilityOfWaiting);
        Replications.Interval occupancy = runs.interval(SteadyState::occupancy);
        assertThat(wait.contains(expectedWait)).as("wait %s vs %s", wait, expectedWait).isTrue();
        assertThat(waiting.contains(rho)).as("P(wait) %s vs %s", waiting, rho).isTrue();
        assertThat(occupancy.contains(rho)).as("occupancy %s vs %s", occupancy, rho).isTrue();
        assertThat(wait.halfWidth()).isLessThan(0.15 * expectedWait);
        assertThat(waiting.halfWidth()).isLessThan(0.02);
        assertThat(occupancy.halfWidth()).isLessThan(0.02);
    }
}
