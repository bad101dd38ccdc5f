package org.vigil.workforce.staffing;

/**
 * Erlang B (M/M/n/n, blocked items lost): the probability that an arrival finds all {@code n} agents busy
 * when {@code A} Erlangs are offered.
 *
 * <p>{@code B(n, A) = (A^n/n!) / Σ_{k=0..n} A^k/k!}, evaluated with the recursion
 * {@code B_0 = 1, B_k = A·B_{k-1}/(k + A·B_{k-1})} (see {@link ErlangBRecursion}); stable from
 * hundredths of an Erlang to millions of Erlangs. Dimensionless result in {@code [0, 1]}.
 */
public final class ErlangB {

    private ErlangB() {
    }

    /**
     * @param agents  number of agents {@code n ≥ 0}
     * @param erlangs offered load {@code A ≥ 0} in Erlangs (arrival rate × mean handling time)
     * @return blocking probability {@code B(n, A)}
     */
    public static double blocking(int agents, double erlangs) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0");
        }
        if (!(erlangs >= 0) || Double.isInfinite(erlangs)) {
            throw new IllegalArgumentException("erlangs must be a finite number >= 0");
        }
        if (erlangs == 0) {
            return agents == 0 ? 1.0 : 0.0;
        }
        return ErlangBRecursion.positionedAt(erlangs, agents).blocking();
    }
}
