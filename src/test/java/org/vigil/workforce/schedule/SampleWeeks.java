package org.vigil.workforce.schedule;

import java.util.List;

/** Requirement curves and teams shared by tests and the benchmark. */
final class SampleWeeks {

    static final ShiftTemplate FULL_DAY = ShiftTemplate.everyDay("8h+break", 17, ShiftTemplate.startsEvery(1), List.of(8));
    static final ShiftTemplate SIX_HOURS = ShiftTemplate.everyDay("6h", 12, ShiftTemplate.startsEvery(1), List.of());
    static final ShiftTemplate PART_TIME = ShiftTemplate.everyDay("4h", 8, ShiftTemplate.startsEvery(1), List.of());

    private SampleWeeks() {
    }

    /** {@code agents} required in intervals [from, to), zero elsewhere. */
    static int[] flat(int from, int to, int agents) {
        int[] required = new int[Week.INTERVALS];
        for (int i = from; i < to; i++) {
            required[i] = agents;
        }
        return required;
    }

    /**
     * A Trust &amp; Safety week: about 20 agents at night rising to about 120 at the evening peak,
     * with a lunchtime shoulder and quieter weekends (about 300 full-time agents' worth of work).
     */
    static int[] tAndSWeek() {
        int[] required = new int[Week.INTERVALS];
        for (int i = 0; i < Week.INTERVALS; i++) {
            int day = i / Week.INTERVALS_PER_DAY;
            double hour = (i % Week.INTERVALS_PER_DAY) / 2.0 + 0.25;
            double weekend = day >= 5 ? 0.85 : 1.0;
            double load = 20 + weekend * (60 * bump(hour, 13, 3.5) + 100 * bump(hour, 20, 2.5));
            required[i] = (int) Math.round(Math.min(120, load));
        }
        return required;
    }

    /** In-house plus two vendors with different rates and caps, 60 % vendor share cap. */
    static ScheduleProblem benchmarkProblem() {
        Team inHouse = new Team("in-house", false, 2600, 160, 3000, 8000, List.of(FULL_DAY, SIX_HOURS, PART_TIME));
        Team vendorA = new Team("vendor-a", true, 1800, 60, 0, 2400, List.of(FULL_DAY, SIX_HOURS));
        Team vendorB = new Team("vendor-b", true, 2200, 80, 0, 3500, List.of(FULL_DAY, PART_TIME));
        return ScheduleProblem.of(tAndSWeek(), List.of(inHouse, vendorA, vendorB)).withMaxVendorSharePercent(60);
    }

    private static double bump(double hour, double centre, double width) {
        double distance = (hour - centre) / width;
        return Math.exp(-distance * distance);
    }
}
