package org.vigil.workforce.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Solves the sample Trust &amp; Safety week (about 300 agents' worth of work, three templates with
 * starts every 30 minutes, in-house plus two vendors, 60 % vendor share cap) once per
 * invocation and prints cost, LP bound and gap after each iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScheduleBenchmark {

    @Param({"0.02", "0.005"})
    public double relativeGapLimit;

    @Param({"60"})
    public int timeLimitSeconds;

    private ScheduleProblem problem;
    private SolverOptions options;
    private Schedule last;

    @Setup(Level.Trial)
    public void prepare() {
        problem = SampleWeeks.benchmarkProblem();
        options = SolverOptions.defaults()
                .withRelativeGapLimit(relativeGapLimit)
                .withTimeLimit(Duration.ofSeconds(timeLimitSeconds));
    }

    @Benchmark
    public Schedule solveWeek() {
        last = ScheduleSolver.solve(problem, options);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (last == null) {
            return;
        }
        long requiredAgentIntervals = problem.requiredAgents().stream().mapToLong(Integer::longValue).sum();
        System.out.printf("%n  status=%s objective=%s workforceCost=%s lpBound=%s gap=%.4f%% cpSatBound=%s"
                        + " paidHours=%.1f requiredHours=%.1f shortfall=%d shifts=%d wall=%.2fs%n  teams=%s%n",
                last.status(), last.objective(), last.workforceCost(), last.lpBound().orElseThrow(),
                100 * last.gapToLpBound().orElseThrow(), last.cpSatBound(), last.paidHours(),
                requiredAgentIntervals / 2.0, last.totalShortfall(),
                last.shifts().stream().mapToInt(AssignedShift::agents).sum(),
                last.wallTime().toMillis() / 1000.0, last.teamCosts());
    }
}
