package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sampling checks. Means are checked against a 99.9% normal confidence interval of the sample mean
 * ({@code ±3.29·s/√n}); coefficients of variation, whose sampling error depends on the fourth moment, against
 * the 99.9% t interval of 20 independent batches ({@link Replications}).
 */
class DurationStreamTest {

    private static final double Z_999 = 3.2905;

    @Test
    void exponentialDrawsHaveTheGivenMeanAndUnitCoefficientOfVariation() {
        checkMeanAndVariation(HandleTime.exponential(300), 300, 1.0);
    }

    @Test
    void lognormalDrawsHaveTheGivenMeanAndCoefficientOfVariation() {
        checkMeanAndVariation(HandleTime.lognormal(420, 0.7), 420, 0.7);
    }

    @Test
    void halfOfTheLognormalDrawsLieBelowTheMedianExpOfMu() {
        HandleTime.Lognormal lognormal = new HandleTime.Lognormal(240, 1.2);
        DurationStream stream = DurationStream.of(lognormal, new SplittableRandom(3));
        double median = Math.exp(lognormal.mu());
        int draws = 200_000;
        int below = 0;
        for (int i = 0; i < draws; i++) {
            if (stream.next() < median) {
                below++;
            }
        }
        double share = (double) below / draws;
        assertThat(Math.abs(share - 0.5)).isLessThan(Z_999 * Math.sqrt(0.25 / draws));
    }

    @Test
    void deterministicDrawsAlwaysGiveTheValueAndStillConsumeTheStream() {
        SplittableRandom random = new SplittableRandom(5);
        DurationStream stream = DurationStream.of(HandleTime.deterministic(90), random);
        SplittableRandom twin = new SplittableRandom(5);
        for (int i = 0; i < 10; i++) {
            assertThat(stream.next()).isEqualTo(90.0);
            twin.nextLong();
        }
        assertThat(random.nextLong()).isEqualTo(twin.nextLong());
    }

    @Test
    void infinitePatienceNeverRunsOutAndDrawsNothing() {
        SplittableRandom random = new SplittableRandom(8);
        DurationStream stream = DurationStream.of(Patience.INFINITE, random);
        assertThat(stream.next()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(random.nextLong()).isEqualTo(new SplittableRandom(8).nextLong());
    }

    @Test
    void exponentialPatienceHasTheGivenMean() {
        DurationStream stream = DurationStream.of(Patience.exponential(180), new SplittableRandom(13));
        int draws = 200_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            double value = stream.next();
            sum += value;
            squares += value * value;
        }
        double mean = sum / draws;
        double sd = Math.sqrt(squares / draws - mean * mean);
        assertThat(Math.abs(mean - 180)).isLessThan(Z_999 * sd / Math.sqrt(draws));
    }

    private static void checkMeanAndVariation(HandleTime handleTime, double mean, double cv) {
        int batchSize = 50_000;
        Replications<double[]> batches = Replications.of(100, seed -> {
            DurationStream stream = DurationStream.of(handleTime, new SplittableRandom(seed));
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < batchSize; i++) {
                double value = stream.next();
                assertThat(value).isPositive().isFinite();
                sum += value;
                squares += value * value;
            }
            double batchMean = sum / batchSize;
            double variance = (squares - batchSize * batchMean * batchMean) / (batchSize - 1);
            return new double[] {batchMean, Math.sqrt(variance) / batchMean};
        });
        Replications.Interval meanInterval = batches.interval(batch -> batch[0]);
        Replications.Interval cvInterval = batches.interval(batch -> batch[1]);
        assertThat(meanInterval.contains(mean)).as("mean %s vs %s", meanInterval, mean).isTrue();
        assertThat(cvInterval.contains(cv)).as("CV %s vs %s", cvInterval, cv).isTrue();
        assertThat(cvInterval.halfWidth()).isLessThan(0.02 * cv);
    }
}
