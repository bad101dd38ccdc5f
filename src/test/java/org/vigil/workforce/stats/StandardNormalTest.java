package org.vigil.workforce.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardNormalTest {

    /** Reference values from SciPy's {@code norm.ppf} (Cephes {@code ndtri}, about 1e-15 relative). */
    @ParameterizedTest(name = "Φ⁻¹({0}) = {1}")
    @CsvSource({
            "1e-300, -37.0470962993612",
            "1e-20, -9.262340089798409",
            "1e-10, -6.361340902404056",
            "1e-05, -4.264890793922825",
            "0.001, -3.090232306167813",
            "0.025, -1.9599639845400545",
            "0.1, -1.2815515655446004",
            "0.3, -0.5244005127080409",
            "0.425, -0.18911842627279252",
            "0.5, 0.0",
            "0.6, 0.2533471031357997",
            "0.9, 1.2815515655446004",
            "0.975, 1.959963984540054",
            "0.999, 3.090232306167813",
            "0.9999999999, 6.361340889697422"})
    void quantilesMatchReferenceValuesToNearFullDoublePrecision(double p, double expected) {
        assertThat(StandardNormal.quantile(p)).isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({"0.001", "0.0625", "0.25", "0.375", "0.4375"})
    void quantilesAreAntisymmetricAroundOneHalf(double p) {
        assertThat(StandardNormal.quantile(1 - p)).isEqualTo(-StandardNormal.quantile(p));
    }

    @Test
    void centralIntervalsOfEightyAndNinetyFivePercentSpanTheUsualMultiples() {
        assertThat(StandardNormal.centralHalfWidth(0.8)).isCloseTo(1.2815515655446004, within(1e-13));
        assertThat(StandardNormal.centralHalfWidth(0.95)).isCloseTo(1.959963984540054, within(1e-13));
    }

    @Test
    void probabilitiesOutsideTheOpenUnitIntervalAreRejected() {
        assertThatThrownBy(() -> StandardNormal.quantile(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardNormal.centralHalfWidth(0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
