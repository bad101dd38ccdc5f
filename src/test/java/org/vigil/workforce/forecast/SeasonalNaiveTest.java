package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.workforce.forecast.SyntheticQueue.DAY;
import static org.vigil.workforce.forecast.SyntheticQueue.HALF_HOUR;
import static org.vigil.workforce.forecast.SyntheticQueue.MONDAY;
import static org.vigil.workforce.forecast.SyntheticQueue.WEEK;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeasonalNaiveTest {

    @Test
    void aPureWeeklySeasonalSeriesIsForecastExactlyWithZeroWidthIntervals() {
        double[] rates = SyntheticQueue.rates(5 * WEEK, SyntheticQueue::dayAndWeekRate);
        Series history = Series.of(MONDAY, HALF_HOUR, Arrays.copyOf(rates, 3 * WEEK));

        Forecast forecast = SeasonalNaive.weekly().fit(history).forecast(2 * WEEK, 0.95);

        for (int k = 0; k < 2 * WEEK; k++) {
            assertThat(forecast.point(k)).isCloseTo(rates[3 * WEEK + k], within(1e-9));
            assertThat(forecast.upper(k) - forecast.lower(k)).isCloseTo(0.0, within(1e-9));
        }
        assertThat(forecast.start()).isEqualTo(history.end());
    }

    @Test
    void eachFutureIntervalRepeatsTheValueOneOrMoreSeasonsEarlier() {
        Series history = Series.ofCounts(MONDAY, HALF_HOUR, 1, 2, 3, 4, 5, 6);

        Forecast forecast = new SeasonalNaive(3).fit(history).forecast(7, 0.8);

        assertThat(forecast.point()).containsExactly(4, 5, 6, 4, 5, 6, 4);
    }

    /**
     * On stable Poisson data the error of a forecast m weeks ahead is the difference of two
     * independent counts, variance 2*lambda, whatever m is; the measured per-lag dispersion should
     * therefore stay near 2 and the interval width for the second week should match the first.
     */
    @Test
    void intervalsOnStableDataDoNotWidenWithTheNumberOfSeasonsAhead() {
        Series history = SyntheticQueue.poissonSeries(4 * WEEK, SyntheticQueue::dayAndWeekRate, 11);

        Forecast forecast = SeasonalNaive.weekly().fit(history).forecast(2 * WEEK, 0.95);

        double firstWeek = 0;
        double secondWeek = 0;
        for (int k = 0; k < WEEK; k++) {
            firstWeek += (forecast.upper(k) - forecast.lower(k)) / Math.sqrt(Math.max(forecast.point(k), 1));
            secondWeek += (forecast.upper(WEEK + k) - forecast.lower(WEEK + k))
                    / Math.sqrt(Math.max(forecast.point(WEEK + k), 1));
        }
        assertThat(secondWeek / firstWeek).isBetween(0.85, 1.15);
        double expectedRelativeWidth = 2 * 1.96 * Math.sqrt(2.0);
        assertThat(firstWeek / WEEK).isBetween(0.85 * expectedRelativeWidth, 1.15 * expectedRelativeWidth);
    }

    @Test
    void beyondTheMeasurableLagsTheVarianceGrowsLikeASeasonalRandomWalk() {
        Series history = SyntheticQueue.poissonSeries(2 * DAY, t -> 100, 5);

        Forecast forecast = SeasonalNaive.daily().fit(history).forecast(4 * DAY, 0.95);

        double oneDayWidth = forecast.upper(0) - forecast.point(0);
        double fourDaysWidth = forecast.upper(3 * DAY) - forecast.point(3 * DAY);
        assertThat(forecast.point(3 * DAY)).isEqualTo(forecast.point(0));
        assertThat(fourDaysWidth / oneDayWidth).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void lessThanTwoSeasonsOfHistoryIsRejected() {
        Series history = SyntheticQueue.poissonSeries(2 * WEEK - 1, SyntheticQueue::dayAndWeekRate, 1);

        assertThatThrownBy(() -> SeasonalNaive.weekly().fit(history))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SeasonalNaive(336) needs at least 672 intervals")
                .hasMessageContaining("got 671");
    }

    @Test
    void aNonPositiveHorizonOrAnImpossibleConfidenceIsRejected() {
        FittedModel model = new SeasonalNaive(2).fit(Series.ofCounts(MONDAY, HALF_HOUR, 1, 2, 3, 4));

        assertThatThrownBy(() -> model.forecast(0, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon");
        assertThatThrownBy(() -> model.forecast(3, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence");
    }
}
