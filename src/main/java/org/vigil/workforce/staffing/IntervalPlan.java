package org.vigil.workforce.staffing;

import java.util.ArrayList;
import java.util.List;

/**
 * A staffing plan over consecutive intervals of one queue: each interval staffed to the targets on its
 * own (or evaluated with the agents given), and the totals an operations lead reads.
 *
 * @param intervals         one answer per interval, in order
 * @param intervalMinutes   length of every interval
 * @param agentHours        Σ scheduled agents × interval length, hours: what the plan costs in paid time
 * @param peakScheduled     the most scheduled agents in any interval
 * @param serviceLevel      arrival-weighted service level over the plan (1 when nothing arrives)
 * @param asaSeconds        arrival-weighted average speed of answer; {@code +∞} if any loaded interval is unstable
 * @param abandonment       arrival-weighted abandonment share (0 for Erlang C)
 * @param intervalsMissingTarget intervals whose figures miss a target (only when agents were given)
 */
public record IntervalPlan(List<StaffingResult> intervals, int intervalMinutes, double agentHours, int peakScheduled,
        double serviceLevel, double asaSeconds, double abandonment, int intervalsMissingTarget) {

    public IntervalPlan {
        intervals = List.copyOf(intervals);
    }

    /**
     * Staffs every interval of {@code arrivals} with the settings of {@code template} (its own
     * {@code arrivals} and {@code agents} are ignored), or, when {@code agents} is given, evaluates
     * that many agents per interval.
     */
    public static IntervalPlan of(StaffingRequest template, double[] arrivals, int[] agents) {
        if (arrivals.length == 0) {
            throw new IllegalArgumentException("arrivals must name at least one interval");
        }
        if (agents != null && agents.length != arrivals.length) {
            throw new IllegalArgumentException("agents must have one entry per interval (" + arrivals.length + ")");
        }
        Staffing staffing = new Staffing();
        List<StaffingResult> results = new ArrayList<>(arrivals.length);
        double hours = 0;
        int peak = 0;
        double arrived = 0;
        double answeredInTime = 0;
        double waited = 0;
        double abandoned = 0;
        int missing = 0;
        for (int i = 0; i < arrivals.length; i++) {
            StaffingRequest request = new StaffingRequest(template.model(), arrivals[i], template.intervalMinutes(),
                    template.ahtSeconds(), template.targetServiceLevel(), template.targetSeconds(),
                    template.patienceSeconds(), template.maxOccupancy(), template.maxAbandonment(),
                    template.shrinkage(), agents == null ? null : agents[i]);
            StaffingResult result = staffing.staff(request);
            results.add(result);
            hours += result.scheduledAgents() * template.intervalMinutes() / 60.0;
            peak = Math.max(peak, result.scheduledAgents());
            arrived += arrivals[i];
            answeredInTime += arrivals[i] * result.serviceLevel();
            waited += arrivals[i] == 0 ? 0 : arrivals[i] * result.asaSeconds();
            abandoned += arrivals[i] * (result.abandonment() == null ? 0 : result.abandonment());
            if (!result.targetsMet()) {
                missing++;
            }
        }
        return new IntervalPlan(results, template.intervalMinutes(), hours, peak,
                arrived == 0 ? 1 : answeredInTime / arrived, arrived == 0 ? 0 : waited / arrived,
                arrived == 0 ? 0 : abandoned / arrived, missing);
    }

    /** The agents (before shrinkage) of each interval, to evaluate another scenario with this staffing. */
    public int[] agents() {
        return intervals.stream().mapToInt(StaffingResult::agents).toArray();
    }
}
