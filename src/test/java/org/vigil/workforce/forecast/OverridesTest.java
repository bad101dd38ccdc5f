package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static final Instant START = Instant.parse("2026-02-02T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static Forecast flat() {
        double[] point = {10, 10, 10, 10, 0};
        double[] lower = {8, 8, 8, 8, 0};
        double[] upper = {12, 12, 12, 12, 2};
        return new Forecast("model", START, HOUR, 0.9, point, lower, upper);
    }

    private static Instant at(int hours) {
        return START.plus(HOUR.multipliedBy(hours));
    }

    @Test
    void aMultiplierScalesThePointAndBoundsOfIntervalsStartingInTheRange() {
        Forecast adjusted = Overrides.none().multiply(at(1), at(3), 1.5).applyTo(flat());

        assertThat(adjusted.point()).containsExactly(10, 15, 15, 10, 0);
        assertThat(adjusted.lower()).containsExactly(8, 12, 12, 8, 0);
        assertThat(adjusted.upper()).containsExactly(12, 18, 18, 12, 2);
        assertThat(adjusted.model()).isEqualTo("model; 1 manual override applied");
    }

    @Test
    void settingAValueKeepsTheRelativeWidthOfTheInterval() {
        Forecast adjusted = Overrides.none().set(at(0), at(1), 40).applyTo(flat());

        assertThat(adjusted.point(0)).isEqualTo(40);
        assertThat(adjusted.lower(0)).isCloseTo(32, within(1e-12));
        assertThat(adjusted.upper(0)).isCloseTo(48, within(1e-12));
    }

    @Test
    void settingAValueWhereTheModelSaidZeroCollapsesTheIntervalOntoTheValue() {
        Forecast adjusted = Overrides.none().set(at(4), at(5), 7).applyTo(flat());

        assertThat(adjusted.point(4)).isEqualTo(7);
        assertThat(adjusted.lower(4)).isEqualTo(7);
        assertThat(adjusted.upper(4)).isEqualTo(7);
    }

    @Test
    void overlappingAdjustmentsApplyInTheOrderGiven() {
        Forecast setThenMultiply = Overrides.none().set(at(0), at(2), 20).multiply(at(1), at(3), 2).applyTo(flat());
        Forecast multiplyThenSet = Overrides.none().multiply(at(1), at(3), 2).set(at(0), at(2), 20).applyTo(flat());

        assertThat(setThenMultiply.point()).containsExactly(20, 40, 20, 10, 0);
        assertThat(multiplyThenSet.point()).containsExactly(20, 20, 20, 10, 0);
        assertThat(setThenMultiply.model()).endsWith("2 manual overrides applied");
    }

    @Test
    void adjustmentsOutsideTheForecastLeaveItUntouched() {
        Forecast original = flat();

        Forecast adjusted = Overrides.none().multiply(at(10), at(12), 3).applyTo(original);

        assertThat(adjusted).isSameAs(original);
    }

    @Test
    void emptyRangesAndNegativeOrNonFiniteValuesAreRejected() {
        assertThatThrownBy(() -> Overrides.none().multiply(at(2), at(2), 1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from < to");
        assertThatThrownBy(() -> Overrides.none().multiply(at(0), at(2), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("factor must be finite and non-negative");
        assertThatThrownBy(() -> Overrides.none().set(at(0), at(2), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value must be finite and non-negative");
    }
}
