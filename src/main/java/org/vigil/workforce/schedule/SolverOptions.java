package org.vigil.workforce.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to search.
 *
 * <p>CP-SAT stops at the first of: proven optimality, a schedule whose relative gap to CP-SAT's
 * own bound or to the LP bound is at most {@code relativeGapLimit}, or {@code timeLimit}. With {@code workers == 1}
 * and the same {@code randomSeed} a run that stops on optimality or gap (not on time) is
 * reproducible.
 *
 * @param timeLimit wall-clock limit for CP-SAT, positive
 * @param workers CP-SAT search workers, 1..2 (the kernel runs on shared two-core machines)
 * @param relativeGapLimit stop once the objective is within this relative gap of a proven bound, 0..1
 * @param randomSeed CP-SAT random seed
 * @param computeLpBound whether to also solve the linear relaxation with GLOP
 */
public record SolverOptions(
        Duration timeLimit,
        int workers,
        double relativeGapLimit,
        int randomSeed,
        boolean computeLpBound) {

    /** Validates the options; throws {@link IllegalArgumentException} when invalid. */
    public SolverOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        if (workers < 1 || workers > 2) {
            throw new IllegalArgumentException("workers must be 1 or 2, got " + workers);
        }
        if (!(relativeGapLimit >= 0 && relativeGapLimit <= 1)) {
            throw new IllegalArgumentException("relative gap limit must be within 0..1, got " + relativeGapLimit);
        }
    }

    /** 60 s, 2 workers, 0.5 % gap, seed 0, with LP bound. */
    public static SolverOptions defaults() {
        return new SolverOptions(Duration.ofSeconds(60), 2, 0.005, 0, true);
    }

    /**
     * These options with another time limit.
     *
     * @param limit the time limit
     * @return new options
     */
    public SolverOptions withTimeLimit(Duration limit) {
        return new SolverOptions(limit, workers, relativeGapLimit, randomSeed, computeLpBound);
    }

    /**
     * These options with another worker count.
     *
     * @param count 1 or 2
     * @return new options
     */
    public SolverOptions withWorkers(int count) {
        return new SolverOptions(timeLimit, count, relativeGapLimit, randomSeed, computeLpBound);
    }

    /**
     * These options with another relative gap limit.
     *
     * @param gap the gap, 0..1
     * @return new options
     */
    public SolverOptions withRelativeGapLimit(double gap) {
        return new SolverOptions(timeLimit, workers, gap, randomSeed, computeLpBound);
    }

    /**
     * These options with another random seed.
     *
     * @param seed the seed
     * @return new options
     */
    public SolverOptions withRandomSeed(int seed) {
        return new SolverOptions(timeLimit, workers, relativeGapLimit, seed, computeLpBound);
    }

    /**
     * These options with the LP bound switched on or off.
     *
     * @param compute whether to solve the relaxation
     * @return new options
     */
    public SolverOptions withLpBound(boolean compute) {
        return new SolverOptions(timeLimit, workers, relativeGapLimit, randomSeed, compute);
    }
}
