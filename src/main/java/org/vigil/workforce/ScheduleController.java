package org.vigil.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.web.Checks;
import org.vigil.web.Csv;
import org.vigil.web.InvalidInputException;
import org.vigil.workforce.schedule.AssignedShift;
import org.vigil.workforce.schedule.IntervalCoverage;
import org.vigil.workforce.schedule.LanguageCoverage;
import org.vigil.workforce.schedule.LanguageRequirement;
import org.vigil.workforce.schedule.PlanWeek;
import org.vigil.workforce.schedule.Schedule;
import org.vigil.workforce.schedule.ScheduleNotFoundException;
import org.vigil.workforce.schedule.ScheduleProblem;
import org.vigil.workforce.schedule.ScheduleSolver;
import org.vigil.workforce.schedule.ShiftTemplate;
import org.vigil.workforce.schedule.SolverOptions;
import org.vigil.workforce.schedule.Team;
import org.vigil.workforce.schedule.TeamCost;
import org.vigil.workforce.schedule.Week;

/**
 * {@code POST /api/v1/workforce/schedules}: the shifts, per team, that cover a week's required agents
 * per half hour, in total and per language, at least cost (CP-SAT), with coverage against the
 * requirement and cost per team. Teams work in their own time zones and are paid by the hour or by
 * the item.
 */
@RestController
class ScheduleController {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_LANGUAGES = 20;

    record TemplateQuestion(@Nullable String name, @Nullable Integer lengthIntervals,
            @Nullable List<Integer> startIntervals, @Nullable List<Integer> breakOffsets, @Nullable List<String> days) {
    }

    record TeamQuestion(@Nullable String name, @Nullable Boolean vendor, @Nullable Double costPerHour,
            @Nullable Double costPerItem, @Nullable Double itemsPerHour, @Nullable String timeZone,
            @Nullable List<String> languages, @Nullable Integer maxShiftsPerDay, @Nullable Integer minPaidHoursPerWeek,
            @Nullable Integer maxPaidHoursPerWeek, @Nullable List<TemplateQuestion> templates) {
    }

    record LanguageQuestion(@Nullable String language, @Nullable List<Integer> requiredAgents) {
    }

    record Question(@Nullable String weekStart, @Nullable String timeZone, @Nullable List<Integer> requiredAgents,
            @Nullable List<LanguageQuestion> languages, @Nullable List<TeamQuestion> teams,
            @Nullable Integer maxVendorSharePercent, @Nullable Integer timeLimitSeconds) {
    }

    /** How a team is paid: per paid hour, or per item at an expected number of items per paid hour. */
    private record Pay(@Nullable BigDecimal perItem, @Nullable BigDecimal itemsPerHour) {
    }

    @PostMapping("/api/v1/workforce/schedules")
    ResponseEntity<?> schedule(@RequestBody Question q, @RequestParam(defaultValue = "json") String format) {
        Checks checks = new Checks();
        checks.oneOf("format", format, List.of("json", "csv"));
        PlanWeek week = week(checks, q);
        agentsPerInterval(checks, "requiredAgents", q.requiredAgents());
        checks.range("maxVendorSharePercent", q.maxVendorSharePercent(), 0, 100);
        checks.range("timeLimitSeconds", q.timeLimitSeconds(), 1, 120);
        List<Team> teams = new ArrayList<>();
        List<Pay> pays = new ArrayList<>();
        if (checks.required("teams", q.teams()) && checks.size("teams", q.teams(), 20)) {
            for (int i = 0; i < q.teams().size(); i++) {
                TeamQuestion t = q.teams().get(i);
                if (t == null) {
                    checks.fail("teams[" + i + "]", "must be a team");
                    continue;
                }
                Team team = team(checks, "teams[" + i + "]", t, week);
                if (team != null) {
                    teams.add(team);
                    pays.add(t.costPerItem() == null ? new Pay(null, null)
                            : new Pay(BigDecimal.valueOf(t.costPerItem()), BigDecimal.valueOf(t.itemsPerHour())));
                }
            }
        }
        List<LanguageRequirement> languages = languages(checks, q.languages(), teams);
        checks.throwIfInvalid();
        Schedule schedule;
        try {
            ScheduleProblem problem = ScheduleProblem.of(q.requiredAgents().stream().mapToInt(Integer::intValue).toArray(),
                    teams).inWeek(week).withLanguageRequirements(languages);
            if (q.maxVendorSharePercent() != null) {
                problem = problem.withMaxVendorSharePercent(q.maxVendorSharePercent());
            }
            SolverOptions defaults = SolverOptions.defaults();
            SolverOptions options = q.timeLimitSeconds() == null ? defaults
                    : defaults.withTimeLimit(Duration.ofSeconds(q.timeLimitSeconds()));
            schedule = ScheduleSolver.solve(problem, options);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("", e.getMessage() == null ? "the schedule problem is not consistent"
                    : e.getMessage());
        } catch (ScheduleNotFoundException e) {
            throw new InvalidInputException("teams", "no schedule satisfies the teams' limits (" + e.getMessage() + ")");
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(csv(schedule, week));
        }
        return ResponseEntity.ok(answer(schedule, week, teams, pays));
    }

    /** The plan week: {@code weekStart} (a Monday, by default the coming one) in {@code timeZone} (UTC by default). */
    private static PlanWeek week(Checks checks, Question q) {
        ZoneId zone = q.timeZone() == null ? ZoneOffset.UTC : checks.zone("timeZone", q.timeZone());
        if (zone == null) {
            zone = ZoneOffset.UTC;
        }
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        if (q.weekStart() != null && checks.text("weekStart", q.weekStart(), 10)) {
            try {
                LocalDate date = LocalDate.parse(q.weekStart());
                if (date.getDayOfWeek() == DayOfWeek.MONDAY) {
                    monday = date;
                } else {
                    checks.fail("weekStart", "must be a Monday (" + date + " is a "
                            + date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ")");
                }
            } catch (DateTimeException e) {
                checks.fail("weekStart", "must be a date such as 2026-11-30 (was '" + Checks.quote(q.weekStart()) + "')");
            }
        }
        return new PlanWeek(monday, zone);
    }

    /** Agents per half hour of the week: exactly {@value Week#INTERVALS} whole numbers of at least 0. */
    private static boolean agentsPerInterval(Checks checks, String field, @Nullable List<Integer> agents) {
        if (!checks.required(field, agents)) {
            return false;
        }
        if (agents.size() != Week.INTERVALS) {
            checks.fail(field, "must give the agents required in each of the week's " + Week.INTERVALS
                    + " half hours, Monday 00:00 first (gave " + agents.size() + ")");
            return false;
        }
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i) == null || agents.get(i) < 0) {
                checks.fail(field + "[" + i + "]", "must be a whole number of agents, at least 0");
                return false;
            }
        }
        return true;
    }

    private static @Nullable Team team(Checks checks, String path, TeamQuestion t, PlanWeek week) {
        Checks at = checks.under(path);
        int before = checks.problems().size();
        at.requiredText("name", t.name(), 100);
        if (t.costPerHour() == null && t.costPerItem() == null) {
            at.fail("costPerHour", "must be given, or costPerItem with itemsPerHour, to price the team's shifts");
        } else if (t.costPerHour() != null && t.costPerItem() != null) {
            at.fail("costPerItem", "must not be given with costPerHour: a team is paid by the hour or by the item");
        }
        at.range("costPerHour", t.costPerHour(), 0, 10_000);
        if (t.costPerItem() != null) {
            at.range("costPerItem", t.costPerItem(), 0, 1_000);
            if (at.required("itemsPerHour", t.itemsPerHour())) {
                at.range("itemsPerHour", t.itemsPerHour(), 0.01, 10_000);
            }
        }
        ZoneId zone = t.timeZone() == null ? week.zone() : at.zone("timeZone", t.timeZone());
        Set<String> languages = new LinkedHashSet<>();
        if (t.languages() != null && at.size("languages", t.languages(), MAX_LANGUAGES)) {
            for (int k = 0; k < t.languages().size(); k++) {
                String language = t.languages().get(k);
                if (language == null || !LANGUAGE.matcher(language).matches()) {
                    at.fail("languages[" + k + "]", "must be a language code of 1 to 64 letters, digits, '_' or '-'");
                } else {
                    languages.add(language);
                }
            }
        }
        at.range("maxShiftsPerDay", t.maxShiftsPerDay(), 0, 100_000);
        at.range("minPaidHoursPerWeek", t.minPaidHoursPerWeek(), 0, 10_000_000);
        at.range("maxPaidHoursPerWeek", t.maxPaidHoursPerWeek(), 0, 10_000_000);
        List<ShiftTemplate> templates = new ArrayList<>();
        if (at.required("templates", t.templates()) && at.size("templates", t.templates(), 20)) {
            for (int j = 0; j < t.templates().size(); j++) {
                ShiftTemplate template = template(at, "templates[" + j + "]", t.templates().get(j));
                if (template != null && zone != null) {
                    try {
                        if (template.candidateShifts(week, zone).isEmpty()) {
                            at.fail("templates[" + j + "]", "has no start that lies within the week of " + week.monday());
                        }
                    } catch (IllegalArgumentException e) {
                        at.fail("timeZone", e.getMessage());
                        break;
                    }
                    templates.add(template);
                }
            }
        }
        if (checks.problems().size() > before) {
            return null;
        }
        try {
            return new Team(t.name().strip(), Boolean.TRUE.equals(t.vendor()), hourlyCents(t),
                    t.maxShiftsPerDay() == null ? 100_000 : t.maxShiftsPerDay(),
                    t.minPaidHoursPerWeek() == null ? 0 : t.minPaidHoursPerWeek(),
                    t.maxPaidHoursPerWeek() == null ? 10_000_000 : t.maxPaidHoursPerWeek(), templates, zone, languages);
        } catch (IllegalArgumentException e) {
            checks.fail(path, e.getMessage());
            return null;
        }
    }

    /** Cents per paid hour: the hourly cost, or cost per item × items per hour, to the nearest cent. */
    private static long hourlyCents(TeamQuestion t) {
        BigDecimal perHour = t.costPerItem() == null ? BigDecimal.valueOf(t.costPerHour())
                : BigDecimal.valueOf(t.costPerItem()).multiply(BigDecimal.valueOf(t.itemsPerHour()));
        return perHour.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static @Nullable ShiftTemplate template(Checks checks, String path, @Nullable TemplateQuestion tq) {
        if (tq == null) {
            checks.fail(path, "must be a shift template");
            return null;
        }
        Checks at = checks.under(path);
        int before = checks.problems().size();
        at.requiredText("name", tq.name(), 100);
        at.required("lengthIntervals", tq.lengthIntervals());
        if (at.required("startIntervals", tq.startIntervals()) && tq.startIntervals().contains(null)) {
            at.fail("startIntervals", "must be whole numbers of half hours from midnight");
        }
        if (tq.breakOffsets() != null && tq.breakOffsets().contains(null)) {
            at.fail("breakOffsets", "must be whole numbers of half hours from the shift's start");
        }
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (tq.days() != null) {
            days = EnumSet.noneOf(DayOfWeek.class);
            for (int d = 0; d < tq.days().size(); d++) {
                try {
                    days.add(DayOfWeek.valueOf(String.valueOf(tq.days().get(d)).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    at.fail("days[" + d + "]", "must be a weekday: MONDAY to SUNDAY");
                }
            }
        }
        if (checks.problems().size() > before) {
            return null;
        }
        try {
            return new ShiftTemplate(tq.name().strip(), tq.lengthIntervals(), tq.startIntervals(),
                    tq.breakOffsets() == null ? List.of() : tq.breakOffsets(), days);
        } catch (IllegalArgumentException e) {
            checks.fail(path, e.getMessage());
            return null;
        }
    }

    private static List<LanguageRequirement> languages(Checks checks, @Nullable List<LanguageQuestion> asked,
            List<Team> teams) {
        List<LanguageRequirement> requirements = new ArrayList<>();
        if (asked == null || !checks.size("languages", asked, MAX_LANGUAGES)) {
            return requirements;
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < asked.size(); k++) {
            LanguageQuestion l = asked.get(k);
            if (l == null) {
                checks.fail("languages[" + k + "]", "must be a language requirement");
                continue;
            }
            Checks at = checks.under("languages[" + k + "]");
            boolean named = at.required("language", l.language());
            if (named && !LANGUAGE.matcher(l.language()).matches()) {
                at.fail("language", "must be a language code of 1 to 64 letters, digits, '_' or '-'");
                named = false;
            } else if (named && !seen.add(l.language())) {
                at.fail("language", "'" + l.language() + "' is required twice");
                named = false;
            } else if (named && teams.stream().noneMatch(team -> team.languages().contains(l.language()))) {
                at.fail("language", "no team speaks '" + l.language() + "': list it in a team's languages");
                named = false;
            }
            if (agentsPerInterval(at, "requiredAgents", l.requiredAgents()) && named) {
                requirements.add(new LanguageRequirement(l.language(), l.requiredAgents()));
            }
        }
        return requirements;
    }

    private static Map<String, Object> answer(Schedule schedule, PlanWeek week, List<Team> teams, List<Pay> pays) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", schedule.status().name().toLowerCase(Locale.ROOT));
        answer.put("weekStart", week.monday().toString());
        answer.put("timeZone", week.zone().getId());
        answer.put("workforceCost", schedule.workforceCost());
        answer.put("paidHours", schedule.paidHours());
        answer.put("totalShortfall", schedule.totalShortfall());
        answer.put("shortfallPenalty", schedule.shortfallPenalty());
        answer.put("lpBound", schedule.lpBound().orElse(null));
        answer.put("gapToLpBound", schedule.gapToLpBound().isPresent() ? schedule.gapToLpBound().getAsDouble() : null);
        answer.put("wallTimeMillis", schedule.wallTime().toMillis());
        List<Map<String, Object>> costs = new ArrayList<>();
        for (int t = 0; t < teams.size(); t++) {
            TeamCost c = schedule.teamCosts().get(t);
            Pay pay = pays.get(t);
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("team", c.team());
            cost.put("timeZone", teams.get(t).timeZone().getId());
            cost.put("languages", List.copyOf(teams.get(t).languages()));
            cost.put("shifts", c.shifts());
            cost.put("paidHours", c.paidHours());
            cost.put("cost", c.cost());
            cost.put("costPerHour", BigDecimal.valueOf(teams.get(t).costPerHourCents(), 2));
            if (pay.perItem() != null) {
                cost.put("costPerItem", pay.perItem());
                cost.put("expectedItems", pay.itemsPerHour().multiply(BigDecimal.valueOf(c.paidHours()))
                        .setScale(0, RoundingMode.HALF_UP));
            }
            costs.add(cost);
        }
        answer.put("teams", costs);
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (AssignedShift s : schedule.shifts()) {
            Map<String, Object> shift = new LinkedHashMap<>();
            shift.put("team", s.team());
            shift.put("template", s.template());
            shift.put("day", s.day().name());
            shift.put("startInterval", s.startInterval());
            shift.put("start", week.startOf(s.absoluteStart()).toOffsetDateTime().toString());
            shift.put("localStart", s.localStart().toOffsetDateTime().toString());
            shift.put("agents", s.agents());
            shifts.add(shift);
        }
        answer.put("shifts", shifts);
        answer.put("coverage", coverage(schedule.coverage()));
        List<Map<String, Object>> languages = new ArrayList<>();
        for (LanguageCoverage language : schedule.languageCoverage()) {
            languages.add(Map.of("language", language.language(), "totalShortfall", language.totalShortfall(),
                    "coverage", coverage(language.coverage())));
        }
        answer.put("languages", languages);
        return answer;
    }

    private static List<Map<String, Object>> coverage(List<IntervalCoverage> coverage) {
        return coverage.stream().map(c -> Map.<String, Object>of("interval", c.interval(), "required", c.required(),
                "covered", c.covered(), "shortfall", c.shortfall())).toList();
    }

    /** One row per shift, what a rota is built from: the plan's day and time and the team's own. */
    private static String csv(Schedule schedule, PlanWeek week) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        StringBuilder csv = new StringBuilder("team,template,day,startInterval,start,localStart,agents\r\n");
        for (AssignedShift s : schedule.shifts()) {
            csv.append(Csv.cell(s.team())).append(',').append(Csv.cell(s.template())).append(',').append(s.day())
                    .append(',').append(s.startInterval()).append(',')
                    .append(week.startOf(s.absoluteStart()).format(hhmm)).append(',')
                    .append(s.localStart().toOffsetDateTime()).append(',')
                    .append(s.agents()).append("\r\n");
        }
        return csv.toString();
    }
}
