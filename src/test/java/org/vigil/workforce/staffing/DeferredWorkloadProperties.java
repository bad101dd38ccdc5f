package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DeferredWorkloadProperties {

    @Property(tries = 300)
    void requiredAgentsMeetTheSlaAndOneFewerDoNot(
            @ForAll @Size(min = 1, max = 48) List<@DoubleRange(min = 0, max = 500) Double> arrivals,
            @ForAll @IntRange(min = 5, max = 60) int intervalMinutes,
            @ForAll @DoubleRange(min = 30, max = 3600) double aht,
            @ForAll @DoubleRange(min = 5, max = 1440) double slaMinutes,
            @ForAll @DoubleRange(min = 0.5, max = 1) double maxOccupancy,
            @ForAll @DoubleRange(min = 0, max = 1000) double backlog) {
        DeferredWorkload work = new DeferredWorkload(arrivals, intervalMinutes, aht, slaMinutes, maxOccupancy, backlog);

        DeferredPlan plan = work.requiredAgents();

        assertThat(plan.outcome().slaMet()).isTrue();
        assertThat(plan.outcome().maxDelayMinutes()).isLessThanOrEqualTo(slaMinutes * (1 + 1e-9) + 1e-9);
        if (plan.agents() > 0) {
            assertThat(work.simulate(plan.agents() - 1).slaMet()).isFalse();
        }
    }

    @Property(tries = 300)
    void everyItemIsEitherServedOrStillWaiting(
            @ForAll @Size(min = 1, max = 48) List<@DoubleRange(min = 0, max = 500) Double> arrivals,
            @ForAll @IntRange(min = 0, max = 60) int agents,
            @ForAll @DoubleRange(min = 30, max = 3600) double aht,
            @ForAll @DoubleRange(min = 0, max = 1000) double backlog) {
        DeferredOutcome outcome = new DeferredWorkload(arrivals, 30, aht, 240, 0.85, backlog).simulate(agents);

        double waiting = backlog;
        for (IntervalFlow flow : outcome.intervals()) {
            assertThat(flow.served()).isCloseTo(Math.min(waiting + flow.arrivals(), flow.capacity()), within(1e-9));
            waiting = waiting + flow.arrivals() - flow.served();
            assertThat(flow.backlog()).isCloseTo(waiting, within(1e-9)).isNotNegative();
        }
    }

    @Property(tries = 300)
    void moreAgentsNeverLengthenTheLongestWait(
            @ForAll @Size(min = 1, max = 48) List<@DoubleRange(min = 0, max = 500) Double> arrivals,
            @ForAll @IntRange(min = 0, max = 60) int agents,
            @ForAll @DoubleRange(min = 30, max = 3600) double aht,
            @ForAll @DoubleRange(min = 0, max = 1000) double backlog) {
        DeferredWorkload work = new DeferredWorkload(arrivals, 30, aht, 240, 0.85, backlog);

        assertThat(work.simulate(agents + 1).maxDelayMinutes())
                .isLessThanOrEqualTo(work.simulate(agents).maxDelayMinutes() + 1e-9);
    }
}
