package org.vigil.workforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.web.Checks;
import org.vigil.web.InvalidInputException;
import org.vigil.workforce.simulation.AgentGroup;
import org.vigil.workforce.simulation.GroupOutcome;
import org.vigil.workforce.simulation.HandleTime;
import org.vigil.workforce.simulation.Patience;
import org.vigil.workforce.simulation.QueueOutcome;
import org.vigil.workforce.simulation.QueueSpec;
import org.vigil.workforce.simulation.QueueStatistics;
import org.vigil.workforce.simulation.Simulation;
import org.vigil.workforce.simulation.SimulationPlan;
import org.vigil.workforce.simulation.SimulationResult;

/**
 * {@code POST /api/v1/workforce/simulations}: a seeded discrete-event simulation of a day or a week —
 * arrivals from a forecast, handling-time distributions, patience, priorities and the schedule — with
 * what it predicts per queue and interval.
 */
@RestController
class SimulationController {

    static final int MAX_INTERVALS = 2_016;
    static final double MAX_ARRIVALS = 2_000_000;

    record HandleTimeQuestion(@Nullable String distribution, @Nullable Double meanSeconds,
            @Nullable Double coefficientOfVariation) {
    }

    record QueueQuestion(@Nullable String name, @Nullable Integer priority, @Nullable List<Double> expectedArrivals,
            @Nullable Double targetAnswerSeconds, @Nullable HandleTimeQuestion handleTime,
            @Nullable Double patienceSeconds) {
    }

    record GroupQuestion(@Nullable String name, @Nullable List<String> queues, @Nullable List<Integer> headcount) {
    }

    record Question(@Nullable Integer intervalMinutes, @Nullable Long seed, @Nullable List<QueueQuestion> queues,
            @Nullable List<GroupQuestion> groups) {
    }

    @PostMapping("/api/v1/workforce/simulations")
    org.springframework.http.ResponseEntity<?> simulate(@RequestBody Question q,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "json") String format) {
        Checks checks = new Checks();
        checks.oneOf("format", format, List.of("json", "csv"));
        if (checks.required("intervalMinutes", q.intervalMinutes())) {
            checks.range("intervalMinutes", q.intervalMinutes(), 1, 1_440);
        }
        List<QueueSpec> queues = new ArrayList<>();
        double total = 0;
        if (checks.required("queues", q.queues()) && checks.size("queues", q.queues(), 20)) {
            for (int i = 0; i < q.queues().size(); i++) {
                QueueQuestion queue = q.queues().get(i);
                Checks at = checks.under("queues[" + i + "]");
                if (queue == null) {
                    checks.fail("queues[" + i + "]", "must be a queue");
                    continue;
                }
                at.requiredText("name", queue.name(), 100);
                at.range("priority", queue.priority(), 0, 100);
                if (at.required("targetAnswerSeconds", queue.targetAnswerSeconds())) {
                    at.range("targetAnswerSeconds", queue.targetAnswerSeconds(), 0, 7 * 86_400);
                }
                at.range("patienceSeconds", queue.patienceSeconds(), 1, 30 * 86_400);
                if (at.required("expectedArrivals", queue.expectedArrivals())
                        && at.size("expectedArrivals", queue.expectedArrivals(), MAX_INTERVALS)) {
                    for (int j = 0; j < queue.expectedArrivals().size(); j++) {
                        Double a = queue.expectedArrivals().get(j);
                        if (a == null || !(a >= 0) || a > MAX_ARRIVALS) {
                            at.fail("expectedArrivals[" + j + "]", "must be a number of arrivals from 0 to "
                                    + (long) MAX_ARRIVALS);
                        } else {
                            total += a;
                        }
                    }
                }
                HandleTime handle = handleTime(at, queue.handleTime());
                if (checks.ok()) {
                    queues.add(new QueueSpec(queue.name().strip(), queue.priority() == null ? 0 : queue.priority(),
                            queue.expectedArrivals(), queue.targetAnswerSeconds(), handle,
                            queue.patienceSeconds() == null ? Patience.INFINITE
                                    : Patience.exponential(queue.patienceSeconds())));
                }
            }
        }
        if (total > MAX_ARRIVALS) {
            checks.fail("queues", "at most " + (long) MAX_ARRIVALS + " expected arrivals in all per simulation (were "
                    + Math.round(total) + ")");
        }
        List<AgentGroup> groups = new ArrayList<>();
        if (checks.required("groups", q.groups()) && checks.size("groups", q.groups(), 20)) {
            for (int i = 0; i < q.groups().size(); i++) {
                GroupQuestion group = q.groups().get(i);
                Checks at = checks.under("groups[" + i + "]");
                if (group == null) {
                    checks.fail("groups[" + i + "]", "must be an agent group");
                    continue;
                }
                at.requiredText("name", group.name(), 100);
                at.required("queues", group.queues());
                if (at.required("headcount", group.headcount()) && at.size("headcount", group.headcount(), MAX_INTERVALS)) {
                    for (int j = 0; j < group.headcount().size(); j++) {
                        Integer h = group.headcount().get(j);
                        if (h == null || h < 0 || h > 100_000) {
                            at.fail("headcount[" + j + "]", "must be a number of agents from 0 to 100000");
                        }
                    }
                }
                if (checks.ok()) {
                    groups.add(new AgentGroup(group.name().strip(), new LinkedHashSet<>(group.queues()),
                            group.headcount()));
                }
            }
        }
        checks.throwIfInvalid();
        long seed = q.seed() == null ? 1 : q.seed();
        SimulationResult result;
        try {
            result = Simulation.run(new SimulationPlan(q.intervalMinutes() * 60.0, queues, groups), seed);
        } catch (IllegalArgumentException e) {
            // the plan names the queue or group at fault: "queue 'x': …", "group 'y' serves unknown queue 'z'"
            throw new InvalidInputException("", e.getMessage() == null ? "the plan is not consistent" : e.getMessage());
        }
        if (format.equals("csv")) {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(new org.springframework.http.MediaType("text", "csv",
                            java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv(result));
        }
        return org.springframework.http.ResponseEntity.ok(answer(result));
    }

    private static @Nullable HandleTime handleTime(Checks at, @Nullable HandleTimeQuestion h) {
        if (!at.required("handleTime", h)) {
            return null;
        }
        Checks ht = at.under("handleTime");
        if (ht.required("distribution", h.distribution())) {
            ht.oneOf("distribution", h.distribution(), List.of("exponential", "lognormal", "deterministic"));
        }
        if (ht.required("meanSeconds", h.meanSeconds())) {
            ht.range("meanSeconds", h.meanSeconds(), 1, 86_400);
        }
        if ("lognormal".equals(h.distribution()) && ht.required("coefficientOfVariation", h.coefficientOfVariation())) {
            ht.range("coefficientOfVariation", h.coefficientOfVariation(), 0.01, 10);
        }
        if (!ht.ok()) {
            return null;
        }
        return switch (h.distribution()) {
            case "exponential" -> new HandleTime.Exponential(h.meanSeconds());
            case "lognormal" -> new HandleTime.Lognormal(h.meanSeconds(), h.coefficientOfVariation());
            default -> new HandleTime.Deterministic(h.meanSeconds());
        };
    }

    /** One line per queue and interval: what the simulation predicts there. Queue names are people's text. */
    private static String csv(SimulationResult result) {
        StringBuilder csv = new StringBuilder(
                "queue,interval,arrivals,answered,abandoned,serviceLevel,averageWaitSeconds,maxWaitSeconds,waitingAtEnd\r\n");
        for (QueueOutcome queue : result.queues()) {
            for (int i = 0; i < queue.intervals().size(); i++) {
                QueueStatistics s = queue.intervals().get(i);
                csv.append(org.vigil.web.Csv.cell(queue.name())).append(',').append(i).append(',')
                        .append(s.arrivals()).append(',').append(s.answered()).append(',').append(s.abandoned())
                        .append(',').append(s.serviceLevel()).append(',').append(s.averageWaitSeconds()).append(',')
                        .append(s.maxWaitSeconds()).append(',').append(s.waitingAtEnd()).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static Map<String, Object> answer(SimulationResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("seed", result.seed());
        List<Map<String, Object>> queues = new ArrayList<>();
        for (QueueOutcome queue : result.queues()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("name", queue.name());
            q.put("total", figures(queue.total()));
            q.put("intervals", queue.intervals().stream().map(SimulationController::figures).toList());
            queues.add(q);
        }
        answer.put("queues", queues);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (GroupOutcome group : result.groups()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", group.name());
            g.put("occupancy", group.total().occupancy());
            g.put("overtimeAgentHours", group.total().overtimeAgentSeconds() / 3600);
            g.put("intervals", group.intervals().stream().map(s -> s.occupancy()).toList());
            groups.add(g);
        }
        answer.put("groups", groups);
        return answer;
    }

    private static Map<String, Object> figures(QueueStatistics s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("arrivals", s.arrivals());
        f.put("answered", s.answered());
        f.put("abandoned", s.abandoned());
        f.put("serviceLevel", s.serviceLevel());
        f.put("averageWaitSeconds", s.averageWaitSeconds());
        f.put("maxWaitSeconds", s.maxWaitSeconds());
        f.put("waitingAtEnd", s.waitingAtEnd());
        return f;
    }
}
