package org.vigil.workforce.staffing;

import java.math.BigDecimal;
import java.math.MathContext;

/** Independent reference: Erlang B and C by direct summation of {@code A^k/k!} in 60-digit decimal arithmetic. */
final class ExactErlang {

    private static final MathContext PRECISION = new MathContext(60);

    private ExactErlang() {
    }

    /** {@code (A^n/n!) / Σ_{k≤n} A^k/k!} summed term by term. */
    static double blocking(int agents, double erlangs) {
        BigDecimal[] terms = poissonTerms(agents, erlangs);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal term : terms) {
            sum = sum.add(term);
        }
        return terms[agents].divide(sum, PRECISION).doubleValue();
    }

    /** {@code (A^n/n!·n/(n−A)) / (Σ_{k<n} A^k/k! + A^n/n!·n/(n−A))}, for {@code n > A}. */
    static double probabilityOfWaiting(int agents, double erlangs) {
        BigDecimal[] terms = poissonTerms(agents, erlangs);
        BigDecimal a = new BigDecimal(erlangs);
        BigDecimal n = BigDecimal.valueOf(agents);
        BigDecimal top = terms[agents].multiply(n).divide(n.subtract(a), PRECISION);
        BigDecimal below = BigDecimal.ZERO;
        for (int k = 0; k < agents; k++) {
            below = below.add(terms[k]);
        }
        return top.divide(below.add(top), PRECISION).doubleValue();
    }

    /**
     * {@code A^k / k!} for {@code k = 0..n}: from scratch as power over exact factorial for small {@code n}, as the
     * running product {@code A/1 · A/2 ⋯ A/k} (60 significant digits) for large {@code n}.
     */
    private static BigDecimal[] poissonTerms(int agents, double erlangs) {
        BigDecimal a = new BigDecimal(erlangs);
        BigDecimal[] terms = new BigDecimal[agents + 1];
        BigDecimal factorial = BigDecimal.ONE;
        terms[0] = BigDecimal.ONE;
        for (int k = 1; k <= agents; k++) {
            if (agents <= 200) {
                factorial = factorial.multiply(BigDecimal.valueOf(k));
                terms[k] = a.pow(k).divide(factorial, PRECISION);
            } else {
                terms[k] = terms[k - 1].multiply(a).divide(BigDecimal.valueOf(k), PRECISION);
            }
        }
        return terms;
    }
}
