package org.vigil.workforce.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The solver-independent shape of a problem: one column per (team, candidate shift) with its
 * covered intervals, paid intervals, cost in half-cents, local start day (an index of
 * {@link PlanWeek#localDays()}) and upper bound, and the index lists the constraints need.
 * Objective units are half-cents so that every coefficient is an integer.
 */
final class CoverageModel {

    /** Σ columns + shortfall ≥ required: the total of one interval, or one language's agents in it. */
    record CoverRow(int required, int[] columns) {
    }

    record Column(int team, CandidateShift shift, int[] covered, int paidIntervals, long costHalfCents,
            int day, long upperBound) {
    }

    final ScheduleProblem problem;
    final int[] required;
    final List<Column> columns;
    final int[][] columnsCovering;
    final int[][] teamColumns;
    final int[][][] teamDayColumns;
    final long shortfallPenaltyHalfCents;
    final int[][] languageRequired;
    final int[][][] columnsCoveringLanguage;
    final List<CoverRow> coverRows;

    CoverageModel(ScheduleProblem problem) {
        this.problem = problem;
        this.required = problem.requiredAgents().stream().mapToInt(Integer::intValue).toArray();
        this.shortfallPenaltyHalfCents = Math.multiplyExact(problem.shortfallPenaltyCents(), 2L);
        List<Column> built = new ArrayList<>();
        List<Team> teams = problem.teams();
        for (int t = 0; t < teams.size(); t++) {
            Team team = teams.get(t);
            for (ShiftTemplate template : team.templates()) {
                int paid = template.paidIntervals();
                long byHours = maxPaidIntervals(team) / paid;
                long upper = Math.min(team.maxShiftsPerDay(), byHours);
                if (upper <= 0) {
                    continue;
                }
                long cost = Math.multiplyExact(team.costPerHourCents(), (long) paid);
                for (CandidateShift shift : template.candidateShifts(problem.week(), team.timeZone())) {
                    built.add(new Column(t, shift, shift.coveredIntervals(), paid, cost,
                            problem.week().localDayIndex(shift.localDate()), upper));
                }
            }
        }
        this.columns = List.copyOf(built);
        this.columnsCovering = index(Week.INTERVALS, c -> c.covered());
        this.teamColumns = index(teams.size(), c -> new int[] {c.team()});
        this.teamDayColumns = new int[teams.size()][][];
        for (int t = 0; t < teams.size(); t++) {
            int team = t;
            teamDayColumns[t] = index(PlanWeek.LOCAL_DAYS, c -> c.team() == team ? new int[] {c.day()} : new int[0]);
        }
        List<LanguageRequirement> languages = problem.languageRequirements();
        this.languageRequired = new int[languages.size()][];
        this.columnsCoveringLanguage = new int[languages.size()][][];
        for (int l = 0; l < languages.size(); l++) {
            String language = languages.get(l).language();
            languageRequired[l] = languages.get(l).requiredAgents().stream().mapToInt(Integer::intValue).toArray();
            columnsCoveringLanguage[l] = index(Week.INTERVALS,
                    c -> teams.get(c.team()).languages().contains(language) ? c.covered() : new int[0]);
        }
        List<CoverRow> rows = new ArrayList<>();
        for (int i = 0; i < Week.INTERVALS; i++) {
            if (required[i] > 0) {
                rows.add(new CoverRow(required[i], columnsCovering[i]));
            }
        }
        for (int l = 0; l < languages.size(); l++) {
            for (int i = 0; i < Week.INTERVALS; i++) {
                if (languageRequired[l][i] > 0) {
                    rows.add(new CoverRow(languageRequired[l][i], columnsCoveringLanguage[l][i]));
                }
            }
        }
        this.coverRows = List.copyOf(rows);
    }

    static long maxPaidIntervals(Team team) {
        return 2L * team.maxPaidHoursPerWeek();
    }

    static long minPaidIntervals(Team team) {
        return 2L * team.minPaidHoursPerWeek();
    }

    boolean vendorCapped() {
        return problem.maxVendorSharePercent() < 100;
    }

    /** Coefficient of a column in the vendor-share row of an interval: Σ coeff·x ≤ 0. */
    long vendorShareCoefficient(Column column) {
        int cap = problem.maxVendorSharePercent();
        return problem.teams().get(column.team()).vendor() ? 100 - cap : -cap;
    }

    private interface Keys {
        int[] of(Column column);
    }

    private int[][] index(int size, Keys keys) {
        List<List<Integer>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>());
        }
        for (int c = 0; c < columns.size(); c++) {
            for (int key : keys.of(columns.get(c))) {
                lists.get(key).add(c);
            }
        }
        int[][] result = new int[size][];
        for (int i = 0; i < size; i++) {
            result[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }
}
