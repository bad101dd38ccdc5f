package org.vigil.workforce.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

/**
 * A week of half-hour intervals (336) for three queues with a daily arrival curve and 1,000,000 expected
 * arrivals in total, lognormal handling, exponential patience and three agent groups with overlapping skills,
 * staffed at about 5% above the offered load in every interval. One operation is one whole run; every
 * invocation uses the next seed, so the runs differ as they would in a replication study.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulationBenchmark {

    static final int INTERVALS = 336;
    static final double INTERVAL_SECONDS = 1800;
    static final double TOTAL_EXPECTED_ARRIVALS = 1_000_000;

    private SimulationPlan plan;
    private long seed;

    @Setup
    public void plan() {
        plan = weekOfThreeQueues();
    }

    @Benchmark
    public SimulationResult weekOfThreeQueuesWithAMillionArrivals() {
        return Simulation.run(plan, seed++);
    }

    static SimulationPlan weekOfThreeQueues() {
        double[] shape = new double[INTERVALS];
        double shapeTotal = 0;
        for (int i = 0; i < INTERVALS; i++) {
            int halfHour = i % 48;
            double daily = 0.15 + Math.max(0, Math.sin(Math.PI * (halfHour - 12) / 30.0));
            double weekday = i / 48 < 5 ? 1.0 : 0.7;
            shape[i] = daily * weekday;
            shapeTotal += shape[i];
        }
        double[] share = {0.5, 0.2, 0.3};
        double[] aht = {240, 420, 300};
        double[] cv = {0.8, 1.0, 0.6};
        double[] patience = {600, 1800, 300};
        String[] names = {"reports", "appeals", "support"};
        List<QueueSpec> queues = new ArrayList<>();
        double[][] erlangs = new double[3][INTERVALS];
        for (int q = 0; q < 3; q++) {
            List<Double> expected = new ArrayList<>(INTERVALS);
            for (int i = 0; i < INTERVALS; i++) {
                double arrivals = TOTAL_EXPECTED_ARRIVALS * share[q] * shape[i] / shapeTotal;
                expected.add(arrivals);
                erlangs[q][i] = arrivals * aht[q] / INTERVAL_SECONDS;
            }
            queues.add(new QueueSpec(names[q], 2 - q, expected, 60, HandleTime.lognormal(aht[q], cv[q]),
                    Patience.exponential(patience[q])));
        }
        List<Integer> specialists = new ArrayList<>();
        List<Integer> appealsTeam = new ArrayList<>();
        List<Integer> generalists = new ArrayList<>();
        for (int i = 0; i < INTERVALS; i++) {
            specialists.add(staff(0.7 * erlangs[0][i] + 0.4 * erlangs[1][i]));
            appealsTeam.add(staff(0.6 * erlangs[1][i]));
            generalists.add(staff(0.3 * erlangs[0][i] + erlangs[2][i]));
        }
        return new SimulationPlan(INTERVAL_SECONDS, queues, List.of(
                new AgentGroup("specialists", Set.of("reports", "appeals"), specialists),
                new AgentGroup("appeals-team", Set.of("appeals"), appealsTeam),
                new AgentGroup("generalists", Set.of("support", "reports"), generalists)));
    }

    private static int staff(double erlangs) {
        return (int) Math.ceil(erlangs * 1.05 + 1);
    }
}
