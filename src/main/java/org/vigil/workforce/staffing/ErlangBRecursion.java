package org.vigil.workforce.staffing;

/**
 * Cursor over the Erlang B recursion for one offered load {@code A} (Erlangs), advanced one agent at a time.
 *
 * <p>The textbook recursion {@code B_0 = 1, B_k = A·B_{k-1} / (k + A·B_{k-1})} is kept in the equivalent
 * reciprocal form {@code 1/B_k = 1 + (k/A)·(1/B_{k-1})}. The cursor stores the <em>idle weight</em>
 * {@code z_k = 1/B_k − 1 = Σ_{i<k} π_i / π_k}: the stationary mass of the states in which at least one of
 * {@code k} agents is idle, relative to the state in which all are busy. It steps as
 * {@code z_k = (k/A)·(1 + z_{k-1})}, one multiply and one add per agent, with no factorials or powers of A.
 * Past the point where {@code z} exceeds the double range it is held at {@code +∞} (blocking exactly 0).
 *
 * <p><b>Warm start.</b> An error {@code δ} in {@code 1/B_{k0}} reaches {@code 1/B_k} multiplied by
 * {@code Π_{i=k0+1..k} (i/A)}, and its relative size never grows afterwards (it is multiplied by
 * {@code 1 − B_k ≤ 1} per step). Starting {@code m} steps below {@code min(n, ⌊A⌋)} from the guess
 * {@code B = 1} (relative error below 1, since {@code 1/B ≥ 1}) therefore leaves a relative error of at most
 * {@code (A/m)·exp(−m(m−1)/(2A))}. With {@code m = ⌈√(2A(40 + ½·ln(1+A)))⌉ + 2} that bound is below
 * {@code (A/m)·e^-40/√(1+A) ≤ e^-40/√80 < 5·10^-19} for every {@code A}, far under double rounding, while the
 * work per call drops from {@code n} steps to about {@code 9√A + (n − A)} steps.
 */
final class ErlangBRecursion {

    private final double erlangs;
    private final double inverseErlangs;
    private int agents;
    private double idleWeight;

    private ErlangBRecursion(double erlangs, int agents) {
        this.erlangs = erlangs;
        this.inverseErlangs = 1.0 / erlangs;
        this.agents = agents;
        this.idleWeight = 0.0;
    }

    /** The exact recursion from {@code B_0 = 1}; requires {@code erlangs > 0}. */
    static ErlangBRecursion fromZero(double erlangs) {
        return new ErlangBRecursion(erlangs, 0);
    }

    /**
     * The recursion positioned at {@code agents}, warm-started as described on the class; requires
     * {@code erlangs > 0}. Up to {@code ⌊A⌋ + 1} it advances four steps at a time, beyond that one step at a
     * time, so positioning at {@code n} and then advancing gives bit-identical values to positioning at
     * {@code n + 1} whenever {@code n > A}.
     */
    static ErlangBRecursion positionedAt(double erlangs, int agents) {
        int firstStable = (int) Math.min((double) agents, Math.floor(erlangs) + 1);
        int start = Math.max(0, Math.min(firstStable, (int) Math.floor(erlangs)) - forgettingSteps(erlangs));
        ErlangBRecursion recursion = new ErlangBRecursion(erlangs, start);
        recursion.advanceInBlocksTo(firstStable);
        recursion.advanceTo(agents);
        return recursion;
    }

    /** Number of recursion steps after which the starting value no longer matters to double precision. */
    static int forgettingSteps(double erlangs) {
        return (int) Math.ceil(Math.sqrt(2.0 * erlangs * (40.0 + 0.5 * Math.log1p(erlangs)))) + 2;
    }

    /** Moves from {@code k} to {@code k + 1} agents. */
    void advance() {
        agents++;
        idleWeight = agents * inverseErlangs * (1.0 + idleWeight);
    }

    /** Moves to {@code target} agents one step at a time. */
    void advanceTo(int target) {
        while (agents < target) {
            if (idleWeight == Double.POSITIVE_INFINITY) {
                agents = target;
                return;
            }
            advance();
        }
    }

    /**
     * Moves to {@code target} agents with four steps composed into one affine map
     * {@code z_{k+4} = P + Q·z_k}, where {@code c_i = i/A}, {@code Q = c_{k+1}c_{k+2}c_{k+3}c_{k+4}} and
     * {@code P = c_{k+4} + c_{k+4}c_{k+3} + c_{k+4}c_{k+3}c_{k+2} + Q}: the same recursion with every term
     * positive (no cancellation) and a quarter of the dependent operations.
     */
    private void advanceInBlocksTo(int target) {
        while (target - agents >= 4) {
            double k = agents;
            double c1 = (k + 1) * inverseErlangs;
            double c2 = (k + 2) * inverseErlangs;
            double c3 = (k + 3) * inverseErlangs;
            double c4 = (k + 4) * inverseErlangs;
            double q43 = c4 * c3;
            double q432 = q43 * c2;
            double q4321 = q432 * c1;
            idleWeight = (c4 + q43 + q432 + q4321) + q4321 * idleWeight;
            agents += 4;
        }
        advanceTo(target);
    }

    int agents() {
        return agents;
    }

    double erlangs() {
        return erlangs;
    }

    /** {@code z = 1/B − 1}, possibly {@code +∞}. */
    double idleWeight() {
        return idleWeight;
    }

    /** Erlang B blocking probability {@code B = 1/(1 + z)} at the current number of agents. */
    double blocking() {
        return 1.0 / (1.0 + idleWeight);
    }
}
