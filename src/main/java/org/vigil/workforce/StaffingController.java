package org.vigil.workforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.web.Checks;
import org.vigil.web.InvalidInputException;
import org.vigil.workforce.staffing.IntervalPlan;
import org.vigil.workforce.staffing.Scenarios;
import org.vigil.workforce.staffing.Staffing;
import org.vigil.workforce.staffing.StaffingRequest;
import org.vigil.workforce.staffing.StaffingResult;

/**
 * {@code POST /api/v1/workforce/staffing}: agents required for a target (or the figures a given
 * number of agents achieves) for one interval of one queue, by Erlang C or Erlang A.
 */
@RestController
@RequestMapping("/api/v1/workforce")
class StaffingController {

    private final Staffing staffing = new Staffing();

    record Question(@Nullable String model, @Nullable Double arrivals, @Nullable Integer intervalMinutes,
            @Nullable Double ahtSeconds, @Nullable Double targetServiceLevel, @Nullable Double targetSeconds,
            @Nullable Double patienceSeconds, @Nullable Double maxOccupancy, @Nullable Double maxAbandonment,
            @Nullable Double shrinkage, @Nullable Integer agents) {
    }

    @PostMapping("/staffing")
    Map<String, Object> staffing(@RequestBody Question q) {
        Checks checks = new Checks();
        checks.required("arrivals", q.arrivals());
        StaffingRequest template = template(checks, "", q);
        StaffingResult result = kernel(() -> staffing.staff(new StaffingRequest(template.model(), q.arrivals(),
                template.intervalMinutes(), template.ahtSeconds(), template.targetServiceLevel(),
                template.targetSeconds(), template.patienceSeconds(), template.maxOccupancy(),
                template.maxAbandonment(), template.shrinkage(), q.agents())), "");
        return figures(result);
    }

    /** A queue's settings and its expected arrivals per interval (at most six weeks of 30-minute intervals). */
    record PlanQuestion(@Nullable Question settings, @Nullable List<Double> arrivals, @Nullable List<Integer> agents) {
    }

    /**
     * {@code POST /api/v1/workforce/plans}: staffs every interval to the targets (or evaluates the agents
     * given per interval) and answers the intervals and the totals.
     */
    @PostMapping("/plans")
    org.springframework.http.ResponseEntity<?> plan(@RequestBody PlanQuestion q,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "json") String format) {
        Checks checks = new Checks();
        checks.oneOf("format", format, List.of("json", "csv"));
        double[] arrivals = arrivals(checks, q.arrivals());
        int[] agents = null;
        if (q.agents() != null && checks.size("agents", q.agents(), MAX_INTERVALS)) {
            agents = new int[q.agents().size()];
            for (int i = 0; i < agents.length; i++) {
                Integer a = q.agents().get(i);
                if (a == null || a < 0 || a > 1_000_000) {
                    checks.fail("agents[" + i + "]", "must be a whole number of agents from 0 to 1000000");
                } else {
                    agents[i] = a;
                }
            }
            if (q.arrivals() != null && q.agents().size() != q.arrivals().size()) {
                checks.fail("agents", "must have one entry per interval of arrivals (" + q.arrivals().size() + ")");
            }
        }
        StaffingRequest template = settings(checks, q.settings());
        int[] given = agents;
        IntervalPlan plan = kernel(() -> IntervalPlan.of(template, arrivals, given), "settings.");
        if (format.equals("csv")) {
            StringBuilder csv = new StringBuilder(
                    "interval,agents,scheduledAgents,serviceLevel,probabilityOfWaiting,asa,occupancy,abandonment\r\n");
            for (int i = 0; i < plan.intervals().size(); i++) {
                StaffingResult r = plan.intervals().get(i);
                csv.append(i).append(',').append(r.agents()).append(',').append(r.scheduledAgents()).append(',')
                        .append(r.serviceLevel()).append(',').append(r.probabilityOfWaiting()).append(',')
                        .append(Double.isFinite(r.asaSeconds()) ? String.valueOf(r.asaSeconds()) : "").append(',')
                        .append(r.occupancy()).append(',')
                        .append(r.abandonment() == null ? "" : String.valueOf(r.abandonment())).append("\r\n");
            }
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(new org.springframework.http.MediaType("text", "csv",
                            java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv.toString());
        }
        return org.springframework.http.ResponseEntity.ok(plan(plan));
    }

    record VariantQuestion(@Nullable String name, @Nullable Double volumeChangePercent,
            @Nullable Double ahtChangePercent, @Nullable Double targetServiceLevel, @Nullable Double targetSeconds,
            @Nullable Double vendorShare, @Nullable Boolean keepBaselineStaffing) {
    }

    record ScenarioQuestion(@Nullable Question settings, @Nullable List<Double> arrivals,
            @Nullable Double inHouseCostPerHour, @Nullable Double vendorCostPerHour,
            @Nullable Double baselineVendorShare, @Nullable List<VariantQuestion> variants) {
    }

    /**
     * {@code POST /api/v1/workforce/scenarios}: the baseline plan and each variant side by side, with
     * agents, cost and service level, and their differences from the baseline.
     */
    @PostMapping("/scenarios")
    org.springframework.http.ResponseEntity<?> scenarios(@RequestBody ScenarioQuestion q,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "json") String format) {
        Checks checks = new Checks();
        checks.oneOf("format", format, List.of("json", "csv"));
        double[] arrivals = arrivals(checks, q.arrivals());
        checks.required("inHouseCostPerHour", q.inHouseCostPerHour());
        checks.range("inHouseCostPerHour", q.inHouseCostPerHour(), 0, 1_000_000);
        checks.range("vendorCostPerHour", q.vendorCostPerHour(), 0, 1_000_000);
        checks.range("baselineVendorShare", q.baselineVendorShare(), 0, 1);
        List<Scenarios.Variant> variants = new ArrayList<>();
        if (checks.required("variants", q.variants()) && checks.size("variants", q.variants(), 20)) {
            for (int i = 0; i < q.variants().size(); i++) {
                VariantQuestion v = q.variants().get(i);
                Checks at = checks.under("variants[" + i + "]");
                if (v == null) {
                    checks.fail("variants[" + i + "]", "must be a variant");
                    continue;
                }
                at.requiredText("name", v.name(), 100);
                at.range("volumeChangePercent", v.volumeChangePercent(), -100, 1000);
                at.range("ahtChangePercent", v.ahtChangePercent(), -99, 1000);
                at.range("targetServiceLevel", v.targetServiceLevel(), 0, 0.999);
                at.range("targetSeconds", v.targetSeconds(), 0, 86_400);
                at.range("vendorShare", v.vendorShare(), 0, 1);
                if (checks.ok()) {
                    variants.add(new Scenarios.Variant(v.name().strip(), orZero(v.volumeChangePercent()),
                            orZero(v.ahtChangePercent()), v.targetServiceLevel(), v.targetSeconds(),
                            orZero(v.vendorShare()), Boolean.TRUE.equals(v.keepBaselineStaffing())));
                }
            }
        }
        StaffingRequest template = settings(checks, q.settings());
        Scenarios.Rates rates = new Scenarios.Rates(q.inHouseCostPerHour(),
                q.vendorCostPerHour() == null ? q.inHouseCostPerHour() : q.vendorCostPerHour());
        List<Scenarios.Outcome> outcomes = kernel(() -> Scenarios.compare(template, arrivals, rates,
                orZero(q.baselineVendorShare()), variants), "settings.");
        List<Map<String, Object>> answer = new ArrayList<>();
        for (Scenarios.Outcome o : outcomes) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("name", o.name());
            scenario.put("cost", o.cost());
            scenario.put("inHouseCost", o.inHouseCost());
            scenario.put("vendorCost", o.vendorCost());
            scenario.put("agentHoursChange", o.agentHoursChange());
            scenario.put("costChange", o.costChange());
            scenario.put("serviceLevelChange", o.serviceLevelChange());
            scenario.putAll(totals(o.plan()));
            answer.add(scenario);
        }
        if (format.equals("csv")) {
            // one line per scenario, columns in the order of the JSON answer; names are people's text
            List<String> columns = List.copyOf(answer.getFirst().keySet());
            StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
            for (Map<String, Object> scenario : answer) {
                csv.append(columns.stream().map(c -> scenario.get(c) == null ? ""
                        : scenario.get(c) instanceof Number n ? String.valueOf(n)
                        : org.vigil.web.Csv.cell(String.valueOf(scenario.get(c)))).collect(
                        java.util.stream.Collectors.joining(","))).append("\r\n");
            }
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(new org.springframework.http.MediaType("text", "csv",
                            java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv.toString());
        }
        return org.springframework.http.ResponseEntity.ok(Map.of("scenarios", answer));
    }

    record DeferredQuestion(@Nullable List<Double> arrivals, @Nullable Double intervalMinutes,
            @Nullable Double ahtSeconds, @Nullable Double slaMinutes, @Nullable Double maxOccupancy,
            @Nullable Double initialBacklog, @Nullable Double shrinkage, @Nullable Integer agents) {
    }

    /**
     * {@code POST /api/v1/workforce/deferred}: review work whose SLA is hours — the fewest agents, constant
     * over the period, who clear the forecast arrivals and the backlog within the SLA window at the
     * occupancy cap (or what a given number achieves), with the backlog per interval.
     */
    @PostMapping("/deferred")
    Map<String, Object> deferred(@RequestBody DeferredQuestion q) {
        Checks checks = new Checks();
        double[] arrivals = arrivals(checks, q.arrivals());
        checks.required("intervalMinutes", q.intervalMinutes());
        checks.range("intervalMinutes", q.intervalMinutes(), 1, 1_440);
        checks.required("ahtSeconds", q.ahtSeconds());
        checks.range("ahtSeconds", q.ahtSeconds(), 1, 86_400);
        checks.required("slaMinutes", q.slaMinutes());
        checks.range("slaMinutes", q.slaMinutes(), 1, 30 * 1_440);
        checks.range("maxOccupancy", q.maxOccupancy(), 0.05, 1);
        checks.range("initialBacklog", q.initialBacklog(), 0, 1e8);
        checks.range("shrinkage", q.shrinkage(), 0, 0.95);
        checks.range("agents", q.agents(), 0, 1_000_000);
        checks.throwIfInvalid();
        List<Double> list = new ArrayList<>();
        for (double a : arrivals) {
            list.add(a);
        }
        org.vigil.workforce.staffing.DeferredWorkload work = kernel(() -> new org.vigil.workforce.staffing.DeferredWorkload(
                list, q.intervalMinutes(), q.ahtSeconds(), q.slaMinutes(),
                q.maxOccupancy() == null ? 0.85 : q.maxOccupancy(),
                q.initialBacklog() == null ? 0 : q.initialBacklog()), "");
        int agents;
        org.vigil.workforce.staffing.DeferredOutcome outcome;
        if (q.agents() != null) {
            agents = q.agents();
            outcome = kernel(() -> work.simulate(q.agents()), "");
        } else {
            org.vigil.workforce.staffing.DeferredPlan plan = kernel(work::requiredAgents, "");
            agents = plan.agents();
            outcome = plan.outcome();
        }
        double shrinkage = q.shrinkage() == null ? 0 : q.shrinkage();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agents", agents);
        answer.put("scheduledAgents", (int) Math.ceil(agents / (1 - shrinkage) - 1e-9));
        answer.put("slaMet", outcome.slaMet());
        answer.put("maxDelayMinutes", finite(outcome.maxDelayMinutes()));
        answer.put("drainMinutes", finite(outcome.drainMinutes()));
        answer.put("workloadHours", outcome.workloadHours());
        answer.put("intervals", outcome.intervals().stream().map(f -> Map.of("arrivals", f.arrivals(),
                "served", f.served(), "backlog", f.backlog())).toList());
        return answer;
    }

    static final int MAX_INTERVALS = 2_016;

    private static double orZero(@Nullable Double value) {
        return value == null ? 0 : value;
    }

    private static double[] arrivals(Checks checks, @Nullable List<Double> arrivals) {
        if (!checks.required("arrivals", arrivals) || !checks.size("arrivals", arrivals, MAX_INTERVALS)) {
            return new double[0];
        }
        if (arrivals.isEmpty()) {
            checks.fail("arrivals", "must name at least one interval");
        }
        double[] values = new double[arrivals.size()];
        for (int i = 0; i < values.length; i++) {
            Double a = arrivals.get(i);
            if (a == null || !(a >= 0) || a > 1e9) {
                checks.fail("arrivals[" + i + "]", "must be a number of arrivals from 0 to 1e9");
            } else {
                values[i] = a;
            }
        }
        return values;
    }

    private StaffingRequest settings(Checks checks, @Nullable Question settings) {
        if (!checks.required("settings", settings)) {
            checks.throwIfInvalid();
        }
        return template(checks, "settings.", settings);
    }

    /** The queue settings of a question, checked; throws with every problem found so far. */
    private static StaffingRequest template(Checks checks, String prefix, Question q) {
        Checks at = prefix.isEmpty() ? checks : checks.under(prefix.substring(0, prefix.length() - 1));
        if (at.required("model", q.model())) {
            at.oneOf("model", q.model(), List.of("erlang_c", "erlang_a"));
        }
        at.required("intervalMinutes", q.intervalMinutes());
        at.required("ahtSeconds", q.ahtSeconds());
        at.required("targetServiceLevel", q.targetServiceLevel());
        at.required("targetSeconds", q.targetSeconds());
        checks.throwIfInvalid();
        return kernel(() -> new StaffingRequest(
                q.model().equals("erlang_a") ? StaffingRequest.Model.ERLANG_A : StaffingRequest.Model.ERLANG_C,
                0, q.intervalMinutes(), q.ahtSeconds(), q.targetServiceLevel(), q.targetSeconds(),
                q.patienceSeconds(), q.maxOccupancy(), q.maxAbandonment(), q.shrinkage(), null), prefix);
    }

    /** Runs the kernel, turning its "name must ..." refusals into a problem naming the field. */
    private static <T> T kernel(java.util.function.Supplier<T> call, String prefix) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            // The kernel names the offending parameter first: "ahtSeconds must be > 0".
            String message = e.getMessage() == null ? "is invalid" : e.getMessage();
            int space = message.indexOf(' ');
            String field = space > 0 ? message.substring(0, space) : "";
            boolean named = field.matches("[a-zA-Z]+");
            throw new InvalidInputException(named ? prefix + field : "", named ? message.substring(space + 1) : message);
        }
    }

    private static Map<String, Object> figures(StaffingResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agents", result.agents());
        answer.put("serviceLevel", finite(result.serviceLevel()));
        answer.put("probabilityOfWaiting", finite(result.probabilityOfWaiting()));
        answer.put("asa", finite(result.asaSeconds()));
        answer.put("occupancy", finite(result.occupancy()));
        if (result.abandonment() != null) {
            answer.put("abandonment", result.abandonment());
        }
        answer.put("scheduledAgents", result.scheduledAgents());
        answer.put("scheduledAgentsFractional", result.scheduledAgentsFractional());
        answer.put("offeredLoadErlangs", result.offeredLoadErlangs());
        answer.put("stable", result.stable());
        answer.put("targetsMet", result.targetsMet());
        return answer;
    }

    private static Map<String, Object> totals(IntervalPlan plan) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("agentHours", plan.agentHours());
        totals.put("peakScheduledAgents", plan.peakScheduled());
        totals.put("serviceLevel", plan.serviceLevel());
        totals.put("asa", finite(plan.asaSeconds()));
        totals.put("abandonment", plan.abandonment());
        totals.put("intervalsMissingTarget", plan.intervalsMissingTarget());
        return totals;
    }

    private static Map<String, Object> plan(IntervalPlan plan) {
        Map<String, Object> answer = totals(plan);
        answer.put("intervalMinutes", plan.intervalMinutes());
        answer.put("intervals", plan.intervals().stream().map(StaffingController::figures).toList());
        return answer;
    }

    /** An unstable queue has no finite waiting time: JSON says null (and {@code stable: false}). */
    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
