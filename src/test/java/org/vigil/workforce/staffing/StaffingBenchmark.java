package org.vigil.workforce.staffing;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A week of half-hour intervals (336) for 50 queues: the agents required in every interval by
 * Erlang C for 80/20, with loads drawn like a real floor's (0.5 to 400 Erlangs, seeded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StaffingBenchmark {

    private static final int INTERVALS = 336;
    private static final int QUEUES = 50;

    private final Staffing staffing = new Staffing();
    private StaffingRequest[] requests;

    @Setup
    public void plan() {
        SplittableRandom random = new SplittableRandom(7);
        requests = new StaffingRequest[INTERVALS * QUEUES];
        for (int q = 0; q < QUEUES; q++) {
            double aht = 120 + random.nextInt(600);
            double peak = 1 + random.nextDouble() * 400;
            for (int i = 0; i < INTERVALS; i++) {
                double daily = 0.5 + 0.5 * Math.sin(2 * Math.PI * (i % 48) / 48.0 - Math.PI / 2);
                double erlangs = Math.max(0.5, peak * daily);
                double arrivals = erlangs * 1800 / aht;
                requests[q * INTERVALS + i] = StaffingRequest.erlangC(arrivals, 30, aht, 0.8, 20);
            }
        }
    }

    @Benchmark
    public void requiredAgentsForAWeekOfFiftyQueues(Blackhole sink) {
        for (StaffingRequest request : requests) {
            sink.consume(staffing.staff(request).agents());
        }
    }
}
