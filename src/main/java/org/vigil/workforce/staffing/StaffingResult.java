package org.vigil.workforce.staffing;

/**
 * Answer to a {@link StaffingRequest}.
 *
 * @param agents                    agents on the queue (required, or as given)
 * @param serviceLevel              share of arrivals answered within the target time, {@code [0, 1]}
 * @param probabilityOfWaiting      share of arrivals finding every agent busy, {@code [0, 1]}
 * @param asaSeconds                average speed of answer over all arrivals, seconds; {@code +∞} when unstable
 * @param occupancy                 share of agent time handling items, {@code [0, 1]}
 * @param abandonment               share of arrivals abandoning, {@code [0, 1]}; {@code null} for Erlang C
 * @param scheduledAgents           {@code ⌈agents / (1 − shrinkage)⌉}
 * @param scheduledAgentsFractional {@code agents / (1 − shrinkage)}, unrounded
 * @param offeredLoadErlangs        offered load {@code A}, Erlangs
 * @param stable                    false when an Erlang C queue has {@code agents ≤ A} and grows without bound
 * @param targetsMet                whether the figures meet every target of the request (always true for a
 *                                  solved request)
 */
public record StaffingResult(
        int agents,
        double serviceLevel,
        double probabilityOfWaiting,
        double asaSeconds,
        double occupancy,
        Double abandonment,
        int scheduledAgents,
        double scheduledAgentsFractional,
        double offeredLoadErlangs,
        boolean stable,
        boolean targetsMet) {
}
