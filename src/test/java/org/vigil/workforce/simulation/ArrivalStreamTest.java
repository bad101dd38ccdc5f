package org.vigil.workforce.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalStreamTest {

    private static final double Z_999 = 3.2905;

    @Test
    void arrivalsAreIncreasingAndFallInsideTheIntervalTheyAreAttributedTo() {
        List<Double> expected = List.of(5.0, 0.0, 40.0, 0.3, 0.0, 12.5);
        ArrivalStream stream = new ArrivalStream(expected, 600, new SplittableRandom(21));
        double previous = 0;
        int[] counts = new int[expected.size()];
        for (double time = stream.next(); time != Double.POSITIVE_INFINITY; time = stream.next()) {
            int interval = stream.interval();
            assertThat(time).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(interval * 600.0)
                    .isLessThan((interval + 1) * 600.0);
            counts[interval]++;
            previous = time;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[4]).isZero();
        assertThat(stream.next()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /**
     * Per-interval counts of a Poisson process are Poisson: over 20,000 replications of a three-interval
     * forecast the mean count and its variance both equal the forecast, within 99.9% normal intervals (the
     * variance of a Poisson sample variance is {@code μ/n + 2μ²/(n − 1)}).
     */
    @Test
    void countsPerIntervalArePoissonWithTheForecastMean() {
        List<Double> expected = List.of(3.0, 0.0, 25.5);
        int runs = 20_000;
        double[] sums = new double[3];
        double[] squares = new double[3];
        for (int r = 0; r < runs; r++) {
            ArrivalStream stream = new ArrivalStream(expected, 1800, new SplittableRandom(r));
            int[] counts = new int[3];
            while (stream.next() != Double.POSITIVE_INFINITY) {
                counts[stream.interval()]++;
            }
            for (int i = 0; i < 3; i++) {
                sums[i] += counts[i];
                squares[i] += (double) counts[i] * counts[i];
            }
        }
        for (int i = 0; i < 3; i++) {
            double mu = expected.get(i);
            double mean = sums[i] / runs;
            double variance = (squares[i] - runs * mean * mean) / (runs - 1);
            assertThat(Math.abs(mean - mu)).isLessThanOrEqualTo(Z_999 * Math.sqrt(mu / runs));
            assertThat(Math.abs(variance - mu))
                    .isLessThanOrEqualTo(Z_999 * Math.sqrt(mu / runs + 2 * mu * mu / (runs - 1)));
        }
    }

    @Test
    void arrivalsAreSpreadUniformlyWithinAConstantRateInterval() {
        ArrivalStream stream = new ArrivalStream(List.of(100_000.0), 1000, new SplittableRandom(4));
        double sum = 0;
        long count = 0;
        for (double time = stream.next(); time != Double.POSITIVE_INFINITY; time = stream.next()) {
            sum += time;
            count++;
        }
        double uniformSd = 1000 / Math.sqrt(12);
        assertThat(Math.abs(sum / count - 500)).isLessThan(Z_999 * uniformSd / Math.sqrt(count));
    }
}
