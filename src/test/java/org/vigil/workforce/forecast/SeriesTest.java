package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void intervalsAreTimedFromTheStartAndTheForecastStartsAtTheEnd() {
        Series series = Series.ofCounts(START, HALF_HOUR, 3, 0, 7);

        assertThat(series.size()).isEqualTo(3);
        assertThat(series.timeAt(1)).isEqualTo(Instant.parse("2026-01-05T00:30:00Z"));
        assertThat(series.end()).isEqualTo(Instant.parse("2026-01-05T01:30:00Z"));
        assertThat(series.pointsIn(Duration.ofDays(1))).isEqualTo(48);
    }

    @Test
    void theSeriesCannotBeChangedThroughTheArraysPassedInOrHandedOut() {
        double[] values = {1, 2, 3};
        Series series = Series.of(START, HALF_HOUR, values);
        values[0] = 99;
        series.values()[1] = 99;

        assertThat(series.values()).containsExactly(1, 2, 3);
        assertThat(series).isEqualTo(Series.of(START, HALF_HOUR, 1, 2, 3));
    }

    @Test
    void aSliceKeepsTheTimesOfItsIntervals() {
        Series series = Series.ofCounts(START, HALF_HOUR, 1, 2, 3, 4);

        Series slice = series.slice(1, 3);

        assertThat(slice.start()).isEqualTo(series.timeAt(1));
        assertThat(slice.values()).containsExactly(2, 3);
    }

    @Test
    void negativeCountsAreRejectedWithTheirPositionAndTime() {
        assertThatThrownBy(() -> Series.of(START, HALF_HOUR, 1, -2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative")
                .hasMessageContaining("index 1")
                .hasMessageContaining("2026-01-05T00:30:00Z");
    }

    @Test
    void notANumberAndInfinityAreRejected() {
        assertThatThrownBy(() -> Series.of(START, HALF_HOUR, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> Series.of(START, HALF_HOUR, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
    }

    @Test
    void anEmptySeriesOrANonPositiveIntervalIsRejected() {
        assertThatThrownBy(() -> Series.of(START, HALF_HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Series.of(START, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval must be positive");
    }

    @Test
    void aSpanThatIsNotAWholeNumberOfIntervalsIsRejected() {
        Series series = Series.ofCounts(START, HALF_HOUR, 1);

        assertThatThrownBy(() -> series.pointsIn(Duration.ofMinutes(45)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number");
    }
}
