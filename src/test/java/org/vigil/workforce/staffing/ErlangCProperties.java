package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ErlangCProperties {

    @Property
    void moreAgentsNeverLowerServiceLevelNorRaiseAsa(
            @ForAll @DoubleRange(min = 0.01, max = 2000) double erlangs,
            @ForAll @DoubleRange(min = 5, max = 3600) double aht,
            @ForAll @DoubleRange(min = 0, max = 600) double answerSeconds,
            @ForAll @IntRange(min = 0, max = 200) int extra) {
        ErlangC queue = new ErlangC(erlangs, aht);
        int agents = (int) Math.floor(erlangs) + extra;

        QueueMetrics fewer = queue.evaluate(agents, answerSeconds);
        QueueMetrics more = queue.evaluate(agents + 1, answerSeconds);

        assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(fewer.serviceLevel() - 1e-14);
        assertThat(more.asaSeconds()).isLessThanOrEqualTo(fewer.asaSeconds());
        assertThat(more.probabilityOfWaiting()).isLessThanOrEqualTo(fewer.probabilityOfWaiting() + 1e-14);
    }

    @Property
    void figuresAreProbabilitiesAndNeverUndefined(
            @ForAll @DoubleRange(min = 0, max = 10_000) double erlangs,
            @ForAll @DoubleRange(min = 1, max = 7200) double aht,
            @ForAll @DoubleRange(min = 0, max = 3600) double answerSeconds,
            @ForAll @IntRange(min = 0, max = 12_000) int agents) {
        QueueMetrics metrics = new ErlangC(erlangs, aht).evaluate(agents, answerSeconds);

        assertThat(metrics.probabilityOfWaiting()).isBetween(0.0, 1.0);
        assertThat(metrics.serviceLevel()).isBetween(0.0, 1.0);
        assertThat(metrics.occupancy()).isBetween(0.0, 1.0);
        assertThat(metrics.asaSeconds()).isNotNaN().isNotNegative();
        if (agents > erlangs) {
            assertThat(metrics.stable()).isTrue();
            assertThat(metrics.asaSeconds()).isFinite();
        } else if (erlangs > 0) {
            assertThat(metrics.stable()).isFalse();
        }
    }

    @Property
    void requiredAgentsMeetEveryTargetAndOneFewerDoNot(
            @ForAll @DoubleRange(min = 0.01, max = 10_000) double erlangs,
            @ForAll @DoubleRange(min = 5, max = 3600) double aht,
            @ForAll @DoubleRange(min = 0, max = 300) double answerSeconds,
            @ForAll @DoubleRange(min = 0, max = 0.999) @Scale(4) double serviceLevel,
            @ForAll @DoubleRange(min = 0.3, max = 1) double maxOccupancy) {
        ErlangC queue = new ErlangC(erlangs, aht);
        ServiceTarget target = ServiceTarget.of(serviceLevel, answerSeconds).withMaxOccupancy(maxOccupancy);

        QueueMetrics required = queue.requiredAgents(target);

        assertThat(target.isMetBy(required)).isTrue();
        assertThat(required.agents()).isGreaterThan((int) Math.floor(erlangs));
        assertThat(target.isMetBy(queue.evaluate(required.agents() - 1, answerSeconds))).isFalse();
        assertThat(queue.evaluate(required.agents(), answerSeconds)).isEqualTo(required);
    }

    @Property
    void warmStartedRecursionEqualsTheFullRecursion(
            @ForAll @DoubleRange(min = 0.01, max = 20_000) double erlangs,
            @ForAll @IntRange(min = -300, max = 300) int offset) {
        int agents = Math.max(0, (int) Math.round(erlangs) + offset);
        ErlangBRecursion full = ErlangBRecursion.fromZero(erlangs);
        full.advanceTo(agents);

        double warm = ErlangBRecursion.positionedAt(erlangs, agents).blocking();

        assertThat(warm).isCloseTo(full.blocking(), within(1e-12 * full.blocking() + Double.MIN_NORMAL));
    }
}
