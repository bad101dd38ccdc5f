package org.vigil.workforce.schedule;

import java.math.BigDecimal;

/**
 * What one team contributes to the schedule.
 *
 * @param team team name
 * @param shifts number of agent-shifts
 * @param paidHours paid agent-hours over the week
 * @param cost paid hours times the team's hourly cost, in currency units (cents / 100)
 */
public record TeamCost(String team, int shifts, double paidHours, BigDecimal cost) {
}
