package org.vigil.workforce.forecast;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The nightly planning run: for 50 queues with four weeks of 30-minute history each, backtest the
 * standard candidates, refit the winner on all history and forecast two weeks with 95% intervals.
 * Also times a single double seasonal Holt-Winters fit on four weeks of data.
 *
 * <p>Run with {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * org.openjdk.jmh.Main ForecastBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ForecastBenchmark {

    private static final int QUEUES = 50;
    private static final int HISTORY = 4 * SyntheticQueue.WEEK;
    private static final int HORIZON = 2 * SyntheticQueue.WEEK;

    private Series[] queues;

    @Setup
    public void generateQueues() {
        queues = new Series[QUEUES];
        for (int q = 0; q < QUEUES; q++) {
            double scale = 0.1 + 1.9 * q / (QUEUES - 1);
            queues[q] = q % 5 == 4
                    ? SyntheticQueue.poissonSeries(HISTORY, t -> scale * SyntheticQueue.nightClosedRate(t), 1000 + q)
                    : SyntheticQueue.poissonSeries(HISTORY, t -> scale * SyntheticQueue.dayAndWeekRate(t), 1000 + q);
        }
    }

    @Benchmark
    public void chooseAndForecastFiftyQueues(Blackhole blackhole) {
        for (Series queue : queues) {
            blackhole.consume(ModelChoice.choose(queue).forecast(HORIZON, 0.95));
        }
    }

    @Benchmark
    public FittedModel fitHoltWintersOnFourWeeks() {
        return HoltWinters.doubleSeasonal().fit(queues[QUEUES / 2]);
    }
}
