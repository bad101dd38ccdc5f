package org.vigil.workforce.schedule;

/** Outcome of the integer search for a schedule that was found. */
public enum SolveStatus {
    /** Optimal, or within the requested relative gap of a proven lower bound (CP-SAT's or the LP's). */
    OPTIMAL,
    /** A feasible schedule; the time limit stopped the search before the gap was closed. */
    FEASIBLE
}
