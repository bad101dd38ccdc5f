package org.vigil.workforce;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.web.Checks;
import org.vigil.web.Csv;
import org.vigil.web.InvalidInputException;
import org.vigil.workforce.schedule.AssignedShift;
import org.vigil.workforce.schedule.IntervalCoverage;
import org.vigil.workforce.schedule.Schedule;
import org.vigil.workforce.schedule.ScheduleProblem;
import org.vigil.workforce.schedule.ScheduleSolver;
import org.vigil.workforce.schedule.ShiftTemplate;
import org.vigil.workforce.schedule.SolverOptions;
import org.vigil.workforce.schedule.Team;
import org.vigil.workforce.schedule.TeamCost;
import org.vigil.workforce.schedule.Week;

/**
 * {@code POST /api/v1/workforce/schedules}: the shifts, per team, that cover a week's required agents
 * per half hour at least cost (CP-SAT), with coverage against the requirement and cost per team.
 */
@RestController
class ScheduleController {

    record TemplateQuestion(@Nullable String name, @Nullable Integer lengthIntervals,
            @Nullable List<Integer> startIntervals, @Nullable List<Integer> breakOffsets, @Nullable List<String> days) {
    }

    record TeamQuestion(@Nullable String name, @Nullable Boolean vendor, @Nullable Double costPerHour,
            @Nullable Integer maxShiftsPerDay, @Nullable Integer minPaidHoursPerWeek,
            @Nullable Integer maxPaidHoursPerWeek, @Nullable List<TemplateQuestion> templates) {
    }

    record Question(@Nullable List<Integer> requiredAgents, @Nullable List<TeamQuestion> teams,
            @Nullable Integer maxVendorSharePercent, @Nullable Integer timeLimitSeconds) {
    }

    @PostMapping("/api/v1/workforce/schedules")
    org.springframework.http.ResponseEntity<?> schedule(@RequestBody Question q,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "json") String format) {
        Checks checks = new Checks();
        checks.oneOf("format", format, List.of("json", "csv"));
        if (checks.required("requiredAgents", q.requiredAgents())
                && q.requiredAgents().size() != Week.INTERVALS) {
            checks.fail("requiredAgents", "must give the agents required in each of the week's " + Week.INTERVALS
                    + " half hours, Monday 00:00 first (gave " + q.requiredAgents().size() + ")");
        }
        checks.range("maxVendorSharePercent", q.maxVendorSharePercent(), 0, 100);
        checks.range("timeLimitSeconds", q.timeLimitSeconds(), 1, 120);
        List<Team> teams = new ArrayList<>();
        if (checks.required("teams", q.teams()) && checks.size("teams", q.teams(), 20)) {
            for (int i = 0; i < q.teams().size(); i++) {
                TeamQuestion t = q.teams().get(i);
                Checks at = checks.under("teams[" + i + "]");
                if (t == null) {
                    checks.fail("teams[" + i + "]", "must be a team");
                    continue;
                }
                at.requiredText("name", t.name(), 100);
                if (at.required("costPerHour", t.costPerHour())) {
                    at.range("costPerHour", t.costPerHour(), 0, 10_000);
                }
                at.range("maxShiftsPerDay", t.maxShiftsPerDay(), 0, 100_000);
                at.range("minPaidHoursPerWeek", t.minPaidHoursPerWeek(), 0, 10_000_000);
                at.range("maxPaidHoursPerWeek", t.maxPaidHoursPerWeek(), 0, 10_000_000);
                List<ShiftTemplate> templates = new ArrayList<>();
                if (at.required("templates", t.templates()) && at.size("templates", t.templates(), 20)) {
                    for (int j = 0; j < t.templates().size(); j++) {
                        TemplateQuestion tq = t.templates().get(j);
                        Checks tt = at.under("templates[" + j + "]");
                        if (tq == null) {
                            at.fail("templates[" + j + "]", "must be a shift template");
                            continue;
                        }
                        tt.requiredText("name", tq.name(), 100);
                        tt.required("lengthIntervals", tq.lengthIntervals());
                        tt.required("startIntervals", tq.startIntervals());
                        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
                        if (tq.days() != null) {
                            days = EnumSet.noneOf(DayOfWeek.class);
                            for (int d = 0; d < tq.days().size(); d++) {
                                try {
                                    days.add(DayOfWeek.valueOf(String.valueOf(tq.days().get(d)).toUpperCase(Locale.ROOT)));
                                } catch (IllegalArgumentException e) {
                                    tt.fail("days[" + d + "]", "must be a weekday: MONDAY to SUNDAY");
                                }
                            }
                        }
                        if (checks.ok()) {
                            try {
                                templates.add(new ShiftTemplate(tq.name().strip(), tq.lengthIntervals(),
                                        tq.startIntervals(), tq.breakOffsets() == null ? List.of() : tq.breakOffsets(),
                                        days));
                            } catch (IllegalArgumentException e) {
                                at.fail("templates[" + j + "]", e.getMessage());
                            }
                        }
                    }
                }
                if (checks.ok()) {
                    try {
                        teams.add(new Team(t.name().strip(), Boolean.TRUE.equals(t.vendor()),
                                Math.round(t.costPerHour() * 100),
                                t.maxShiftsPerDay() == null ? 100_000 : t.maxShiftsPerDay(),
                                t.minPaidHoursPerWeek() == null ? 0 : t.minPaidHoursPerWeek(),
                                t.maxPaidHoursPerWeek() == null ? 10_000_000 : t.maxPaidHoursPerWeek(), templates));
                    } catch (IllegalArgumentException e) {
                        checks.fail("teams[" + i + "]", e.getMessage());
                    }
                }
            }
        }
        checks.throwIfInvalid();
        Schedule schedule;
        try {
            ScheduleProblem problem = ScheduleProblem.of(q.requiredAgents().stream().mapToInt(Integer::intValue).toArray(),
                    teams);
            if (q.maxVendorSharePercent() != null) {
                problem = problem.withMaxVendorSharePercent(q.maxVendorSharePercent());
            }
            SolverOptions defaults = SolverOptions.defaults();
            SolverOptions options = new SolverOptions(q.timeLimitSeconds() == null ? defaults.timeLimit()
                    : Duration.ofSeconds(q.timeLimitSeconds()), defaults.workers(), defaults.relativeGapLimit(),
                    defaults.randomSeed(), defaults.computeLpBound());
            schedule = ScheduleSolver.solve(problem, options);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("", e.getMessage() == null ? "the schedule problem is not consistent"
                    : e.getMessage());
        } catch (org.vigil.workforce.schedule.ScheduleNotFoundException e) {
            throw new InvalidInputException("teams", "no schedule satisfies the teams' limits (" + e.getMessage() + ")");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", schedule.status().name().toLowerCase(Locale.ROOT));
        answer.put("workforceCost", schedule.workforceCost());
        answer.put("paidHours", schedule.paidHours());
        answer.put("totalShortfall", schedule.totalShortfall());
        answer.put("lpBound", schedule.lpBound().orElse(null));
        answer.put("gapToLpBound", schedule.gapToLpBound().isPresent() ? schedule.gapToLpBound().getAsDouble() : null);
        answer.put("wallTimeMillis", schedule.wallTime().toMillis());
        List<Map<String, Object>> costs = new ArrayList<>();
        for (TeamCost c : schedule.teamCosts()) {
            costs.add(Map.of("team", c.team(), "shifts", c.shifts(), "paidHours", c.paidHours(), "cost", c.cost()));
        }
        answer.put("teams", costs);
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (AssignedShift s : schedule.shifts()) {
            shifts.add(Map.of("team", s.team(), "template", s.template(), "day", s.day().name(),
                    "startInterval", s.startInterval(), "agents", s.agents()));
        }
        answer.put("shifts", shifts);
        answer.put("coverage", schedule.coverage().stream().map(c -> Map.of("interval", c.interval(),
                "required", c.required(), "covered", c.covered(), "shortfall", c.shortfall())).toList());
        if (format.equals("csv")) {
            // one row per shift: what a rota is built from
            StringBuilder csv = new StringBuilder("team,template,day,startInterval,start,agents\r\n");
            for (AssignedShift s : schedule.shifts()) {
                int minutes = s.startInterval() * Week.MINUTES_PER_INTERVAL;
                csv.append(Csv.cell(s.team())).append(',').append(Csv.cell(s.template())).append(',').append(s.day()).append(',')
                        .append(s.startInterval()).append(',')
                        .append(String.format(Locale.ROOT, "%02d:%02d", minutes / 60 % 24, minutes % 60)).append(',')
                        .append(s.agents()).append("\r\n");
            }
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(new org.springframework.http.MediaType("text", "csv",
                            java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv.toString());
        }
        return org.springframework.http.ResponseEntity.ok(answer);
    }
}
