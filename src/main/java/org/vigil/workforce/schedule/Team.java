package org.vigil.workforce.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pool of agents that can be scheduled, in-house or vendor.
 *
 * <p>Headcount is modelled per day and per week rather than per person: at most
 * {@code maxShiftsPerDay} of the team's shifts may start on any one of its local days (agents available that
 * day), and the team's total paid hours over the week must lie within
 * [{@code minPaidHoursPerWeek}, {@code maxPaidHoursPerWeek}] (contracted volume). Paid hours
 * exclude breaks. The team's shift templates are in its {@code timeZone}; every agent of the team
 * speaks all of its {@code languages} (a vendor with separate language pools is several teams).
 *
 * @param name unique, non-blank team name
 * @param vendor whether the team is an outsourced vendor (subject to the problem's vendor share cap)
 * @param costPerHourCents cost of one paid agent-hour in cents, at least 0
 * @param maxShiftsPerDay most shifts that may start on one day, at least 0
 * @param minPaidHoursPerWeek least paid hours over the week, at least 0
 * @param maxPaidHoursPerWeek most paid hours over the week, at least {@code minPaidHoursPerWeek}
 * @param templates shift templates this team may work, non-empty, distinct names
 * @param timeZone the zone the team's templates (days and starts) are in
 * @param languages languages every agent of the team handles work in, possibly none
 */
public record Team(
        String name,
        boolean vendor,
        long costPerHourCents,
        int maxShiftsPerDay,
        int minPaidHoursPerWeek,
        int maxPaidHoursPerWeek,
        List<ShiftTemplate> templates,
        ZoneId timeZone,
        Set<String> languages) {

    /** Validates the team; throws {@link IllegalArgumentException} when invalid. */
    public Team {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("team name must not be blank");
        }
        if (costPerHourCents < 0) {
            throw new IllegalArgumentException("team '" + name + "' cost per hour must not be negative, got "
                    + costPerHourCents);
        }
        if (maxShiftsPerDay < 0) {
            throw new IllegalArgumentException("team '" + name + "' max shifts per day must not be negative, got "
                    + maxShiftsPerDay);
        }
        if (minPaidHoursPerWeek < 0 || maxPaidHoursPerWeek < minPaidHoursPerWeek) {
            throw new IllegalArgumentException("team '" + name + "' paid hours per week must satisfy 0 <= min <= max, got ["
                    + minPaidHoursPerWeek + ", " + maxPaidHoursPerWeek + "]");
        }
        Objects.requireNonNull(templates, "templates");
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("team '" + name + "' has no shift template");
        }
        templates = List.copyOf(templates);
        if (templates.stream().map(ShiftTemplate::name).distinct().count() != templates.size()) {
            throw new IllegalArgumentException("team '" + name + "' lists a shift template name twice");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(languages, "languages");
        languages = Set.copyOf(languages);
    }

    /**
     * A team working in UTC that no language requirement counts.
     *
     * @param name team name
     * @param vendor whether the team is a vendor
     * @param costPerHourCents cost of one paid agent-hour in cents
     * @param maxShiftsPerDay most shifts that may start on one day
     * @param minPaidHoursPerWeek least paid hours over the week
     * @param maxPaidHoursPerWeek most paid hours over the week
     * @param templates allowed templates
     */
    public Team(String name, boolean vendor, long costPerHourCents, int maxShiftsPerDay, int minPaidHoursPerWeek,
            int maxPaidHoursPerWeek, List<ShiftTemplate> templates) {
        this(name, vendor, costPerHourCents, maxShiftsPerDay, minPaidHoursPerWeek, maxPaidHoursPerWeek, templates,
                ZoneOffset.UTC, Set.of());
    }

    /**
     * This team working in another time zone.
     *
     * @param zone the zone its templates are in
     * @return a new team
     */
    public Team inZone(ZoneId zone) {
        return new Team(name, vendor, costPerHourCents, maxShiftsPerDay, minPaidHoursPerWeek, maxPaidHoursPerWeek,
                templates, zone, languages);
    }

    /**
     * This team speaking other languages.
     *
     * @param spoken languages every agent of the team handles work in
     * @return a new team
     */
    public Team speaking(Set<String> spoken) {
        return new Team(name, vendor, costPerHourCents, maxShiftsPerDay, minPaidHoursPerWeek, maxPaidHoursPerWeek,
                templates, timeZone, spoken);
    }

    /**
     * A team with no weekly paid-hours floor and no practical ceiling.
     *
     * @param name team name
     * @param vendor whether the team is a vendor
     * @param costPerHourCents cost of one paid agent-hour in cents
     * @param maxShiftsPerDay most shifts that may start on one day
     * @param templates allowed templates
     * @return the team
     */
    public static Team withoutHourLimits(
            String name, boolean vendor, long costPerHourCents, int maxShiftsPerDay, List<ShiftTemplate> templates) {
        return new Team(name, vendor, costPerHourCents, maxShiftsPerDay, 0, Integer.MAX_VALUE / 4, templates);
    }
}
