package org.vigil.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ScheduleApiTest extends IntegrationTest {

    /** Two agents on Monday 08:00–16:00, nobody needed otherwise. */
    private static List<Integer> monday() {
        List<Integer> required = new ArrayList<>();
        for (int i = 0; i < 336; i++) {
            required.add(i >= 16 && i < 32 ? 2 : 0);
        }
        return required;
    }

    private static Map<String, Object> team(String name, boolean vendor, double cost) {
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("name", name);
        team.put("vendor", vendor);
        team.put("costPerHour", cost);
        team.put("templates", List.of(Map.of("name", "4h", "lengthIntervals", 8,
                "startIntervals", List.of(16, 24), "days", List.of("MONDAY"))));
        return team;
    }

    @Test
    void theCheapestShiftsCoverTheWeekAndTheAnswerShowsCoverageAndCost() {
        Api.Answer answer = admin.post("/api/v1/workforce/schedules", Map.of("requiredAgents", monday(),
                "teams", List.of(team("in-house", false, 26), team("vendor", true, 18)), "timeLimitSeconds", 20));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode schedule = answer.json();
        assertThat(schedule.get("totalShortfall").asLong()).isZero();
        // four 4-hour vendor shifts: 16 paid hours at 18
        assertThat(schedule.get("paidHours").asDouble()).isEqualTo(16);
        assertThat(schedule.get("workforceCost").asDouble()).isEqualTo(288);
        assertThat(schedule.get("shifts").valueStream().map(s -> s.get("team").asString())).containsOnly("vendor");
        assertThat(schedule.get("coverage").get(20).get("covered").asInt()).isEqualTo(2);
        assertThat(schedule.get("gapToLpBound").asDouble()).isLessThan(0.02);

        Api.Answer csv = admin.post("/api/v1/workforce/schedules?format=csv", Map.of("requiredAgents", monday(),
                "teams", List.of(team("=cmd()", true, 18)), "timeLimitSeconds", 20));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("team,template,day,startInterval,start,agents");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("\"'=cmd()\",\"4h\",MONDAY,16,08:00,2");
    }

    @Test
    void aBadWeekIsRefusedNamingTheField() {
        Api.Answer shortWeek = admin.post("/api/v1/workforce/schedules", Map.of("requiredAgents", List.of(1, 2, 3),
                "teams", List.of(team("in-house", false, 26))));
        assertThat(shortWeek.status()).isEqualTo(422);
        assertThat(shortWeek.json().get("errors").get(0).get("field").asString()).isEqualTo("requiredAgents");
        Map<String, Object> noTemplates = team("in-house", false, 26);
        noTemplates.remove("templates");
        Api.Answer missing = admin.post("/api/v1/workforce/schedules", Map.of("requiredAgents", monday(),
                "teams", List.of(noTemplates)));
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("teams[0].templates");
    }
}
