package org.vigil.workforce.staffing;

import java.util.Arrays;

/**
 * Upper tail {@code P(N > j)} of a negative binomial {@code N ~ NB(r, p)}, with
 * {@code P(N = k) = Γ(r + k)/(Γ(r)·k!)·p^r·(1 − p)^k}, read for {@code j = 0, 1, 2, …} in order.
 *
 * <p>Probabilities come from the ratio {@code P(N = k)/P(N = k − 1) = (r + k − 1)(1 − p)/k}, starting from
 * {@code log P(N = 0) = r·log p} and carried in log space while below {@code e^-700}, so nothing underflows
 * on the way up. While the lower sum {@code P(N ≤ j)} is at most ½ the tail is {@code 1 − P(N ≤ j)} (at least ½,
 * so no cancellation). Past the median the remaining probabilities are generated once, up to where a geometric
 * bound puts what is left below {@code 10^-18} of the tail, and summed from the right, so small tails keep
 * their relative accuracy instead of turning into rounding noise.
 */
final class NegativeBinomialTail {

    private static final double LOG_UNDERFLOW = -700.0;
    private static final double NEGLIGIBLE = 1e-18;

    private final double r;
    private final double oneMinusP;

    private int index;
    private double logPmf;
    private boolean pmfInRange;
    private double pmf;
    private double lowerSum;

    private double[] upperTails;
    private int upperBase;

    /**
     * @param r         shape {@code r > 0}
     * @param oneMinusP {@code 1 − p} in {@code [0, 1]}, ideally from {@code -expm1(log p)}
     * @param logP0     {@code log P(N = 0) = r·log p}
     */
    NegativeBinomialTail(double r, double oneMinusP, double logP0) {
        this.r = r;
        this.oneMinusP = oneMinusP;
        this.index = 0;
        this.logPmf = logP0;
        this.pmfInRange = logP0 > LOG_UNDERFLOW;
        this.pmf = pmfInRange ? Math.exp(logP0) : 0.0;
        this.lowerSum = pmf;
    }

    /** {@code P(N > j)}; {@code j} must not decrease from one call to the next. */
    double above(int j) {
        if (upperTails == null) {
            while (index < j && lowerSum <= 0.5) {
                step();
                lowerSum += pmf;
            }
            if (lowerSum <= 0.5) {
                return 1.0 - lowerSum;
            }
            buildUpperTails();
        }
        int offset = j - upperBase;
        return offset < upperTails.length ? upperTails[offset] : 0.0;
    }

    private void step() {
        index++;
        double ratio = (r + index - 1) * oneMinusP / index;
        if (pmfInRange) {
            pmf *= ratio;
        } else {
            logPmf += Math.log(ratio);
            if (logPmf > LOG_UNDERFLOW) {
                pmfInRange = true;
                pmf = Math.exp(logPmf);
            }
        }
    }

    /** Generates {@code P(N = k)} for {@code k > index} and stores {@code P(N > j)} for {@code j ≥ index}. */
    private void buildUpperTails() {
        upperBase = index;
        double[] masses = new double[64];
        int count = 0;
        double sum = 0.0;
        while (true) {
            step();
            if (count == masses.length) {
                masses = Arrays.copyOf(masses, 2 * count);
            }
            masses[count++] = pmf;
            sum += pmf;
            double nextRatio = (r + index) * oneMinusP / (index + 1);
            if (pmf == 0.0 || (nextRatio < 1.0 && pmf * nextRatio / (1.0 - nextRatio) <= NEGLIGIBLE * sum)) {
                break;
            }
            if (count >= ErlangA.MAX_QUEUE_TERMS) {
                break;
            }
        }
        // upperTails[i] = P(N > upperBase + i) = Σ_{k > upperBase + i} P(N = k)
        upperTails = new double[count];
        double tail = 0.0;
        for (int i = count - 1; i >= 0; i--) {
            tail += masses[i];
            upperTails[i] = tail;
        }
    }
}
