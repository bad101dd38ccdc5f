package org.vigil.workforce.staffing;

/**
 * Entry point for interval staffing questions: picks the queue model, solves or evaluates, and applies
 * shrinkage.
 *
 * <ul>
 *   <li>Without {@code agents}: the fewest agents meeting every target ({@link ErlangC#requiredAgents} or
 *       {@link ErlangA#requiredAgents}) and the figures they achieve.</li>
 *   <li>With {@code agents}: the figures that many agents achieve, and whether they meet the targets.</li>
 *   <li>Zero arrivals: 0 agents required; service level 1, nothing waits, occupancy 0.</li>
 *   <li>Scheduled agents: {@code agents / (1 − shrinkage)}, fractional and rounded up ({@link Shrinkage}).</li>
 * </ul>
 * Invalid requests are rejected by {@link StaffingRequest} with an {@link IllegalArgumentException} naming the
 * parameter; so are targets no staffing can meet. Stateless and thread-safe.
 */
public final class Staffing {

    public StaffingResult staff(StaffingRequest request) {
        double erlangs = request.offeredLoadErlangs();
        ServiceTarget target = request.serviceTarget();
        Integer agents = request.agents();
        QueueMetrics metrics = switch (request.model()) {
            case ERLANG_C -> {
                ErlangC queue = new ErlangC(erlangs, request.ahtSeconds());
                yield agents != null ? queue.evaluate(agents, request.targetSeconds()) : queue.requiredAgents(target);
            }
            case ERLANG_A -> {
                ErlangA queue = new ErlangA(erlangs, request.ahtSeconds(), request.patienceSeconds());
                yield agents != null ? queue.evaluate(agents, request.targetSeconds()) : queue.requiredAgents(target);
            }
        };
        Shrinkage shrinkage = request.shrinkage() == null ? Shrinkage.NONE : new Shrinkage(request.shrinkage());
        return new StaffingResult(
                metrics.agents(),
                metrics.serviceLevel(),
                metrics.probabilityOfWaiting(),
                metrics.asaSeconds(),
                metrics.occupancy(),
                request.model() == StaffingRequest.Model.ERLANG_A ? metrics.abandonment() : null,
                shrinkage.scheduledAgents(metrics.agents()),
                shrinkage.scheduled(metrics.agents()),
                erlangs,
                metrics.stable(),
                target.isMetBy(metrics));
    }
}
