package org.vigil.workforce.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Seeded synthetic arrival series for tests and the benchmark: a known expected rate per
 * 30-minute interval and Poisson counts drawn around it.
 */
final class SyntheticQueue {

    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);
    static final int DAY = 48;
    static final int WEEK = 336;

    private SyntheticQueue() {
    }

    /**
     * A daytime queue with counts between about 50 and 200 per interval: a daily hump peaking in
     * the early afternoon, quieter weekends whose peak comes two hours later, and a busier Monday.
     */
    static double dayAndWeekRate(int t) {
        int dayOfWeek = (t / DAY) % 7;
        double hour = (t % DAY) / 2.0;
        double peakHour = dayOfWeek >= 5 ? 16 : 14;
        double weekFactor = switch (dayOfWeek) {
            case 0 -> 1.15;
            case 5 -> 0.75;
            case 6 -> 0.65;
            default -> 1.0;
        };
        double hump = StrictMath.exp(-StrictMath.pow((hour - peakHour) / 4.5, 2));
        return 50 + 150 * weekFactor * hump;
    }

    /** A queue that is empty between 00:00 and 06:00 and busy in the day, zero-mean at night. */
    static double nightClosedRate(int t) {
        double hour = (t % DAY) / 2.0;
        if (hour < 6) {
            return 0;
        }
        int dayOfWeek = (t / DAY) % 7;
        double weekFactor = dayOfWeek >= 5 ? 0.5 : 1.0;
        return 3 + 60 * weekFactor * StrictMath.exp(-StrictMath.pow((hour - 13) / 3.5, 2));
    }

    /** The expected rates of intervals {@code [0, n)}. */
    static double[] rates(int n, IntToDoubleFunction rate) {
        double[] rates = new double[n];
        for (int t = 0; t < n; t++) {
            rates[t] = rate.applyAsDouble(t);
        }
        return rates;
    }

    /** Poisson counts around the rates, from a seeded generator. */
    static double[] poisson(double[] rates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] counts = new double[rates.length];
        for (int t = 0; t < rates.length; t++) {
            counts[t] = poisson(rates[t], random);
        }
        return counts;
    }

    /** A Poisson series of {@code n} intervals starting on a Monday. */
    static Series poissonSeries(int n, IntToDoubleFunction rate, long seed) {
        return Series.of(MONDAY, HALF_HOUR, poisson(rates(n, rate), seed));
    }

    /** One Poisson draw: Knuth's product method in chunks, exact for the rates used here. */
    static long poisson(double mean, SplittableRandom random) {
        long count = 0;
        double remaining = mean;
        while (remaining > 0) {
            double chunk = Math.min(remaining, 30.0);
            remaining -= chunk;
            double limit = StrictMath.exp(-chunk);
            double product = random.nextDouble();
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
        }
        return count;
    }

    /**
     * The exact mean absolute deviation of a Poisson variable from its mean,
     * {@code E|Y - lambda| = 2 e^-lambda lambda^(m+1) / m!} with {@code m = floor(lambda)}.
     */
    static double poissonMeanAbsoluteDeviation(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        long m = (long) Math.floor(lambda);
        double logTerm = StrictMath.log(2) - lambda + (m + 1) * StrictMath.log(lambda);
        for (long i = 2; i <= m; i++) {
            logTerm -= StrictMath.log(i);
        }
        return StrictMath.exp(logTerm);
    }
}
