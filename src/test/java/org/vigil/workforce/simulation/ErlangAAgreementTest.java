package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.workforce.staffing.ErlangA;
import org.vigil.workforce.staffing.QueueMetrics;

/**
 * M/M/n+M (exponential patience) against {@link ErlangA}, including a case with fewer agents than Erlangs,
 * which is stable only because items abandon. Tolerances as in {@link ErlangCAgreementTest}: the Erlang A
 * value must lie in the 99.9% t interval of 20 independent replications, and the interval must be narrow
 * (half-width at most 0.02 for shares, 15% of the Erlang ASA).
 */
class ErlangAAgreementTest {

    static Stream<Arguments> loads() {
        return Stream.of(
                // erlangs, agents, AHT s, patience s, target s, half-hours, steady window start
                Arguments.of(8.0, 10, 60.0, 120.0, 20.0, 200, 10),
                Arguments.of(45.0, 48, 300.0, 180.0, 20.0, 150, 10),
                Arguments.of(12.0, 10, 120.0, 240.0, 30.0, 300, 10));
    }

    @ParameterizedTest(name = "A = {0} Erlangs, n = {1} agents, patience {3} s")
    @MethodSource("loads")
    void longRunFiguresIncludingAbandonmentMatchErlangA(double erlangs, int agents, double aht, double patience,
                                                        double target, int intervals, int warmup) {
        SimulationPlan plan = Plans.singleQueue(intervals, erlangs, agents, HandleTime.exponential(aht),
                Patience.exponential(patience), target);
        Replications<SteadyState> runs = Replications.of(2000,
                seed -> SteadyState.of(Simulation.run(plan, seed), warmup, intervals - warmup));
        QueueMetrics erlangA = new ErlangA(erlangs, aht, patience).evaluate(agents, target);

        Replications.Interval serviceLevel = runs.interval(SteadyState::serviceLevel);
        Replications.Interval waiting = runs.interval(SteadyState::probabilityOfWaiting);
        Replications.Interval asa = runs.interval(SteadyState::asaSeconds);
        Replications.Interval occupancy = runs.interval(SteadyState::occupancy);
        Replications.Interval abandonment = runs.interval(SteadyState::abandonment);

        assertThat(serviceLevel.contains(erlangA.serviceLevel())).as("service level %s vs %s", serviceLevel,
                erlangA.serviceLevel()).isTrue();
        assertThat(waiting.contains(erlangA.probabilityOfWaiting())).as("P(wait) %s vs %s", waiting,
                erlangA.probabilityOfWaiting()).isTrue();
        assertThat(asa.contains(erlangA.asaSeconds())).as("ASA %s vs %s", asa, erlangA.asaSeconds()).isTrue();
        assertThat(occupancy.contains(erlangA.occupancy())).as("occupancy %s vs %s", occupancy,
                erlangA.occupancy()).isTrue();
        assertThat(abandonment.contains(erlangA.abandonment())).as("abandonment %s vs %s", abandonment,
                erlangA.abandonment()).isTrue();

        assertThat(serviceLevel.halfWidth()).isLessThan(0.02);
        assertThat(waiting.halfWidth()).isLessThan(0.02);
        assertThat(occupancy.halfWidth()).isLessThan(0.02);
        assertThat(abandonment.halfWidth()).isLessThan(0.02);
        assertThat(asa.halfWidth()).isLessThan(0.15 * erlangA.asaSeconds());
    }
}
