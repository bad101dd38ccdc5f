package org.vigil.workforce.staffing;

/**
 * Erlang A: M/M/n+M queue. As {@link ErlangC}, plus every waiting item abandons after an exponential patience
 * with mean {@code P} seconds. Rates per second: arrivals {@code λ = A/AHT}, service {@code μ = 1/AHT},
 * abandonment {@code θ = 1/P}; {@code A} is the offered load in Erlangs.
 *
 * <p><b>Stationary distribution.</b> {@code π_k ∝ A^k/k!} for {@code k ≤ n} and
 * {@code π_{n+j} = π_n·Π_{i=1..j} λ/(nμ + iθ)}. The states with an idle agent enter only through the Erlang B
 * idle weight {@code z = Σ_{k<n} π_k/π_n = 1/B(n, A) − 1} ({@link ErlangBRecursion}); the queue states are
 * running products {@code s_j = π_{n+j}/π_n}, rescaled by {@code 10^-250} whenever they grow past
 * {@code 10^250}, so nothing overflows. The sum stops once the terms are past their peak and a geometric bound
 * on everything left is below {@code 10^-17} of the sums so far (for both {@code Σ s_j} and {@code Σ j·s_j});
 * more than {@value #MAX_QUEUE_TERMS} queue states is refused (only reachable with patience millions of times
 * longer than what the overload allows, see {@link #evaluate}).
 *
 * <p><b>Outputs</b>, with {@code E[Q] = Σ_j j·π_{n+j}}:
 * <ul>
 *   <li>probability of waiting (an arrival finds all agents busy, by PASTA) {@code Σ_{j≥0} π_{n+j}};</li>
 *   <li>abandonment {@code θ·E[Q]/λ};</li>
 *   <li>ASA {@code E[Q]/λ} seconds: mean time in queue over all arrivals, abandoning ones included
 *       (Little's law; same convention as Erlang C);</li>
 *   <li>occupancy {@code λ(1 − abandonment)/(nμ)}, 0 for {@code n = 0};</li>
 *   <li>service level: share of all arrivals answered within {@code t} seconds, abandoned items counting as
 *       failures.</li>
 * </ul>
 *
 * <p><b>Service level.</b> An arrival that finds {@code j ≥ 0} items waiting moves up one place at rate
 * {@code nμ + iθ} while {@code i} items are ahead of it, and abandons itself at rate {@code θ}; it is answered
 * within {@code t} with probability {@code E[e^{−θT}; T ≤ t]}, where {@code T = Σ_{i=0..j} Exp(nμ + iθ)}.
 * Because the rates are evenly spaced, {@code e^{−θT}} is Beta({@code α}, {@code j+1}) distributed with
 * {@code α = nμ/θ}, which gives the exact closed form
 * <pre>
 *   P(answered within t | j ahead) = α/(α + j + 1) · P(N &gt; j),   N ~ NegativeBinomial(r = α + 1, p = e^{−θt}),
 * </pre>
 * where {@code N} counts the events of a linear birth process with rates {@code nμ + θ + kθ} during
 * {@code t}. The first factor is the probability of being answered at all; as {@code θ → 0} it tends to 1 and
 * {@code N} to Poisson({@code nμt}), which is Erlang C. The tail {@code P(N > j)} is computed without
 * underflow or cancellation by {@link NegativeBinomialTail} (with {@code 1 − p} from {@code expm1}). Every
 * term of the service-level sum is then accurate to a few units of {@code 10^-16} relative, so the service
 * level is too (up to the truncation above); the tests check it against a brute-force balance-equation and
 * uniformisation oracle to {@code 10^-9} and, as patience grows without bound, against Erlang C to
 * {@code 10^-9} relative.
 *
 * @param erlangs         offered load {@code A ≥ 0}, Erlangs
 * @param ahtSeconds      mean handling time {@code AHT > 0}, seconds
 * @param patienceSeconds mean patience {@code P > 0} of waiting items, seconds
 */
public record ErlangA(double erlangs, double ahtSeconds, double patienceSeconds) {

    /** Hard cap on the number of queue states summed for one evaluation. */
    public static final int MAX_QUEUE_TERMS = 5_000_000;

    private static final double TRUNCATION = 1e-17;
    private static final double RESCALE_ABOVE = 1e250;
    private static final double RESCALE_BY = 1e-250;

    public ErlangA {
        ErlangC.requireValidLoad(erlangs, ahtSeconds);
        if (!(patienceSeconds > 0) || Double.isInfinite(patienceSeconds)) {
            throw new IllegalArgumentException("patienceSeconds must be a finite number > 0");
        }
    }

    /**
     * Figures achieved by {@code agents} agents (always stable: abandonment bounds the queue).
     *
     * @param agents        number of agents {@code n ≥ 0}
     * @param answerSeconds answer-time threshold {@code t ≥ 0} of the service level, seconds
     * @throws IllegalArgumentException when the queue-length distribution would need more than
     *                                  {@value #MAX_QUEUE_TERMS} states (a standing queue of millions of items)
     */
    public QueueMetrics evaluate(int agents, double answerSeconds) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0");
        }
        ErlangC.requireAnswerTime(answerSeconds);
        if (erlangs == 0) {
            return QueueMetrics.idle(agents);
        }
        // Same single-step path as requiredAgents, so both report bit-identical figures.
        ErlangBRecursion recursion = ErlangBRecursion.fromZero(erlangs);
        recursion.advanceTo(agents);
        return metrics(agents, recursion.idleWeight(), answerSeconds);
    }

    /**
     * The smallest number of agents meeting every target at once: service level, abandonment and occupancy
     * caps. Zero load needs zero agents; a positive load always gets at least one agent (with no agents every
     * item abandons, which is never a staffing answer).
     *
     * <p>Unlike Erlang C the search considers every {@code n} from 1 upward, since abandonment can make
     * {@code n < A} sufficient. The Erlang B recursion is carried forward one step per {@code n}. Candidates are
     * ruled out without summing the queue when a throughput bound already fails them: the answered rate
     * {@code λ(1 − abandonment)} cannot exceed {@code nμ}, so service level {@code ≤ 1 − abandonment ≤ n/A},
     * and abandonment {@code ≥ 1 − n/A}.
     *
     * @throws IllegalArgumentException when the service-level target is 1 with a positive load, or no staffing
     *                                  up to {@code ⌈A/maxOccupancy⌉ + 40√(A+1) + 100} agents meets the targets
     */
    public QueueMetrics requiredAgents(ServiceTarget target) {
        target.requireReachableWithLoad(erlangs);
        if (erlangs == 0) {
            return QueueMetrics.idle(0);
        }
        double limit = Math.ceil(erlangs / target.maxOccupancy()) + Math.ceil(40 * Math.sqrt(erlangs + 1)) + 100;
        int maxAgents = (int) Math.min(Integer.MAX_VALUE - 1, limit);
        double t = target.answerSeconds();
        ErlangBRecursion recursion = ErlangBRecursion.fromZero(erlangs);
        for (int agents = 1; agents <= maxAgents; agents++) {
            recursion.advance();
            double throughputShare = agents / erlangs;
            if (throughputShare < target.serviceLevel() || 1.0 - throughputShare > target.maxAbandonment()) {
                continue;
            }
            QueueMetrics metrics = metrics(agents, recursion.idleWeight(), t);
            if (target.isMetBy(metrics)) {
                return metrics;
            }
        }
        throw new IllegalArgumentException("targets cannot be met with up to " + maxAgents + " agents");
    }

    private QueueMetrics metrics(int agents, double idleWeight, double answerSeconds) {
        if (idleWeight == Double.POSITIVE_INFINITY) {
            return new QueueMetrics(agents, 1.0, 0.0, 0.0, erlangs / agents, 0.0, true);
        }
        double mu = 1.0 / ahtSeconds;
        double lambda = erlangs * mu;
        double theta = 1.0 / patienceSeconds;
        double serviceRate = agents * mu;
        QueueSums sums = queueSums(lambda, serviceRate, theta, answerSeconds);

        double head = idleWeight * sums.headScale();
        double total = head + sums.weight();
        double waiting = sums.weight() / total;
        double queueLength = sums.lengthWeight() / total;
        double answeredInTime = (head + sums.answeredInTimeWeight()) / total;

        double abandonment = Math.min(1.0, theta * queueLength / lambda);
        double asa = queueLength / lambda;
        double occupancy = agents == 0 ? 0.0 : Math.min(1.0, erlangs * (1.0 - abandonment) / agents);
        return new QueueMetrics(agents, clamp(answeredInTime), clamp(waiting), asa, occupancy, abandonment, true);
    }

    /**
     * Scaled sums over the queue states: {@code Σ s_j}, {@code Σ j·s_j}, {@code Σ s_j·P(answered within t | j)},
     * and the factor {@code headScale} by which the idle-state weight must be multiplied to share their scale.
     */
    private record QueueSums(double weight, double lengthWeight, double answeredInTimeWeight, double headScale) {
    }

    private static QueueSums queueSums(double lambda, double serviceRate, double theta, double answerSeconds) {
        double alpha = serviceRate / theta;
        double r = alpha + 1.0;
        double oneMinusP = -Math.expm1(-theta * answerSeconds);
        boolean anyAnswered = serviceRate > 0;

        NegativeBinomialTail moveUps = anyAnswered
                ? new NegativeBinomialTail(r, oneMinusP, -(serviceRate + theta) * answerSeconds)
                : null;
        boolean tailExhausted = !anyAnswered;

        double term = 1.0;
        double weight = 0.0;
        double lengthWeight = 0.0;
        double answeredWeight = 0.0;
        int rescales = 0;

        for (int j = 0; ; j++) {
            weight += term;
            lengthWeight += j * term;
            if (!tailExhausted) {
                double tail = moveUps.above(j);
                if (tail <= 0) {
                    tailExhausted = true;
                } else {
                    answeredWeight += term * (alpha / (alpha + j + 1)) * tail;
                }
            }

            int next = j + 1;
            double ratio = lambda / (serviceRate + next * theta);
            double nextTerm = term * ratio;
            if (ratio < 1.0) {
                double remaining = nextTerm / (1.0 - ratio);
                double remainingLength = nextTerm * (next / (1.0 - ratio) + ratio / ((1.0 - ratio) * (1.0 - ratio)));
                if (nextTerm == 0.0
                        || (remaining <= TRUNCATION * weight && remainingLength <= TRUNCATION * lengthWeight)) {
                    break;
                }
            }
            if (next > MAX_QUEUE_TERMS) {
                throw new IllegalArgumentException("patienceSeconds is too long for this overload: the queue would hold"
                        + " more than " + MAX_QUEUE_TERMS + " items; add agents or use ERLANG_C");
            }
            term = nextTerm;
            if (term > RESCALE_ABOVE) {
                term *= RESCALE_BY;
                weight *= RESCALE_BY;
                lengthWeight *= RESCALE_BY;
                answeredWeight *= RESCALE_BY;
                rescales++;
            }
        }
        double headScale = rescales == 0 ? 1.0 : Math.pow(RESCALE_BY, rescales);
        return new QueueSums(weight, lengthWeight, answeredWeight, headScale);
    }

    private static double clamp(double probability) {
        return Math.max(0.0, Math.min(1.0, probability));
    }
}
