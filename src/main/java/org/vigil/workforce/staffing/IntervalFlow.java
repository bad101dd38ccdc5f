package org.vigil.workforce.staffing;

/**
 * Flow of deferred work through one interval.
 *
 * @param arrivals items arriving in the interval
 * @param agents   agents working the queue
 * @param capacity items those agents can handle in the interval: {@code agents · Δ · 60 · ρ / AHT}
 * @param served   items handled: {@code min(backlog before + arrivals, capacity)}
 * @param backlog  items still waiting at the end of the interval
 */
public record IntervalFlow(double arrivals, int agents, double capacity, double served, double backlog) {
}
