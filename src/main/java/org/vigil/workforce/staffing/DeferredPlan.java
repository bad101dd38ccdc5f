package org.vigil.workforce.staffing;

/**
 * The smallest constant staffing that keeps a deferred-work queue within its SLA.
 *
 * @param agents  agents on the queue in every interval (and while the final backlog drains)
 * @param outcome the flow those agents produce
 */
public record DeferredPlan(int agents, DeferredOutcome outcome) {
}
