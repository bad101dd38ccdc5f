package org.vigil.workforce.schedule;

/**
 * Thrown when CP-SAT returns no schedule: the team constraints contradict each other (for
 * example a weekly paid-hours floor that the daily shift limits cannot reach) or the time limit
 * ran out before any schedule was found.
 */
public final class ScheduleNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String solverStatus;

    ScheduleNotFoundException(String solverStatus, String message) {
        super(message);
        this.solverStatus = solverStatus;
    }

    /** CP-SAT's status name, e.g. {@code INFEASIBLE} or {@code UNKNOWN}. */
    public String solverStatus() {
        return solverStatus;
    }
}
