package org.vigil.workforce.schedule;

/**
 * The planning horizon: one week of half-hour intervals. Interval 0 is Monday 00:00 in the
 * plan's time zone and interval {@value #INTERVALS} − 1 is Sunday 23:30. The week does not
 * wrap: a shift must end within it.
 */
public final class Week {

    /** Length of one interval in minutes. */
    public static final int MINUTES_PER_INTERVAL = 30;

    /** Intervals in one day. */
    public static final int INTERVALS_PER_DAY = 48;

    /** Days in the week. */
    public static final int DAYS = 7;

    /** Intervals in the week. */
    public static final int INTERVALS = INTERVALS_PER_DAY * DAYS;

    private Week() {
    }
}
