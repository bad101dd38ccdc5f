package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeferredWorkloadTest {

    @Test
    void steadyArrivalsNeedJustEnoughAgentsForTheLastItemToMeetTheSla() {
        // 100 items/hour for 4 hours, 6 min each (10 items per agent-hour), 2 h SLA. With k agents the queue
        // grows by 100 − 10k per hour, and the last arrival waits (400 − 40k)/(10k) hours: k ≥ 6.67.
        DeferredWorkload work = new DeferredWorkload(List.of(100.0, 100.0, 100.0, 100.0), 60, 360, 120, 1.0, 0);

        DeferredPlan plan = work.requiredAgents();

        assertThat(plan.agents()).isEqualTo(7);
        assertThat(plan.outcome().maxDelayMinutes()).isCloseTo(120.0 / 70 * 60, within(1e-9));
        assertThat(plan.outcome().drainMinutes()).isCloseTo(120.0 / 70 * 60, within(1e-9));
        assertThat(work.simulate(6).slaMet()).isFalse();
        assertThat(work.simulate(6).maxDelayMinutes()).isCloseTo(160.0 / 60 * 60, within(1e-9));
        assertThat(work.workloadHours()).isCloseTo(40.0, within(1e-12));
    }

    @Test
    void servedAndBacklogFollowTheIntervalRecursion() {
        DeferredWorkload work = new DeferredWorkload(List.of(50.0, 10.0, 0.0), 30, 600, 240, 0.8, 20);

        DeferredOutcome outcome = work.simulate(new int[] {10, 10, 2});

        // capacity = N·Δ·60·ρ/AHT = 10·30·60·0.8/600 = 24 items per interval; 2 agents: 4.8
        List<IntervalFlow> flows = outcome.intervals();
        assertThat(flows.get(0).capacity()).isCloseTo(24.0, within(1e-12));
        assertThat(flows.get(0).served()).isCloseTo(24.0, within(1e-12));
        assertThat(flows.get(0).backlog()).isCloseTo(46.0, within(1e-12));
        assertThat(flows.get(1).served()).isCloseTo(24.0, within(1e-12));
        assertThat(flows.get(1).backlog()).isCloseTo(32.0, within(1e-12));
        assertThat(flows.get(2).served()).isCloseTo(4.8, within(1e-12));
        assertThat(flows.get(2).backlog()).isCloseTo(27.2, within(1e-12));
        assertThat(outcome.drainMinutes()).isCloseTo(27.2 / (2 * 60 * 0.8 / 600), within(1e-9));
    }

    @Test
    void aSpikeIsSpreadOverTheSlaWindow() {
        // 600 items arrive during the second hour; 8 items per agent-hour at 80% occupancy; 3 h SLA.
        // With c items/hour the last spike item waits (600 − c)/c hours: c ≥ 150, so 19 agents.
        DeferredWorkload work = new DeferredWorkload(List.of(0.0, 600.0, 0.0, 0.0), 60, 360, 180, 0.8, 0);

        DeferredPlan plan = work.requiredAgents();

        assertThat(plan.agents()).isEqualTo(19);
        assertThat(plan.outcome().maxDelayMinutes()).isCloseTo((600 - 152) / 152.0 * 60, within(1e-9));
        assertThat(work.simulate(18).maxDelayMinutes()).isCloseTo((600 - 144) / 144.0 * 60, within(1e-9));
    }

    @Test
    void initialBacklogMustBeClearedWithinTheWindow() {
        DeferredWorkload work = new DeferredWorkload(List.of(0.0, 0.0), 60, 360, 60, 1.0, 100);

        DeferredPlan plan = work.requiredAgents();

        assertThat(plan.agents()).isEqualTo(10);
        assertThat(plan.outcome().maxDelayMinutes()).isCloseTo(60.0, within(1e-9));
        assertThat(work.simulate(9).slaMet()).isFalse();
    }

    @Test
    void quietPeriodsBetweenArrivalsAddNoWait() {
        DeferredWorkload work = new DeferredWorkload(List.of(10.0, 0.0, 0.0, 10.0), 60, 360, 30, 1.0, 0);

        DeferredOutcome outcome = work.simulate(1);

        // 10 items/hour arrive and one agent handles exactly 10/hour: nobody waits, the gap is idle time.
        assertThat(outcome.maxDelayMinutes()).isCloseTo(0.0, within(1e-9));
        assertThat(outcome.slaMet()).isTrue();
    }

    @Test
    void nothingToDoNeedsNoAgents() {
        DeferredPlan plan = new DeferredWorkload(List.of(0.0, 0.0), 60, 360, 60, 0.85, 0).requiredAgents();

        assertThat(plan.agents()).isZero();
        assertThat(plan.outcome().slaMet()).isTrue();
    }

    @Test
    void withoutAgentsLeftOverWorkNeverDrains() {
        DeferredOutcome outcome = new DeferredWorkload(List.of(5.0), 60, 360, 60, 1.0, 0).simulate(0);

        assertThat(outcome.drainMinutes()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(outcome.maxDelayMinutes()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(outcome.slaMet()).isFalse();
    }

    @Test
    void invalidInputsNameTheParameter() {
        assertThatThrownBy(() -> new DeferredWorkload(List.of(-1.0), 60, 360, 60, 1, 0)).hasMessageContaining("arrivals");
        assertThatThrownBy(() -> new DeferredWorkload(List.of(1.0), 0, 360, 60, 1, 0)).hasMessageContaining("intervalMinutes");
        assertThatThrownBy(() -> new DeferredWorkload(List.of(1.0), 60, 0, 60, 1, 0)).hasMessageContaining("ahtSeconds");
        assertThatThrownBy(() -> new DeferredWorkload(List.of(1.0), 60, 360, 0, 1, 0)).hasMessageContaining("slaMinutes");
        assertThatThrownBy(() -> new DeferredWorkload(List.of(1.0), 60, 360, 60, 0, 0)).hasMessageContaining("maxOccupancy");
        assertThatThrownBy(() -> new DeferredWorkload(List.of(1.0), 60, 360, 60, 1, -2)).hasMessageContaining("initialBacklog");
        assertThatThrownBy(() -> new DeferredWorkload(List.of(1.0), 60, 360, 60, 1, 0).simulate(new int[] {1, 2}))
                .hasMessageContaining("agentsPerInterval");
    }
}
