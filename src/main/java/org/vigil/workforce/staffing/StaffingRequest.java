package org.vigil.workforce.staffing;

/**
 * One staffing question for one queue and one interval, as the HTTP API receives it.
 *
 * <p>Without {@code agents} it asks for the fewest agents meeting every target; with {@code agents} it asks what
 * that many agents achieve. The offered load is {@code A = arrivals · ahtSeconds / (intervalMinutes · 60)}
 * Erlangs.
 *
 * @param model              queue model
 * @param arrivals           items arriving in the interval, {@code ≥ 0}
 * @param intervalMinutes    interval length, minutes {@code > 0}
 * @param ahtSeconds         mean handling time, seconds {@code > 0}
 * @param targetServiceLevel share of arrivals to answer within {@code targetSeconds}, in {@code [0, 1]}
 *                           (below 1 when solving for agents with a positive load)
 * @param targetSeconds      answer-time threshold of the service level, seconds {@code ≥ 0}
 * @param patienceSeconds    mean patience before abandoning, seconds {@code > 0}; required for
 *                           {@link Model#ERLANG_A}, not allowed for {@link Model#ERLANG_C}
 * @param maxOccupancy       optional occupancy cap in {@code (0, 1]}
 * @param maxAbandonment     optional abandonment cap in {@code (0, 1]}; {@link Model#ERLANG_A} only
 * @param shrinkage          optional shrinkage in {@code [0, 1)} applied to the agents to give scheduled agents
 * @param agents             optional number of agents {@code ≥ 0} to evaluate instead of solving
 */
public record StaffingRequest(
        Model model,
        double arrivals,
        int intervalMinutes,
        double ahtSeconds,
        double targetServiceLevel,
        double targetSeconds,
        Double patienceSeconds,
        Double maxOccupancy,
        Double maxAbandonment,
        Double shrinkage,
        Integer agents) {

    /** Queue models. */
    public enum Model {
        /** M/M/n, infinite patience ({@link ErlangC}). */
        ERLANG_C,
        /** M/M/n+M, exponential patience ({@link ErlangA}). */
        ERLANG_A
    }

    public StaffingRequest {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (!(arrivals >= 0) || Double.isInfinite(arrivals)) {
            throw new IllegalArgumentException("arrivals must be a finite number >= 0");
        }
        if (intervalMinutes <= 0) {
            throw new IllegalArgumentException("intervalMinutes must be > 0");
        }
        if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
            throw new IllegalArgumentException("ahtSeconds must be > 0 and finite");
        }
        if (!(targetServiceLevel >= 0 && targetServiceLevel <= 1)) {
            throw new IllegalArgumentException("targetServiceLevel must be in [0, 1]");
        }
        if (!(targetSeconds >= 0) || Double.isInfinite(targetSeconds)) {
            throw new IllegalArgumentException("targetSeconds must be a finite number >= 0");
        }
        if (model == Model.ERLANG_A) {
            if (patienceSeconds == null) {
                throw new IllegalArgumentException("patienceSeconds is required for ERLANG_A");
            }
            if (!(patienceSeconds > 0) || patienceSeconds.isInfinite()) {
                throw new IllegalArgumentException("patienceSeconds must be > 0 and finite");
            }
        } else {
            if (patienceSeconds != null) {
                throw new IllegalArgumentException("patienceSeconds applies to ERLANG_A only");
            }
            if (maxAbandonment != null) {
                throw new IllegalArgumentException("maxAbandonment applies to ERLANG_A only");
            }
        }
        if (maxOccupancy != null && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException("maxOccupancy must be in (0, 1]");
        }
        if (maxAbandonment != null && !(maxAbandonment > 0 && maxAbandonment <= 1)) {
            throw new IllegalArgumentException("maxAbandonment must be in (0, 1]");
        }
        if (shrinkage != null && !(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1)");
        }
        if (agents != null && agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0");
        }
        double erlangs = arrivals * ahtSeconds / (intervalMinutes * 60.0);
        if (!(erlangs <= ErlangC.MAX_ERLANGS)) {
            throw new IllegalArgumentException("arrivals × ahtSeconds / (intervalMinutes × 60) must be at most "
                    + (long) ErlangC.MAX_ERLANGS + " Erlangs");
        }
        if (agents == null && arrivals > 0 && targetServiceLevel >= 1) {
            throw new IllegalArgumentException("targetServiceLevel must be < 1 when agents are to be calculated:"
                    + " no finite staffing answers every item within targetSeconds");
        }
    }

    /** An Erlang C question with only a service-level target; refine it with the {@code with…} methods. */
    public static StaffingRequest erlangC(double arrivals, int intervalMinutes, double ahtSeconds,
                                          double targetServiceLevel, double targetSeconds) {
        return new StaffingRequest(Model.ERLANG_C, arrivals, intervalMinutes, ahtSeconds, targetServiceLevel,
                targetSeconds, null, null, null, null, null);
    }

    /** An Erlang A question with only a service-level target; refine it with the {@code with…} methods. */
    public static StaffingRequest erlangA(double arrivals, int intervalMinutes, double ahtSeconds,
                                          double targetServiceLevel, double targetSeconds, double patienceSeconds) {
        return new StaffingRequest(Model.ERLANG_A, arrivals, intervalMinutes, ahtSeconds, targetServiceLevel,
                targetSeconds, patienceSeconds, null, null, null, null);
    }

    public StaffingRequest withMaxOccupancy(Double cap) {
        return new StaffingRequest(model, arrivals, intervalMinutes, ahtSeconds, targetServiceLevel, targetSeconds,
                patienceSeconds, cap, maxAbandonment, shrinkage, agents);
    }

    public StaffingRequest withMaxAbandonment(Double cap) {
        return new StaffingRequest(model, arrivals, intervalMinutes, ahtSeconds, targetServiceLevel, targetSeconds,
                patienceSeconds, maxOccupancy, cap, shrinkage, agents);
    }

    public StaffingRequest withShrinkage(Double share) {
        return new StaffingRequest(model, arrivals, intervalMinutes, ahtSeconds, targetServiceLevel, targetSeconds,
                patienceSeconds, maxOccupancy, maxAbandonment, share, agents);
    }

    public StaffingRequest withAgents(Integer count) {
        return new StaffingRequest(model, arrivals, intervalMinutes, ahtSeconds, targetServiceLevel, targetSeconds,
                patienceSeconds, maxOccupancy, maxAbandonment, shrinkage, count);
    }

    /** Offered load {@code A = arrivals · ahtSeconds / (intervalMinutes · 60)}, Erlangs. */
    public double offeredLoadErlangs() {
        return arrivals * ahtSeconds / (intervalMinutes * 60.0);
    }

    /** The targets of this request; absent caps become 1 (no cap). */
    public ServiceTarget serviceTarget() {
        return new ServiceTarget(targetServiceLevel, targetSeconds,
                maxOccupancy == null ? 1.0 : maxOccupancy,
                maxAbandonment == null ? 1.0 : maxAbandonment);
    }
}
