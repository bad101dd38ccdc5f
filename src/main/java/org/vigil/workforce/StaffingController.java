package org.vigil.workforce;

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
        if (checks.required("model", q.model())) {
            checks.oneOf("model", q.model(), List.of("erlang_c", "erlang_a"));
        }
        checks.required("arrivals", q.arrivals());
        checks.required("intervalMinutes", q.intervalMinutes());
        checks.required("ahtSeconds", q.ahtSeconds());
        checks.required("targetServiceLevel", q.targetServiceLevel());
        checks.required("targetSeconds", q.targetSeconds());
        checks.throwIfInvalid();
        StaffingResult result;
        try {
            result = staffing.staff(new StaffingRequest(
                    q.model().equals("erlang_a") ? StaffingRequest.Model.ERLANG_A : StaffingRequest.Model.ERLANG_C,
                    q.arrivals(), q.intervalMinutes(), q.ahtSeconds(), q.targetServiceLevel(), q.targetSeconds(),
                    q.patienceSeconds(), q.maxOccupancy(), q.maxAbandonment(), q.shrinkage(), q.agents()));
        } catch (IllegalArgumentException e) {
            // The kernel names the offending parameter first: "ahtSeconds must be > 0".
            String message = e.getMessage() == null ? "is invalid" : e.getMessage();
            int space = message.indexOf(' ');
            String field = space > 0 ? message.substring(0, space) : "";
            throw new InvalidInputException(field.matches("[a-zA-Z]+") ? field : "",
                    space > 0 && field.matches("[a-zA-Z]+") ? message.substring(space + 1) : message);
        }
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

    /** An unstable queue has no finite waiting time: JSON says null (and {@code stable: false}). */
    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
