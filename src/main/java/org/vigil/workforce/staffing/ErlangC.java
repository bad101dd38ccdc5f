package org.vigil.workforce.staffing;

/**
 * Erlang C: M/M/n queue with infinite patience. Items arrive at random (Poisson, rate {@code λ} per second),
 * handling times are exponential with mean {@code AHT} seconds, and {@code n} agents serve one FIFO queue.
 *
 * <p>Formulas, with offered load {@code A = λ·AHT} (Erlangs) and Erlang B {@code B = B(n, A)}:
 * <ul>
 *   <li>probability of waiting {@code C = n·B / (n − A·(1 − B))}, computed as {@code n / ((n − A)(1 + z) + A)}
 *       with the idle weight {@code z = 1/B − 1} so that no cancellation occurs;</li>
 *   <li>service level {@code SL(t) = 1 − C·exp(−(n − A)·t / AHT)} for answer time {@code t} seconds;</li>
 *   <li>average speed of answer {@code ASA = C·AHT / (n − A)} seconds (mean wait over all arrivals);</li>
 *   <li>occupancy {@code A / n}.</li>
 * </ul>
 * For {@code n ≤ A} the queue is unstable and {@link QueueMetrics#unstable(int)} limits are reported
 * ({@code stable = false}, SL 0, probability of waiting 1, ASA {@code +∞}). With {@code A = 0} nothing waits:
 * SL 1, ASA 0, occupancy 0. Results stay finite and accurate from {@code A = 0.01} to millions of Erlangs.
 *
 * <p>Cost: {@link #requiredAgents} positions the Erlang B recursion once (about {@code 9√A} steps, four at a
 * time, see {@link ErlangBRecursion}) and then takes one recursion step and two multiplications per candidate
 * (the exponential is carried as a running product and the answer re-checked with exact figures), so well
 * under a microsecond for loads in the hundreds of Erlangs. Performance is benchmarked separately; the tests
 * contain no timings.
 *
 * @param erlangs    offered load {@code A ≥ 0}, Erlangs
 * @param ahtSeconds mean handling time {@code AHT > 0}, seconds
 */
public record ErlangC(double erlangs, double ahtSeconds) {

    /** Largest offered load accepted, Erlangs; keeps agent counts well inside {@code int}. */
    public static final double MAX_ERLANGS = 1.0e6;

    public ErlangC {
        requireValidLoad(erlangs, ahtSeconds);
    }

    static void requireValidLoad(double erlangs, double ahtSeconds) {
        if (!(erlangs >= 0 && erlangs <= MAX_ERLANGS)) {
            throw new IllegalArgumentException("erlangs must be in [0, " + (long) MAX_ERLANGS + "]");
        }
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw new IllegalArgumentException("ahtSeconds must be a finite number > 0");
        }
    }

    /**
     * Figures achieved by {@code agents} agents.
     *
     * @param agents        number of agents {@code n ≥ 0}
     * @param answerSeconds answer-time threshold {@code t ≥ 0} of the service level, seconds
     */
    public QueueMetrics evaluate(int agents, double answerSeconds) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0");
        }
        requireAnswerTime(answerSeconds);
        if (erlangs == 0) {
            return QueueMetrics.idle(agents);
        }
        if (agents <= erlangs) {
            return QueueMetrics.unstable(agents);
        }
        return metrics(agents, ErlangBRecursion.positionedAt(erlangs, agents).idleWeight(), answerSeconds);
    }

    /**
     * The smallest number of agents {@code n > A} meeting every target at once: service level, and occupancy
     * when capped ({@code maxAbandonment} is always met: nothing abandons). Zero load needs zero agents.
     *
     * <p>The search starts at {@code max(⌊A⌋ + 1, ⌈A / maxOccupancy⌉)} and carries the Erlang B recursion
     * forward one step per candidate. The result equals {@link #evaluate} at the returned number of agents.
     *
     * @throws IllegalArgumentException when the service-level target is 1 with a positive load
     */
    public QueueMetrics requiredAgents(ServiceTarget target) {
        target.requireReachableWithLoad(erlangs);
        if (erlangs == 0) {
            return QueueMetrics.idle(0);
        }
        int start = Math.max((int) Math.floor(erlangs) + 1, occupancyFloor(erlangs, target.maxOccupancy()));
        ErlangBRecursion recursion = ErlangBRecursion.positionedAt(erlangs, start);
        double t = target.answerSeconds();
        double tau = t / ahtSeconds;
        double stepDecay = Math.exp(-tau);
        double decay = Math.exp(-(start - erlangs) * tau);
        double allowedMiss = 1.0 - target.serviceLevel();
        double previousMissBeyond = Double.POSITIVE_INFINITY;
        int agents = start;
        while (true) {
            // SL ≥ target  ⇔  C·decay ≤ 1 − target  ⇔  n·decay ≤ (1 − target)·((n − A)(1 + z) + A): no division.
            double denominator = (agents - erlangs) * (1.0 + recursion.idleWeight()) + erlangs;
            double missBeyond = agents * decay - allowedMiss * denominator;
            if (missBeyond <= 0) {
                QueueMetrics found = metrics(agents, recursion.idleWeight(), t);
                if (target.isMetBy(found)) {
                    return previousMissBeyond <= 1e-12 * denominator ? settleDownward(found, start, target) : found;
                }
            }
            previousMissBeyond = missBeyond;
            recursion.advance();
            agents++;
            decay *= stepDecay;
        }
    }

    /**
     * The screening carries the exponential as a running product; when the previous candidate failed only by
     * rounding-level margins, re-check it (and any before it) with the exact figures that {@link #evaluate}
     * reports, so that required − 1 never meets the targets.
     */
    private QueueMetrics settleDownward(QueueMetrics found, int start, ServiceTarget target) {
        QueueMetrics best = found;
        for (int agents = found.agents() - 1; agents >= start; agents--) {
            QueueMetrics fewer = evaluate(agents, target.answerSeconds());
            if (!target.isMetBy(fewer)) {
                break;
            }
            best = fewer;
        }
        return best;
    }

    /** Smallest {@code n} with {@code A / n ≤ cap}, using the same expression as the reported occupancy. */
    static int occupancyFloor(double erlangs, double cap) {
        double exact = Math.ceil(erlangs / cap);
        if (exact > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("maxOccupancy is too low for this load: more than "
                    + Integer.MAX_VALUE + " agents would be needed");
        }
        int agents = Math.max(1, (int) exact);
        while (agents > 1 && erlangs / (agents - 1) <= cap) {
            agents--;
        }
        while (erlangs / agents > cap) {
            agents++;
        }
        return agents;
    }

    private double probabilityOfWaiting(int agents, double idleWeight) {
        return agents / ((agents - erlangs) * (1.0 + idleWeight) + erlangs);
    }

    private QueueMetrics metrics(int agents, double idleWeight, double answerSeconds) {
        double waiting = probabilityOfWaiting(agents, idleWeight);
        double spare = agents - erlangs;
        double serviceLevel = 1.0 - waiting * Math.exp(-spare * answerSeconds / ahtSeconds);
        double asa = waiting * ahtSeconds / spare;
        return new QueueMetrics(agents, serviceLevel, waiting, asa, erlangs / agents, 0.0, true);
    }

    static void requireAnswerTime(double answerSeconds) {
        if (!(answerSeconds >= 0) || Double.isInfinite(answerSeconds)) {
            throw new IllegalArgumentException("answerSeconds must be a finite number >= 0");
        }
    }
}
