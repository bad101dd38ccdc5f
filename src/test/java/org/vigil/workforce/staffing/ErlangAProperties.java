package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ErlangAProperties {

    @Property(tries = 300)
    void withPatienceTendingToInfinityEveryFigureEqualsErlangC(
            @ForAll @DoubleRange(min = 0.01, max = 1000) double erlangs,
            @ForAll @DoubleRange(min = 5, max = 3600) double aht,
            @ForAll @DoubleRange(min = 0, max = 300) double answerSeconds,
            @ForAll @IntRange(min = 1, max = 60) int extra) {
        int agents = (int) Math.floor(erlangs) + extra;
        if (agents - erlangs < 0.05) {
            agents++;
        }
        QueueMetrics erlangC = new ErlangC(erlangs, aht).evaluate(agents, answerSeconds);

        // Finite patience shifts the figures by about θ·E[Q²]/(nμ) relative; next to saturation (n − A = 0.05,
        // n ≈ 1,000) queues run to tens of thousands, so patience must be far beyond 10^14 AHT for that shift
        // to fall below the 10^-9 compared here. 10^20 AHT leaves it under 10^-11.
        QueueMetrics erlangA = new ErlangA(erlangs, aht, 1e20 * aht).evaluate(agents, answerSeconds);

        assertRelativelyClose(erlangA.serviceLevel(), erlangC.serviceLevel());
        assertRelativelyClose(erlangA.probabilityOfWaiting(), erlangC.probabilityOfWaiting());
        assertRelativelyClose(erlangA.asaSeconds(), erlangC.asaSeconds());
        assertRelativelyClose(erlangA.occupancy(), erlangC.occupancy());
        assertThat(erlangA.abandonment()).isLessThan(1e-9);
    }

    private static void assertRelativelyClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-300));
    }

    @Property(tries = 300)
    void moreAgentsNeverLowerServiceLevelNorRaiseAsaOrAbandonment(
            @ForAll @DoubleRange(min = 0.01, max = 500) double erlangs,
            @ForAll @DoubleRange(min = 5, max = 1800) double aht,
            @ForAll @DoubleRange(min = 1, max = 1800) double patience,
            @ForAll @DoubleRange(min = 0, max = 300) double answerSeconds,
            @ForAll @IntRange(min = 0, max = 600) int agents) {
        ErlangA queue = new ErlangA(erlangs, aht, patience);

        QueueMetrics fewer = queue.evaluate(agents, answerSeconds);
        QueueMetrics more = queue.evaluate(agents + 1, answerSeconds);

        assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(fewer.serviceLevel() - 1e-12);
        assertThat(more.asaSeconds()).isLessThanOrEqualTo(fewer.asaSeconds() * (1 + 1e-12) + 1e-300);
        assertThat(more.abandonment()).isLessThanOrEqualTo(fewer.abandonment() + 1e-12);
    }

    @Property(tries = 300)
    void figuresAreProbabilitiesAndFinite(
            @ForAll @DoubleRange(min = 0, max = 10_000) double erlangs,
            @ForAll @DoubleRange(min = 1, max = 3600) double aht,
            @ForAll @DoubleRange(min = 1, max = 3600) double patience,
            @ForAll @DoubleRange(min = 0, max = 3600) double answerSeconds,
            @ForAll @IntRange(min = 0, max = 12_000) int agents) {
        // the documented domain: standing queues below a million items (arrivals per second × patience)
        Assume.that(erlangs / aht * patience <= 1e6);
        QueueMetrics metrics = new ErlangA(erlangs, aht, patience).evaluate(agents, answerSeconds);

        assertThat(metrics.probabilityOfWaiting()).isBetween(0.0, 1.0);
        assertThat(metrics.serviceLevel()).isBetween(0.0, 1.0);
        assertThat(metrics.abandonment()).isBetween(0.0, 1.0);
        assertThat(metrics.occupancy()).isBetween(0.0, 1.0);
        assertThat(metrics.asaSeconds()).isFinite().isNotNegative();
        assertThat(metrics.serviceLevel()).isLessThanOrEqualTo(1 - metrics.abandonment() + 1e-12);
        assertThat(metrics.stable()).isTrue();
    }

    @Property(tries = 150)
    void requiredAgentsMeetEveryTargetAndOneFewerDoNot(
            @ForAll @DoubleRange(min = 0.05, max = 300) double erlangs,
            @ForAll @DoubleRange(min = 10, max = 1800) double aht,
            @ForAll @DoubleRange(min = 5, max = 1800) double patience,
            @ForAll @DoubleRange(min = 0, max = 120) double answerSeconds,
            @ForAll @DoubleRange(min = 0, max = 0.99) double serviceLevel,
            @ForAll @DoubleRange(min = 0.01, max = 1) double maxAbandonment,
            @ForAll @DoubleRange(min = 0.5, max = 1) double maxOccupancy) {
        ErlangA queue = new ErlangA(erlangs, aht, patience);
        ServiceTarget target = ServiceTarget.of(serviceLevel, answerSeconds)
                .withMaxAbandonment(maxAbandonment)
                .withMaxOccupancy(maxOccupancy);

        QueueMetrics required = queue.requiredAgents(target);

        assertThat(required.agents()).isPositive();
        assertThat(target.isMetBy(required)).isTrue();
        if (required.agents() > 1) {
            // a positive load always gets at least one agent, so 0 agents is not a candidate
            assertThat(target.isMetBy(queue.evaluate(required.agents() - 1, answerSeconds))).isFalse();
        }
        assertThat(queue.evaluate(required.agents(), answerSeconds)).isEqualTo(required);
    }
}
