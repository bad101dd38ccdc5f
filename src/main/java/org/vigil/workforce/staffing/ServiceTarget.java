package org.vigil.workforce.staffing;

/**
 * Targets that a staffing level must meet all at once.
 *
 * @param serviceLevel   minimum share of arrivals answered within {@code answerSeconds}, in {@code [0, 1]}
 * @param answerSeconds  the answer-time threshold {@code t} of the service level, seconds {@code ≥ 0}
 * @param maxOccupancy   maximum agent occupancy, in {@code (0, 1]}; 1 means no occupancy cap
 * @param maxAbandonment maximum share of arrivals that abandon, in {@code (0, 1]}; 1 means no cap (only
 *                       Erlang A has abandonment)
 */
public record ServiceTarget(double serviceLevel, double answerSeconds, double maxOccupancy, double maxAbandonment) {

    public ServiceTarget {
        if (!(serviceLevel >= 0 && serviceLevel <= 1)) {
            throw new IllegalArgumentException("serviceLevel must be in [0, 1]");
        }
        if (!(answerSeconds >= 0) || Double.isInfinite(answerSeconds)) {
            throw new IllegalArgumentException("answerSeconds must be a finite number >= 0");
        }
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException("maxOccupancy must be in (0, 1]");
        }
        if (!(maxAbandonment > 0 && maxAbandonment <= 1)) {
            throw new IllegalArgumentException("maxAbandonment must be in (0, 1]");
        }
    }

    /** A service-level target alone: {@code serviceLevel} of arrivals answered within {@code answerSeconds}. */
    public static ServiceTarget of(double serviceLevel, double answerSeconds) {
        return new ServiceTarget(serviceLevel, answerSeconds, 1.0, 1.0);
    }

    public ServiceTarget withMaxOccupancy(double cap) {
        return new ServiceTarget(serviceLevel, answerSeconds, cap, maxAbandonment);
    }

    public ServiceTarget withMaxAbandonment(double cap) {
        return new ServiceTarget(serviceLevel, answerSeconds, maxOccupancy, cap);
    }

    /** True when the figures are stable and meet every target. */
    public boolean isMetBy(QueueMetrics metrics) {
        return metrics.stable()
                && metrics.serviceLevel() >= serviceLevel
                && metrics.occupancy() <= maxOccupancy
                && metrics.abandonment() <= maxAbandonment;
    }

    void requireReachableWithLoad(double erlangs) {
        if (erlangs > 0 && serviceLevel >= 1) {
            throw new IllegalArgumentException(
                    "serviceLevel must be < 1 when solving for agents: no finite staffing answers every item within answerSeconds");
        }
    }
}
