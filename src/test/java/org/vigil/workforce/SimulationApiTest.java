package org.vigil.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class SimulationApiTest extends IntegrationTest {

    private static Map<String, Object> day(List<Integer> headcount, long seed) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", "review");
        queue.put("priority", 1);
        queue.put("expectedArrivals", Collections.nCopies(48, 100.0));
        queue.put("targetAnswerSeconds", 20);
        queue.put("handleTime", Map.of("distribution", "exponential", "meanSeconds", 180));
        return Map.of("intervalMinutes", 30, "seed", seed, "queues", List.of(queue),
                "groups", List.of(Map.of("name", "in-house", "queues", List.of("review"), "headcount", headcount)));
    }

    @Test
    void aSteadyDayAgreesWithErlangCAndASeedRepeatsExactly() {
        JsonNode first = admin.post("/api/v1/workforce/simulations", day(Collections.nCopies(48, 14), 7)).json();
        // Erlang C for 100 contacts per half hour at 180 s with 14 agents: service level 80/20 ≈ 0.81
        JsonNode erlang = admin.post("/api/v1/workforce/staffing", Map.of("model", "erlang_c", "arrivals", 100,
                "intervalMinutes", 30, "ahtSeconds", 180, "targetServiceLevel", 0.8, "targetSeconds", 20,
                "agents", 14)).json();
        JsonNode total = first.get("queues").get(0).get("total");
        assertThat(total.get("arrivals").asLong()).isBetween(4_500L, 5_100L);
        // a day of ~4,800 arrivals: the simulated service level lies within a few points of the formula
        assertThat(total.get("serviceLevel").asDouble())
                .isCloseTo(erlang.get("serviceLevel").asDouble(), org.assertj.core.data.Offset.offset(0.06));
        assertThat(first.get("groups").get(0).get("occupancy").asDouble())
                .isCloseTo(10.0 / 14, org.assertj.core.data.Offset.offset(0.05));

        JsonNode again = admin.post("/api/v1/workforce/simulations", day(Collections.nCopies(48, 14), 7)).json();
        assertThat(again).isEqualTo(first);
        JsonNode other = admin.post("/api/v1/workforce/simulations", day(Collections.nCopies(48, 14), 8)).json();
        assertThat(other.get("queues").get(0).get("total")).isNotEqualTo(total);

        // the same run as CSV: one line per queue and half hour, the same figures
        List<String> csv = admin.post("/api/v1/workforce/simulations?format=csv", day(Collections.nCopies(48, 14), 7))
                .body().lines().toList();
        assertThat(csv).hasSize(1 + 48);
        assertThat(csv.getFirst()).startsWith("queue,interval,arrivals,answered,");
        JsonNode third = first.get("queues").get(0).get("intervals").get(3);
        assertThat(csv.get(4)).contains("," + third.get("arrivals").asLong() + "," + third.get("answered").asLong()
                + "," + third.get("abandoned").asLong() + ",");
    }

    @Test
    void aGapInTheScheduleBuildsABacklogThatDrainsLater() {
        List<Integer> headcount = new ArrayList<>(Collections.nCopies(48, 16));
        for (int i = 0; i < 4; i++) {
            headcount.set(i, 0);
        }
        JsonNode intervals = admin.post("/api/v1/workforce/simulations", day(headcount, 3)).json().get("queues").get(0)
                .get("intervals");
        assertThat(intervals.get(3).get("waitingAtEnd").asLong()).isGreaterThan(300);
        assertThat(intervals.get(3).get("serviceLevel").asDouble()).isZero();
        assertThat(intervals.get(40).get("waitingAtEnd").asLong()).isLessThan(30);
    }

    @Test
    void aBadPlanIsRefusedNamingWhatIsWrong() {
        Map<String, Object> plan = new LinkedHashMap<>(day(Collections.nCopies(48, 14), 1));
        plan.put("groups", List.of(Map.of("name", "g", "queues", List.of("appeals"), "headcount",
                Collections.nCopies(48, 3))));
        Api.Answer unknown = admin.post("/api/v1/workforce/simulations", plan);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asString()).contains("appeals");

        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("name", "review");
        queue.put("expectedArrivals", List.of(10.0, -1.0));
        queue.put("targetAnswerSeconds", 20);
        Api.Answer fields = admin.post("/api/v1/workforce/simulations", Map.of("intervalMinutes", 30,
                "queues", List.of(queue), "groups", List.of(Map.of("name", "g", "queues", List.of("review"),
                        "headcount", List.of(1, 1)))));
        assertThat(fields.status()).isEqualTo(422);
        assertThat(fields.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("queues[0].expectedArrivals[1]", "queues[0].handleTime");
    }
}
