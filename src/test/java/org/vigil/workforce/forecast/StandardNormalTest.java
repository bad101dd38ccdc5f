package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    /**
     * Published standard normal quantiles (e.g. Abramowitz &amp; Stegun, Handbook of Mathematical
     * Functions, table 26.5), to more digits than the approximation's 1.15e-9 relative error.
     */
    @Test
    void quantilesMatchPublishedStandardNormalTableValues() {
        assertThat(StandardNormal.quantile(0.5)).isCloseTo(0.0, within(1e-12));
        assertThat(StandardNormal.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-8));
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(StandardNormal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-8));
        assertThat(StandardNormal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
    }

    @Test
    void centralIntervalsOfEightyAndNinetyFivePercentSpanTheUsualMultiples() {
        assertThat(StandardNormal.centralHalfWidth(0.8)).isCloseTo(1.2815515655446004, within(1e-8));
        assertThat(StandardNormal.centralHalfWidth(0.95)).isCloseTo(1.959963984540054, within(1e-8));
    }

    @Test
    void probabilitiesOutsideTheOpenUnitIntervalAreRejected() {
        assertThatThrownBy(() -> StandardNormal.quantile(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.centralHalfWidth(0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
