package org.vigil.workforce.staffing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deferred (back-office) work: items such as review cases that wait in a FIFO queue and must be handled within
 * an SLA window of minutes to hours, rather than answered in seconds.
 *
 * <p><b>Model.</b> Interval {@code i} (length {@code Δ} minutes) receives {@code a_i} items, spread evenly over
 * the interval. {@code N_i} agents at occupancy {@code ρ} handle up to
 * {@code capacity_i = N_i·Δ·60·ρ/AHT} items in it, at the constant rate {@code capacity_i/Δ} per minute while
 * work is waiting, in arrival order. Hence
 * {@code served_i = min(Q_{i−1} + a_i, capacity_i)} and {@code Q_i = Q_{i−1} + a_i − served_i}, starting from the
 * initial backlog {@code Q_0} (which arrives at time 0). After the last interval the last interval's agents go
 * on, without new arrivals, until the queue is empty.
 *
 * <p><b>SLA.</b> Every item must be handled within {@code W} minutes of its arrival. With cumulative arrivals
 * {@code A(τ)} and cumulative handled items {@code D(τ)} (both piecewise linear), the wait of item {@code x}
 * under FIFO is {@code D⁻¹(x) − A⁻¹(x)}; its maximum over all items is found exactly at the breakpoints of the
 * two curves (with both one-sided limits), and the SLA holds when it is at most {@code W} (up to
 * {@code 10^-9} relative rounding slack).
 *
 * <p><b>Staffing.</b> {@link #requiredAgents()} finds the smallest constant {@code N} meeting the SLA by
 * bisection (handled items grow with {@code N} at every instant, so waits only shrink). Agents that cover the
 * highest arrival rate and clear the initial backlog within {@code W} always suffice, which bounds the search.
 * Per-interval profiles can be checked with {@link #simulate(int[])}.
 *
 * @param arrivals        items arriving in each interval, each {@code ≥ 0} (fractional forecasts allowed)
 * @param intervalMinutes interval length {@code Δ}, minutes {@code > 0}
 * @param ahtSeconds      mean handling time per item, seconds {@code > 0}
 * @param slaMinutes      SLA window {@code W}, minutes {@code > 0}
 * @param maxOccupancy    share of agent time spent handling items {@code ρ}, in {@code (0, 1]}
 * @param initialBacklog  items waiting at the start {@code Q_0 ≥ 0}
 */
public record DeferredWorkload(
        List<Double> arrivals,
        double intervalMinutes,
        double ahtSeconds,
        double slaMinutes,
        double maxOccupancy,
        double initialBacklog) {

    private static final double SLACK = 1e-9;

    public DeferredWorkload {
        if (arrivals == null) {
            throw new IllegalArgumentException("arrivals must not be null");
        }
        for (Double count : arrivals) {
            if (count == null || !(count >= 0) || count.isInfinite()) {
                throw new IllegalArgumentException("arrivals must all be finite numbers >= 0");
            }
        }
        arrivals = List.copyOf(arrivals);
        if (!(intervalMinutes > 0) || Double.isInfinite(intervalMinutes)) {
            throw new IllegalArgumentException("intervalMinutes must be a finite number > 0");
        }
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw new IllegalArgumentException("ahtSeconds must be a finite number > 0");
        }
        if (!(slaMinutes > 0) || Double.isInfinite(slaMinutes)) {
            throw new IllegalArgumentException("slaMinutes must be a finite number > 0");
        }
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException("maxOccupancy must be in (0, 1]");
        }
        if (!(initialBacklog >= 0) || Double.isInfinite(initialBacklog)) {
            throw new IllegalArgumentException("initialBacklog must be a finite number >= 0");
        }
    }

    /** All items to handle: initial backlog plus arrivals. */
    public double totalItems() {
        double total = initialBacklog;
        for (double count : arrivals) {
            total += count;
        }
        return total;
    }

    /** Handling workload {@code items · AHT / 3600}, agent hours. */
    public double workloadHours() {
        return totalItems() * ahtSeconds / 3600.0;
    }

    /** Items one agent handles per minute: {@code 60·ρ/AHT}. */
    public double itemsPerAgentMinute() {
        return 60.0 * maxOccupancy / ahtSeconds;
    }

    /** The flow with {@code agents} in every interval and while the final backlog drains. */
    public DeferredOutcome simulate(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0");
        }
        int[] profile = new int[arrivals.size()];
        Arrays.fill(profile, agents);
        return simulate(profile, agents);
    }

    /**
     * The flow with {@code agentsPerInterval[i]} agents in interval {@code i}; the last interval's agents drain
     * what is left.
     */
    public DeferredOutcome simulate(int[] agentsPerInterval) {
        if (agentsPerInterval == null || agentsPerInterval.length != arrivals.size()) {
            throw new IllegalArgumentException("agentsPerInterval must have one entry per interval");
        }
        for (int count : agentsPerInterval) {
            if (count < 0) {
                throw new IllegalArgumentException("agentsPerInterval must all be >= 0");
            }
        }
        int drainAgents = agentsPerInterval.length == 0 ? 0 : agentsPerInterval[agentsPerInterval.length - 1];
        return simulate(agentsPerInterval, drainAgents);
    }

    /** The smallest constant number of agents that handles every item within the SLA window. */
    public DeferredPlan requiredAgents() {
        if (totalItems() == 0) {
            return new DeferredPlan(0, simulate(0));
        }
        double peakRate = initialBacklog / slaMinutes;
        for (double count : arrivals) {
            peakRate = Math.max(peakRate, count / intervalMinutes);
        }
        double bound = Math.ceil(peakRate / itemsPerAgentMinute()) + 1;
        if (bound > Integer.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("arrivals are too high for ahtSeconds and maxOccupancy: more than "
                    + Integer.MAX_VALUE / 2 + " agents would be needed");
        }
        int high = (int) bound;
        DeferredOutcome atHigh = simulate(high);
        while (!atHigh.slaMet()) {
            if (high > Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException("the SLA cannot be met by any staffing of this workload");
            }
            high *= 2;
            atHigh = simulate(high);
        }
        int low = 0;
        DeferredOutcome best = atHigh;
        while (low < high) {
            int mid = (low + high) >>> 1;
            DeferredOutcome outcome = simulate(mid);
            if (outcome.slaMet()) {
                high = mid;
                best = outcome;
            } else {
                low = mid + 1;
            }
        }
        return new DeferredPlan(high, best);
    }

    private DeferredOutcome simulate(int[] agentsPerInterval, int drainAgents) {
        int count = arrivals.size();
        double perAgentMinute = itemsPerAgentMinute();
        double[] arrivalTimes = new double[count + 1];
        double[] arrivalValues = new double[count + 1];
        double[] handledTimes = new double[2 * count + 3];
        double[] handledValues = new double[2 * count + 3];
        int handledSize = 0;

        arrivalTimes[0] = 0.0;
        arrivalValues[0] = initialBacklog;
        handledTimes[handledSize] = 0.0;
        handledValues[handledSize++] = 0.0;

        List<IntervalFlow> flows = new ArrayList<>(count);
        double backlog = initialBacklog;
        double cumulative = initialBacklog;
        for (int i = 0; i < count; i++) {
            double start = i * intervalMinutes;
            double arriving = arrivals.get(i);
            double arrivalRate = arriving / intervalMinutes;
            double capacity = agentsPerInterval[i] * intervalMinutes * perAgentMinute;
            double serviceRate = capacity / intervalMinutes;
            double served = Math.min(backlog + arriving, capacity);
            double endBacklog = backlog + arriving - served;

            if (backlog > 0 && serviceRate > arrivalRate) {
                double emptiesAfter = backlog / (serviceRate - arrivalRate);
                if (emptiesAfter < intervalMinutes) {
                    handledTimes[handledSize] = start + emptiesAfter;
                    handledValues[handledSize++] = cumulative + arriving * (emptiesAfter / intervalMinutes);
                }
            }
            double end = (i + 1) * intervalMinutes;
            double endCumulative = cumulative + arriving;
            arrivalTimes[i + 1] = end;
            arrivalValues[i + 1] = endCumulative;
            handledTimes[handledSize] = end;
            handledValues[handledSize++] = endCumulative - endBacklog;

            flows.add(new IntervalFlow(arriving, agentsPerInterval[i], capacity, served, endBacklog));
            backlog = endBacklog;
            cumulative = endCumulative;
        }

        double horizon = count * intervalMinutes;
        double drainRate = drainAgents * perAgentMinute;
        double drainMinutes;
        if (backlog <= 0) {
            drainMinutes = 0.0;
        } else if (drainRate > 0) {
            drainMinutes = backlog / drainRate;
            handledTimes[handledSize] = horizon + drainMinutes;
            handledValues[handledSize++] = cumulative;
        } else {
            drainMinutes = Double.POSITIVE_INFINITY;
        }

        CumulativeCurve arrived = new CumulativeCurve(arrivalTimes, arrivalValues, count + 1);
        CumulativeCurve handled = new CumulativeCurve(handledTimes, handledValues, handledSize);
        double maxDelay = maxDelay(arrived, handled);
        boolean slaMet = maxDelay <= slaMinutes * (1 + SLACK) + SLACK;
        return new DeferredOutcome(flows, drainMinutes, maxDelay, slaMet, workloadHours());
    }

    /**
     * Longest FIFO wait {@code D⁻¹(x) − A⁻¹(x)} over items {@code x ∈ (0, total]}. Between consecutive breakpoint
     * levels of either curve both inverses are linear in {@code x}, so the supremum is attained at a breakpoint
     * level, either at the level itself or as the limit just above it.
     */
    private static double maxDelay(CumulativeCurve arrived, CumulativeCurve handled) {
        double total = arrived.finalValue();
        if (total <= 0) {
            return 0.0;
        }
        double worst = 0.0;
        for (double[] levels : new double[][] {arrived.breakpointValues(), handled.breakpointValues()}) {
            for (double level : levels) {
                if (level > 0 && level <= total) {
                    worst = Math.max(worst, handled.firstTimeReaching(level) - arrived.firstTimeReaching(level));
                }
                if (level >= 0 && level < total) {
                    worst = Math.max(worst, handled.lastTimeAtMost(level) - arrived.lastTimeAtMost(level));
                }
            }
        }
        return worst;
    }
}
