package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.workforce.staffing.ErlangC;
import org.vigil.workforce.staffing.QueueMetrics;

/**
 * M/M/n with infinite patience against the closed forms of {@link ErlangC}.
 *
 * <p><b>Tolerance.</b> Each case runs {@value Replications#COUNT} independent replications (seeds 1000…1019) of
 * a constant-rate, constant-staffing horizon. Each replication gives one estimate per figure over its steady
 * window (warm-up of several relaxation times {@code AHT/(√n − √A)²} dropped at the front, the same at the
 * back so that every item in the window is resolved). The replication estimates are i.i.d., so
 * {@code mean ± t_{0.9995,19}·s/√20} is a 99.9% confidence interval for the long-run value, up to the
 * negligible start-up and ratio-estimator biases; the Erlang value must lie in it. To make sure the check has
 * power, the interval must also be narrow: half-width at most 0.02 for shares and 15% of the Erlang ASA (waits
 * near saturation are highly variable, and the run length buys precision only as its square root).
 */
class ErlangCAgreementTest {

    static Stream<Arguments> loads() {
        return Stream.of(
                // erlangs, agents, AHT s, target s, half-hours, steady window start
                Arguments.of(8.0, 10, 60.0, 20.0, 300, 20),
                Arguments.of(45.0, 50, 300.0, 20.0, 460, 20),
                Arguments.of(0.5, 2, 30.0, 10.0, 1200, 10));
    }

    @ParameterizedTest(name = "A = {0} Erlangs, n = {1} agents")
    @MethodSource("loads")
    void longRunServiceLevelWaitingAsaAndOccupancyMatchErlangC(double erlangs, int agents, double aht,
                                                                double target, int intervals, int warmup) {
        SimulationPlan plan = Plans.singleQueue(intervals, erlangs, agents, HandleTime.exponential(aht),
                Patience.INFINITE, target);
        Replications<SteadyState> runs = Replications.of(1000,
                seed -> SteadyState.of(Simulation.run(plan, seed), warmup, intervals - warmup));
        QueueMetrics erlangC = new ErlangC(erlangs, aht).evaluate(agents, target);

        Replications.Interval serviceLevel = runs.interval(SteadyState::serviceLevel);
        Replications.Interval waiting = runs.interval(SteadyState::probabilityOfWaiting);
        Replications.Interval asa = runs.interval(SteadyState::asaSeconds);
        Replications.Interval occupancy = runs.interval(SteadyState::occupancy);

        assertThat(serviceLevel.contains(erlangC.serviceLevel())).as("service level %s vs %s", serviceLevel,
                erlangC.serviceLevel()).isTrue();
        assertThat(waiting.contains(erlangC.probabilityOfWaiting())).as("P(wait) %s vs %s", waiting,
                erlangC.probabilityOfWaiting()).isTrue();
        assertThat(asa.contains(erlangC.asaSeconds())).as("ASA %s vs %s", asa, erlangC.asaSeconds()).isTrue();
        assertThat(occupancy.contains(erlangC.occupancy())).as("occupancy %s vs %s", occupancy,
                erlangC.occupancy()).isTrue();

        assertThat(serviceLevel.halfWidth()).isLessThan(0.02);
        assertThat(waiting.halfWidth()).isLessThan(0.02);
        assertThat(occupancy.halfWidth()).isLessThan(0.02);
        assertThat(asa.halfWidth()).isLessThan(0.15 * erlangC.asaSeconds());
        assertThat(runs.interval(SteadyState::unresolved).mean()).isZero();
    }
}
