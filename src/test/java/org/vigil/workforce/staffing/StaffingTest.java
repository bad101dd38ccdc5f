package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StaffingTest {

    private final Staffing staffing = new Staffing();

    @Test
    void workedExampleIsSolvedEndToEnd() {
        // Call Centre Helper worked example: 100 calls / 30 min, AHT 180 s, 80/20, max occupancy 85%,
        // shrinkage 30% → 14 agents on the phones, 20 scheduled.
        StaffingRequest request = StaffingRequest.erlangC(100, 30, 180, 0.8, 20)
                .withMaxOccupancy(0.85)
                .withShrinkage(0.3);

        StaffingResult result = staffing.staff(request);

        assertThat(result.agents()).isEqualTo(14);
        assertThat(result.offeredLoadErlangs()).isCloseTo(10.0, within(1e-12));
        assertThat(result.serviceLevel()).isCloseTo(0.88835, within(1e-5));
        assertThat(result.probabilityOfWaiting()).isCloseTo(0.1741, within(1e-4));
        assertThat(result.occupancy()).isCloseTo(0.714, within(1e-3));
        assertThat(result.abandonment()).isNull();
        assertThat(result.scheduledAgents()).isEqualTo(20);
        assertThat(result.scheduledAgentsFractional()).isCloseTo(20.0, within(1e-12));
        assertThat(result.stable()).isTrue();
        assertThat(result.targetsMet()).isTrue();
    }

    @Test
    void givenAgentsAreEvaluatedRatherThanSolved() {
        StaffingResult result = staffing.staff(StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withAgents(12));

        assertThat(result.agents()).isEqualTo(12);
        assertThat(result.serviceLevel()).isCloseTo(0.64016, within(1e-5));
        assertThat(result.targetsMet()).isFalse();
    }

    @Test
    void understaffedQueueIsReportedUnstable() {
        StaffingResult result = staffing.staff(StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withAgents(9));

        assertThat(result.stable()).isFalse();
        assertThat(result.serviceLevel()).isZero();
        assertThat(result.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(result.asaSeconds()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(result.targetsMet()).isFalse();
    }

    @Test
    void erlangAReportsAbandonmentAndCanStaffBelowTheLoad() {
        StaffingRequest request = StaffingRequest.erlangA(600, 30, 300, 0.5, 60, 60).withMaxAbandonment(0.25);

        StaffingResult result = staffing.staff(request);

        assertThat(result.offeredLoadErlangs()).isCloseTo(100.0, within(1e-12));
        assertThat(result.agents()).isLessThan(100);
        assertThat(result.abandonment()).isNotNull().isLessThanOrEqualTo(0.25);
        assertThat(result.serviceLevel()).isGreaterThanOrEqualTo(0.5);
        assertThat(result.targetsMet()).isTrue();
    }

    @Test
    void zeroArrivalsNeedNoAgents() {
        StaffingResult erlangC = staffing.staff(StaffingRequest.erlangC(0, 30, 180, 0.8, 20).withShrinkage(0.3));
        StaffingResult erlangA = staffing.staff(StaffingRequest.erlangA(0, 30, 180, 0.8, 20, 60));

        assertThat(erlangC.agents()).isZero();
        assertThat(erlangC.serviceLevel()).isEqualTo(1.0);
        assertThat(erlangC.scheduledAgents()).isZero();
        assertThat(erlangA.agents()).isZero();
        assertThat(erlangA.serviceLevel()).isEqualTo(1.0);
        assertThat(erlangA.abandonment()).isZero();
    }

    @Test
    void invalidRequestsNameTheParameter() {
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 0, 0.8, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahtSeconds must be > 0");
        assertThatThrownBy(() -> StaffingRequest.erlangC(-1, 30, 180, 0.8, 20)).hasMessageContaining("arrivals");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 0, 180, 0.8, 20)).hasMessageContaining("intervalMinutes");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 1.2, 20)).hasMessageContaining("targetServiceLevel");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 1.0, 20)).hasMessageContaining("targetServiceLevel");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 0.8, -1)).hasMessageContaining("targetSeconds");
        assertThatThrownBy(() -> StaffingRequest.erlangA(100, 30, 180, 0.8, 20, 0)).hasMessageContaining("patienceSeconds");
        assertThatThrownBy(() -> new StaffingRequest(StaffingRequest.Model.ERLANG_A, 100, 30, 180, 0.8, 20,
                null, null, null, null, null)).hasMessageContaining("patienceSeconds");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withMaxAbandonment(0.1))
                .hasMessageContaining("maxAbandonment");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withMaxOccupancy(0.0))
                .hasMessageContaining("maxOccupancy");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withShrinkage(1.0))
                .hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withAgents(-1))
                .hasMessageContaining("agents");
    }

    @Test
    void aServiceLevelOfOneCanBeEvaluatedButNotSolvedFor() {
        StaffingResult result = staffing.staff(StaffingRequest.erlangC(100, 30, 180, 0.0, 20).withAgents(15));
        assertThat(staffing.staff(new StaffingRequest(StaffingRequest.Model.ERLANG_C, 100, 30, 180, 1.0, 20,
                null, null, null, null, 15)).targetsMet()).isFalse();
        assertThat(result.targetsMet()).isTrue();
    }
}
