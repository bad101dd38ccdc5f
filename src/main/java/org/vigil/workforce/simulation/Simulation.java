package org.vigil.workforce.simulation;

/**
 * Discrete-event simulation of queues of review or support work handled by scheduled, skill-based agent groups
 * over a horizon of intervals. Entry point: {@link #run(SimulationPlan, long)}.
 *
 * <p><b>Model.</b>
 * <ul>
 *   <li><em>Arrivals</em> per queue: Poisson with a rate constant within each interval
 *       ({@link QueueSpec}); none after the horizon.</li>
 *   <li><em>Routing of an arrival</em>: if some agent able to serve its queue is idle, it is answered at once
 *       (wait 0) by an idle agent of the first such group in plan order; otherwise it joins its queue's line.
 *       An idle agent never coexists with a waiting item it could serve.</li>
 *   <li><em>Taking work</em>: an agent that becomes free (finishes an item and stays, or joins at an interval
 *       start) takes the waiting item from the highest-priority queue it serves that has any, FIFO within a
 *       priority: among queues of that priority the item that arrived first, across queues. At an interval
 *       start groups take work in plan order.</li>
 *   <li><em>Non-preemptive</em>: an item being handled is never interrupted, by higher-priority work or by a
 *       shift end.</li>
 *   <li><em>Abandonment</em>: a waiting item leaves at {@code arrival + patience} ({@link Patience}); an agent
 *       free at exactly that instant does not get it.</li>
 *   <li><em>Staffing</em>: each group's headcount changes at interval starts; agents whose shift ends while busy
 *       finish their item first and take no new one ({@link AgentGroup}).</li>
 *   <li><em>Simultaneous events</em>: interval boundary first, then completions, then arrivals; events of one
 *       kind in the order they were scheduled.</li>
 *   <li><em>Horizon end</em>: the run stops at {@code intervals · intervalSeconds}. Items still waiting are
 *       reported unresolved and items in service as in service ({@link QueueOutcome}); events at exactly the
 *       horizon end are not processed.</li>
 * </ul>
 *
 * <p><b>Output</b>: per queue and interval, item outcomes attributed to the interval of <em>arrival</em>, plus
 * the backlog at each interval end ({@link QueueStatistics}); per agent group and interval, scheduled, overtime
 * and busy agent time, hence occupancy ({@link GroupStatistics}). Occupancy is a property of agents, so it is
 * reported per group; a queue's share of agent time is {@link QueueStatistics#handlingAgentSeconds()}.
 *
 * <p><b>Randomness and determinism.</b> Each queue draws from its own three {@link java.util.SplittableRandom}
 * streams (arrivals, handling times, patience), seeded from the run seed and the queue's <em>name</em> only
 * ({@link RandomStreams}). An item's arrival time, handling time and patience are all drawn when it arrives, so
 * a queue's item sequence is fixed by (seed, name, forecast, distributions): it does not change when queues are
 * added, removed or reordered, nor when staffing or priorities change (common random numbers across what-if
 * runs). Only {@link StrictMath} transcendental functions are used, so a plan and seed give bit-identical
 * results on every platform. Different seeds give statistically independent runs.
 *
 * <p><b>Cost.</b> Time {@code O(E log S)} for {@code E} events (about two per arrival) and {@code S} pending
 * events (busy agents plus queues); memory {@code O(waiting items + intervals · (queues + groups))}. Runs share
 * nothing, so separate runs may execute in parallel.
 */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Simulates {@code plan} once with the given seed.
     *
     * @param plan a validated plan
     * @param seed any value; equal seeds give equal results
     * @return per-queue and per-group figures, per interval and in total
     */
    public static SimulationResult run(SimulationPlan plan, long seed) {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
        return new SimulationRun(plan, seed).execute();
    }
}
