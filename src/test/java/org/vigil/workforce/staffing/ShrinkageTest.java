package org.vigil.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShrinkageTest {

    @Test
    void thirtyPercentShrinkageTurnsFourteenAgentsIntoTwenty() {
        // Call Centre Helper worked example: 14 agents with 30% shrinkage, 14 / 0.7 = 20 to schedule.
        Shrinkage shrinkage = new Shrinkage(0.3);

        assertThat(shrinkage.scheduled(14)).isCloseTo(20.0, within(1e-12));
        assertThat(shrinkage.scheduledAgents(14)).isEqualTo(20);
    }

    @Test
    void componentsCombineMultiplicatively() {
        Shrinkage combined = Shrinkage.compose(0.1, 0.2, 0.05);

        assertThat(combined.fraction()).isCloseTo(1 - 0.9 * 0.8 * 0.95, within(1e-15));
        assertThat(Shrinkage.compose().fraction()).isZero();
    }

    @Test
    void fractionalStaffingIsRoundedUpOnlyAtTheEnd() {
        Shrinkage shrinkage = Shrinkage.compose(0.1, 0.2);

        assertThat(shrinkage.scheduled(10.5)).isCloseTo(10.5 / 0.72, within(1e-12));
        assertThat(shrinkage.scheduledAgents(10.5)).isEqualTo(15);
        assertThat(Shrinkage.NONE.scheduledAgents(7)).isEqualTo(7);
        assertThat(Shrinkage.NONE.scheduledAgents(7.2)).isEqualTo(8);
    }

    @Test
    void shrinkageOfOneOrMoreIsRejected() {
        assertThatThrownBy(() -> new Shrinkage(1.0)).hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> Shrinkage.compose(0.2, -0.1)).hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> new Shrinkage(0.2).scheduled(-1)).hasMessageContaining("required");
    }
}
