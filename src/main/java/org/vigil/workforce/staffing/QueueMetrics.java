package org.vigil.workforce.staffing;

/**
 * What a queue achieves with a given number of agents, in the long run (stationary behaviour).
 *
 * @param agents               number of agents {@code n}
 * @param serviceLevel         share of all arrivals answered within the answer time, in {@code [0, 1]};
 *                             items that abandon count as not answered
 * @param probabilityOfWaiting share of arrivals that find every agent busy, in {@code [0, 1]}
 * @param asaSeconds           average speed of answer: mean time in queue over all arrivals (those answered
 *                             at once count as 0), in seconds; {@code +∞} when the queue is unstable
 * @param occupancy            share of agent time spent handling items, in {@code [0, 1]}; 0 when there are
 *                             no agents
 * @param abandonment          share of arrivals that abandon before being answered, in {@code [0, 1]}
 *                             (always 0 for Erlang C)
 * @param stable               false when the queue grows without bound (Erlang C with {@code n ≤ A}); the
 *                             figures are then limits: service level 0, probability of waiting 1, ASA
 *                             {@code +∞}, occupancy 1
 */
public record QueueMetrics(
        int agents,
        double serviceLevel,
        double probabilityOfWaiting,
        double asaSeconds,
        double occupancy,
        double abandonment,
        boolean stable) {

    /** Figures when nothing arrives: everything (vacuously) answered at once, agents idle. */
    static QueueMetrics idle(int agents) {
        return new QueueMetrics(agents, 1.0, 0.0, 0.0, 0.0, 0.0, true);
    }

    /** Limits of an Erlang C queue whose agents cannot keep up ({@code n ≤ A}). */
    static QueueMetrics unstable(int agents) {
        return new QueueMetrics(agents, 0.0, 1.0, Double.POSITIVE_INFINITY, agents == 0 ? 0.0 : 1.0, 0.0, false);
    }
}
