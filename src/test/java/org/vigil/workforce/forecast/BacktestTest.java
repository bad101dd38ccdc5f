package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.workforce.forecast.SyntheticQueue.DAY;
import static org.vigil.workforce.forecast.SyntheticQueue.HALF_HOUR;
import static org.vigil.workforce.forecast.SyntheticQueue.MONDAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    /** Forecasts a constant and records the history length of every fit. */
    private record Constant(double value, List<Integer> fittedOn) implements Forecaster {

        @Override
        public String name() {
            return "Constant(" + value + ")";
        }

        @Override
        public int minimumHistory() {
            return 1;
        }

        @Override
        public FittedModel fit(Series history) {
            fittedOn.add(history.size());
            return new FittedModel() {
                @Override
                public String description() {
                    return name();
                }

                @Override
                public Forecast forecast(int horizon, double confidence) {
                    double[] v = new double[horizon];
                    Arrays.fill(v, value);
                    return new Forecast(name(), history.end(), history.interval(), confidence, v, v, v);
                }
            };
        }
    }

    @Test
    void wapeIsTheTotalAbsoluteErrorOverTheTotalActualAndMaeIsPerInterval() {
        Series series = Series.ofCounts(MONDAY, Duration.ofDays(1), 5, 5, 5, 5, 2, 6, 4);
        Constant model = new Constant(4, new ArrayList<>());

        Score score = Backtest.lastDays(3).evaluate(series, model);

        assertThat(score.wape()).isCloseTo((2 + 2 + 0) / 12.0, within(1e-12));
        assertThat(score.mae()).isCloseTo(4 / 3.0, within(1e-12));
        assertThat(score.points()).isEqualTo(3);
        assertThat(model.fittedOn()).containsExactly(4);
    }

    @Test
    void rollingOriginsRefitOnGrowingHistoryAndPoolTheErrors() {
        Series series = Series.ofCounts(MONDAY, HALF_HOUR, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Constant model = new Constant(0, new ArrayList<>());

        Score score = new Backtest(Duration.ofHours(1), 3, Duration.ofMinutes(30)).evaluate(series, model);

        assertThat(model.fittedOn()).containsExactly(6, 7, 8);
        assertThat(score.points()).isEqualTo(6);
        assertThat(score.wape()).isEqualTo(1.0);
    }

    @Test
    void anAllZeroHoldoutScoresZeroWhenForecastPerfectlyAndInfinityOtherwise() {
        Series series = Series.ofCounts(MONDAY, Duration.ofDays(1), 3, 3, 0, 0);

        assertThat(Backtest.lastDays(2).evaluate(series, new Constant(0, new ArrayList<>())).wape()).isZero();
        assertThat(Backtest.lastDays(2).evaluate(series, new Constant(1, new ArrayList<>())).wape())
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void theDefaultHoldsOutAWeekButNeverMoreThanHalfTheHistory() {
        Series fourWeeks = SyntheticQueue.poissonSeries(28 * DAY, SyntheticQueue::dayAndWeekRate, 1);
        Series fiveDays = SyntheticQueue.poissonSeries(5 * DAY, SyntheticQueue::dayAndWeekRate, 1);

        assertThat(Backtest.defaultFor(fourWeeks)).isEqualTo(Backtest.lastDays(7));
        assertThat(Backtest.defaultFor(fiveDays)).isEqualTo(Backtest.lastDays(2));
    }

    @Test
    void backtestingLessThanTwoDaysOfHistoryIsRejected() {
        Series series = SyntheticQueue.poissonSeries(DAY + 10, SyntheticQueue::dayAndWeekRate, 1);

        assertThatThrownBy(() -> Backtest.defaultFor(series))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two days");
    }

    @Test
    void aCandidateWithTooLittleHistoryBeforeTheOriginIsRejectedByName() {
        Series series = SyntheticQueue.poissonSeries(10 * DAY, SyntheticQueue::dayAndWeekRate, 1);

        assertThatThrownBy(() -> Backtest.lastDays(7).evaluate(series, SeasonalNaive.weekly()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SeasonalNaive(336) needs 672 intervals")
                .hasMessageContaining("only 144 of 480");
    }
}
