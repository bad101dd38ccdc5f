package org.vigil.workforce.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.workforce.forecast.SyntheticQueue.DAY;
import static org.vigil.workforce.forecast.SyntheticQueue.HALF_HOUR;
import static org.vigil.workforce.forecast.SyntheticQueue.MONDAY;
import static org.vigil.workforce.forecast.SyntheticQueue.WEEK;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

    private static final int TRAIN = 4 * WEEK;

    /**
     * The WAPE bound comes from the noise itself. Even a forecast equal to the true rate lambda
     * has expected absolute error E|Y - lambda| (the Poisson mean absolute deviation, about
     * sqrt(2 lambda / pi)): 11% of lambda at 50 cases and 5.6% at 200, {@code oracle} ≈ 7.8% here.
     * A seasonal estimate built from w weeks of counts adds variance lambda / w; the double seasonal
     * model initialises from two weeks and then smooths, so its error should stay below
     * sqrt(1 + 1/2) ≈ 1.22 times the oracle, and we allow 1.25 (under 10% WAPE, well inside the
     * 15% product target). Same-time-last-week errors are differences of two counts, variance
     * 2 lambda, so seasonal naive sits near sqrt(2) ≈ 1.41 times the oracle and must lose.
     */
    @Test
    void aDailyAndWeeklySeasonalPoissonSeriesIsForecastBetterThanSeasonalNaiveAndNearTheNoiseFloor() {
        for (long seed = 1; seed <= 6; seed++) {
            Series all = SyntheticQueue.poissonSeries(TRAIN + WEEK, SyntheticQueue::dayAndWeekRate, seed);
            Series history = all.slice(0, TRAIN);
            Series holdout = all.slice(TRAIN, TRAIN + WEEK);
            double[] rates = SyntheticQueue.rates(TRAIN + WEEK, SyntheticQueue::dayAndWeekRate);
            double oracleAbsoluteError = 0;
            for (int k = 0; k < WEEK; k++) {
                oracleAbsoluteError += SyntheticQueue.poissonMeanAbsoluteDeviation(rates[TRAIN + k]);
            }
            double oracleWape = oracleAbsoluteError / sum(holdout.values());

            double holtWinters = wape(HoltWinters.doubleSeasonal().fit(history).forecast(WEEK, 0.95), holdout);
            double weeklyNaive = wape(SeasonalNaive.weekly().fit(history).forecast(WEEK, 0.95), holdout);
            double dailyNaive = wape(SeasonalNaive.daily().fit(history).forecast(WEEK, 0.95), holdout);

            assertThat(oracleWape).as("seed %d oracle", seed).isBetween(0.07, 0.09);
            assertThat(holtWinters).as("seed %d Holt-Winters WAPE", seed)
                    .isLessThan(weeklyNaive)
                    .isLessThan(dailyNaive)
                    .isLessThan(1.25 * oracleWape)
                    .isLessThan(0.15);
        }
    }

    @Test
    void aPureWeeklySeasonalSeriesWithoutNoiseIsForecastAlmostExactly() {
        double[] rates = SyntheticQueue.rates(TRAIN + 2 * WEEK, SyntheticQueue::dayAndWeekRate);
        Series history = Series.of(MONDAY, HALF_HOUR, Arrays.copyOf(rates, TRAIN));

        Forecast forecast = HoltWinters.doubleSeasonal().fit(history).forecast(2 * WEEK, 0.95);

        for (int k = 0; k < 2 * WEEK; k++) {
            assertThat(forecast.point(k)).isCloseTo(rates[TRAIN + k], within(1e-6));
            assertThat(forecast.upper(k) - forecast.lower(k)).isCloseTo(0.0, within(1e-6));
        }
    }

    @Test
    void aLevelShiftThreeDaysBeforeTheForecastIsPickedUpWhereSameTimeLastWeekIsNot() {
        int shiftAt = TRAIN - 3 * DAY;
        IntToDoubleFunction rate = t -> SyntheticQueue.dayAndWeekRate(t) + (t >= shiftAt ? 40 : 0);
        for (long seed = 1; seed <= 3; seed++) {
            Series all = SyntheticQueue.poissonSeries(TRAIN + WEEK, rate, seed);
            Series holdout = all.slice(TRAIN, TRAIN + WEEK);

            FittedModel model = HoltWinters.doubleSeasonal().fit(all.slice(0, TRAIN));
            Forecast forecast = model.forecast(WEEK, 0.95);
            double weeklyNaive = wape(SeasonalNaive.weekly().fit(all.slice(0, TRAIN)).forecast(WEEK, 0.95), holdout);

            double meanBias = 0;
            for (int k = 0; k < WEEK; k++) {
                meanBias += (forecast.point(k) - rate.applyAsDouble(TRAIN + k)) / WEEK;
            }
            assertThat(Math.abs(meanBias)).as("seed %d mean bias after a +40 shift", seed).isLessThan(10);
            assertThat(wape(forecast, holdout)).as("seed %d", seed).isLessThan(0.11).isLessThan(weeklyNaive / 1.5);
            assertThat(((HoltWintersFit) model).parameters().alpha()).isGreaterThan(0.02);
        }
    }

    @Test
    void aQueueGrowingTenPercentAWeekIsForecastBestByTheDampedTrendModel() {
        IntToDoubleFunction rate = t -> SyntheticQueue.dayAndWeekRate(t) * (1 + 0.10 * t / WEEK);
        double damped = 0;
        double levelOnly = 0;
        double weeklyNaive = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Series all = SyntheticQueue.poissonSeries(TRAIN + WEEK, rate, seed);
            Series history = all.slice(0, TRAIN);
            Series holdout = all.slice(TRAIN, TRAIN + WEEK);
            damped += wape(HoltWinters.doubleSeasonal().withDampedTrend().fit(history).forecast(WEEK, 0.9), holdout);
            levelOnly += wape(HoltWinters.doubleSeasonal().fit(history).forecast(WEEK, 0.9), holdout);
            weeklyNaive += wape(SeasonalNaive.weekly().fit(history).forecast(WEEK, 0.9), holdout);
        }

        assertThat(damped).isLessThan(levelOnly).isLessThan(weeklyNaive);
        assertThat(damped / 3).isLessThan(0.11);
    }

    @Test
    void aQueueThatIsClosedAtNightIsForecastAtZeroNotBelow() {
        Series history = SyntheticQueue.poissonSeries(TRAIN, SyntheticQueue::nightClosedRate, 4);

        Forecast forecast = HoltWinters.doubleSeasonal().fit(history).forecast(2 * WEEK, 0.95);

        for (int k = 0; k < 2 * WEEK; k++) {
            assertThat(forecast.lower(k)).isGreaterThanOrEqualTo(0.0);
            if (k % DAY < 12) {
                assertThat(forecast.point(k)).as("night step %d", k).isLessThan(1.0);
                assertThat(forecast.lower(k)).isEqualTo(0.0);
            }
        }
    }

    /**
     * After a sharp drop, the additive model lowers the level for every interval, so its raw night
     * forecast goes below zero; counts cannot, so the point and lower bound are clamped to zero while
     * the upper bound keeps the one-case variance floor.
     */
    @Test
    void negativeRawForecastsAfterASharpDropAreClampedToZero() {
        int dropAt = TRAIN - 2 * DAY;
        IntToDoubleFunction rate = t -> Math.max(0, SyntheticQueue.nightClosedRate(t) - (t >= dropAt ? 30 : 0));
        Series history = SyntheticQueue.poissonSeries(TRAIN, rate, 8);

        FittedModel model = HoltWinters.doubleSeasonal().fit(history);
        Forecast forecast = model.forecast(WEEK, 0.95);

        HoltWintersFit fit = (HoltWintersFit) model;
        assertThat(fit.parameters().alpha()).isGreaterThan(0.0);
        int clamped = 0;
        for (int k = 0; k < WEEK; k++) {
            assertThat(forecast.lower(k)).isGreaterThanOrEqualTo(0.0);
            if (forecast.point(k) == 0.0) {
                clamped++;
                assertThat(forecast.upper(k)).isGreaterThan(0.0);
            }
        }
        assertThat(clamped).isGreaterThan(0);
    }

    /**
     * Coverage is pooled over 6 seeded queues x 336 held-out intervals = 2,016 intervals. If the
     * bands were exact, the covered count would be binomial: standard deviation 0.49 points at 95%
     * and 0.89 at 80%, so three standard deviations are ±1.5 and ±2.7 points. Intervals within one
     * queue share its estimation error, so they are not independent, and the documented
     * approximations (Gaussian bands for discrete counts, no parameter uncertainty) shift coverage
     * a little; we therefore accept 91.5%–98.5% for the 95% band and 74%–87% for the 80% band, and
     * 88%–99% per queue (336 intervals: binomial ±3.6 points) as in the product requirement.
     */
    @Test
    void predictionIntervalsContainAboutTheNominalShareOfHoldoutActualsOnPoissonData() {
        int covered95 = 0;
        int covered80 = 0;
        int peakCovered95 = 0;
        int peakIntervals = 0;
        int total = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Series all = SyntheticQueue.poissonSeries(TRAIN + WEEK, SyntheticQueue::dayAndWeekRate, seed);
            FittedModel model = HoltWinters.doubleSeasonal().fit(all.slice(0, TRAIN));
            Forecast wide = model.forecast(WEEK, 0.95);
            Forecast narrow = model.forecast(WEEK, 0.80);
            int queueCovered = 0;
            for (int k = 0; k < WEEK; k++) {
                double actual = all.value(TRAIN + k);
                boolean in95 = wide.lower(k) <= actual && actual <= wide.upper(k);
                queueCovered += in95 ? 1 : 0;
                covered80 += narrow.lower(k) <= actual && actual <= narrow.upper(k) ? 1 : 0;
                if (k % DAY >= 20 && k % DAY < 36) {
                    peakIntervals++;
                    peakCovered95 += in95 ? 1 : 0;
                }
                total++;
            }
            covered95 += queueCovered;
            assertThat(queueCovered / (double) WEEK).as("seed %d 95%% coverage", seed).isBetween(0.88, 0.99);
        }

        assertThat(covered95 / (double) total).isBetween(0.915, 0.985);
        assertThat(covered80 / (double) total).isBetween(0.74, 0.87);
        assertThat(peakCovered95 / (double) peakIntervals).as("coverage 10:00-18:00").isBetween(0.90, 0.99);
    }

    @Test
    void withLessThanTwoWeeksOfHistoryTheWeeklyComponentIsDropped() {
        Series tenDays = SyntheticQueue.poissonSeries(10 * DAY, SyntheticQueue::dayAndWeekRate, 3);
        Series twoWeeks = SyntheticQueue.poissonSeries(2 * WEEK, SyntheticQueue::dayAndWeekRate, 3);

        HoltWintersFit shortFit = (HoltWintersFit) HoltWinters.doubleSeasonal().fit(tenDays);
        HoltWintersFit fullFit = (HoltWintersFit) HoltWinters.doubleSeasonal().fit(twoWeeks);

        assertThat(shortFit.isDoubleSeasonal()).isFalse();
        assertThat(shortFit.description()).contains("daily-only 48");
        assertThat(shortFit.parameters().omega()).isZero();
        assertThat(shortFit.forecast(WEEK, 0.9).size()).isEqualTo(WEEK);
        assertThat(fullFit.isDoubleSeasonal()).isTrue();
        assertThat(fullFit.description()).contains("double seasonal 48/336");
    }

    @Test
    void lessThanTwoDaysOfHistoryIsRejectedWithTheRequiredLength() {
        Series history = SyntheticQueue.poissonSeries(DAY + DAY / 2, SyntheticQueue::dayAndWeekRate, 3);

        assertThatThrownBy(() -> HoltWinters.doubleSeasonal().fit(history))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least 96 intervals (two days)")
                .hasMessageContaining("got 72");
    }

    @Test
    void periodsThatDoNotNestAreRejected() {
        assertThatThrownBy(() -> new HoltWinters(48, 100, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of the daily period");
    }

    @Test
    void fittingIsDeterministic() {
        Series history = SyntheticQueue.poissonSeries(TRAIN, SyntheticQueue::dayAndWeekRate, 21);

        Forecast first = HoltWinters.doubleSeasonal().fit(history).forecast(WEEK, 0.9);
        Forecast second = HoltWinters.doubleSeasonal().fit(history).forecast(WEEK, 0.9);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void theFastErrorLoopAgreesWithTheStepByStepRecursion() {
        double[] y = SyntheticQueue.poissonSeries(TRAIN, SyntheticQueue::dayAndWeekRate, 2).values();
        SmoothingParameters p = new SmoothingParameters(0.2, 0.05, 0.97, 0.1, 0.15, 0.4);
        HoltWintersState initial = HoltWintersState.initial(y, 2 * WEEK, DAY, WEEK, true);

        HoltWintersState fast = initial.copy();
        double fastSum = fast.sumOfSquaredErrors(y, p, 100);
        HoltWintersState slow = initial.copy();
        double slowSum = 0;
        for (int t = 0; t < y.length; t++) {
            double e = slow.step(y[t], p);
            slowSum += t >= 100 ? e * e : 0;
        }

        assertThat(fastSum).isCloseTo(slowSum, within(1e-9 * slowSum));
        assertThat(fast.forecast(WEEK, p)).containsExactly(slow.forecast(WEEK, p), within(1e-9));
    }

    /**
     * For simple exponential smoothing the k-step error variance is sigma^2 (1 + (k-1) alpha^2);
     * with an additive seasonal of period m the weight at lags that are multiples of m rises to
     * alpha + gamma, where gamma = delta (1 - alpha) in the state space form (Hyndman, Koehler,
     * Ord &amp; Snyder 2008, Forecasting with Exponential Smoothing, ch. 6 class 1 variances).
     */
    @Test
    void theHorizonVarianceWeightsMatchTheClosedFormsForSimpleAndSeasonalSmoothing() {
        double alpha = 0.3;
        double[] simple = HoltWintersFit.cumulativeSquaredErrorWeights(
                4, 0, new SmoothingParameters(alpha, 0, 1, 0, 0, 0), 10);
        for (int k = 1; k <= 10; k++) {
            assertThat(simple[k - 1]).isCloseTo(1 + (k - 1) * alpha * alpha, within(1e-12));
        }

        double delta = 0.2;
        double seasonalGamma = delta * (1 - alpha);
        double[] seasonal = HoltWintersFit.cumulativeSquaredErrorWeights(
                4, 0, new SmoothingParameters(alpha, 0, 1, delta, 0, 0), 13);
        double expected = 1;
        for (int k = 1; k <= 13; k++) {
            assertThat(seasonal[k - 1]).isCloseTo(expected, within(1e-12));
            double c = alpha + (k % 4 == 0 ? seasonalGamma : 0);
            expected += c * c;
        }
    }

    @Test
    void theResidualAdjustmentAddsAGeometricallyDecayingResponse() {
        double alpha = 0.1;
        double phi = 0.6;
        double[] weights = HoltWintersFit.cumulativeSquaredErrorWeights(
                4, 0, new SmoothingParameters(alpha, 0, 1, 0, 0, phi), 8);
        double expected = 1;
        for (int m = 1; m < 8; m++) {
            double c = alpha * (1 - Math.pow(phi, m)) / (1 - phi) + Math.pow(phi, m);
            expected += c * c;
            assertThat(weights[m]).isCloseTo(expected, within(1e-12));
        }
    }

    static double wape(Forecast forecast, Series actual) {
        double error = 0;
        for (int k = 0; k < forecast.size(); k++) {
            error += Math.abs(actual.value(k) - forecast.point(k));
        }
        return error / sum(actual.values());
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }
}
