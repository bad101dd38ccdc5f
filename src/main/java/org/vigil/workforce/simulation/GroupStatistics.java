package org.vigil.workforce.simulation;

/**
 * Agent time of one group, for one interval or for the whole horizon (sums over the intervals).
 *
 * @param scheduledAgentSeconds headcount × interval length, seconds
 * @param overtimeAgentSeconds  time agents whose shift had ended spent finishing their last item, seconds (see
 *                              {@link AgentGroup})
 * @param busyAgentSeconds      time agents spent handling items, overtime included, seconds
 */
public record GroupStatistics(double scheduledAgentSeconds, double overtimeAgentSeconds, double busyAgentSeconds) {

    /** On-duty agent time: scheduled plus overtime, seconds. */
    public double onDutyAgentSeconds() {
        return scheduledAgentSeconds + overtimeAgentSeconds;
    }

    /** Busy agent time over on-duty agent time, in {@code [0, 1]}; 0 when nobody was on duty. */
    public double occupancy() {
        double onDuty = onDutyAgentSeconds();
        return onDuty == 0 ? 0.0 : Math.min(1.0, busyAgentSeconds / onDuty);
    }
}
