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
        assertThat(lines[0]).isEqualTo("team,template,day,startInterval,start,localStart,agents");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("\"'=cmd()\",\"4h\",MONDAY,16,08:00,");
        assertThat(lines[1]).endsWith("T08:00Z,2");
    }

    @Test
    void aVendorInManilaPaidPerItemAndASpanishRequirementShapeTheWeek() {
        // the plan is in UTC; the vendor's day shift starts 08:00 in Manila, which is 00:00 UTC
        Map<String, Object> manila = new LinkedHashMap<>();
        manila.put("name", "Manila BPO");
        manila.put("vendor", true);
        manila.put("costPerItem", 0.5);
        manila.put("itemsPerHour", 30);
        manila.put("timeZone", "Asia/Manila");
        manila.put("languages", List.of("en", "tl"));
        manila.put("templates", List.of(Map.of("name", "manila-day", "lengthIntervals", 8,
                "startIntervals", List.of(16), "days", List.of("MONDAY"))));
        Map<String, Object> madrid = new LinkedHashMap<>();
        madrid.put("name", "Madrid");
        madrid.put("costPerHour", 24);
        madrid.put("timeZone", "Europe/Madrid");
        madrid.put("languages", List.of("es", "en"));
        madrid.put("templates", List.of(Map.of("name", "madrid-night", "lengthIntervals", 8,
                "startIntervals", List.of(2), "days", List.of("MONDAY"))));
        List<Integer> required = new ArrayList<>();
        List<Integer> spanish = new ArrayList<>();
        for (int i = 0; i < 336; i++) {
            required.add(i < 8 ? 3 : 0);
            spanish.add(i < 8 ? 1 : 0);
        }

        Api.Answer answer = admin.post("/api/v1/workforce/schedules", Map.of("weekStart", "2026-11-30",
                "timeZone", "UTC", "requiredAgents", required, "teams", List.of(manila, madrid),
                "languages", List.of(Map.of("language", "es", "requiredAgents", spanish)), "timeLimitSeconds", 20));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode schedule = answer.json();
        assertThat(schedule.get("weekStart").asString()).isEqualTo("2026-11-30");
        assertThat(schedule.get("totalShortfall").asLong()).isZero();
        JsonNode es = schedule.get("languages").get(0);
        assertThat(es.get("language").asString()).isEqualTo("es");
        assertThat(es.get("totalShortfall").asLong()).isZero();
        // Madrid is UTC+1 in winter: its 01:00 start is midnight UTC; Manila at 15 an hour (0.50 × 30) is cheaper
        assertThat(schedule.get("shifts").valueStream().map(s -> s.get("team").asString() + " "
                + s.get("start").asString() + " " + s.get("localStart").asString() + " " + s.get("agents").asInt()))
                .containsExactlyInAnyOrder("Manila BPO 2026-11-30T00:00Z 2026-11-30T08:00+08:00 2",
                        "Madrid 2026-11-30T00:00Z 2026-11-30T01:00+01:00 1");
        JsonNode manilaCost = schedule.get("teams").get(0);
        assertThat(manilaCost.get("costPerHour").asDouble()).isEqualTo(15);
        assertThat(manilaCost.get("costPerItem").asDouble()).isEqualTo(0.5);
        assertThat(manilaCost.get("paidHours").asDouble()).isEqualTo(8);
        assertThat(manilaCost.get("expectedItems").asInt()).isEqualTo(240);
        assertThat(manilaCost.get("cost").asDouble()).isEqualTo(120);
        assertThat(schedule.get("teams").get(1).get("cost").asDouble()).isEqualTo(96);
    }

    @Test
    void badZonesWeeksLanguagesAndPricesAreRefusedNamingTheField() {
        Map<String, Object> both = team("both", false, 26);
        both.put("costPerItem", 0.4);
        both.put("timeZone", "Mars/Olympus");
        Map<String, Object> kathmandu = team("kathmandu", false, 26);
        kathmandu.put("timeZone", "Asia/Kathmandu");
        Map<String, Object> perItem = team("per-item", true, 0);
        perItem.remove("costPerHour");
        perItem.put("costPerItem", 0.4);
        perItem.put("languages", List.of("en", "not a code"));
        Api.Answer answer = admin.post("/api/v1/workforce/schedules", Map.of("weekStart", "2026-12-01",
                "timeZone", "Nowhere/City", "requiredAgents", monday(), "teams", List.of(both, kathmandu, perItem),
                "languages", List.of(Map.of("language", "fr", "requiredAgents", monday()),
                        Map.of("language", "de", "requiredAgents", List.of(1)))));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("timeZone", "weekStart", "teams[0].costPerItem", "teams[0].timeZone", "teams[1].timeZone",
                        "teams[2].itemsPerHour", "teams[2].languages[1]", "languages[0].language",
                        "languages[1].language", "languages[1].requiredAgents");
        assertThat(answer.body()).contains("is a Tuesday", "no team speaks 'fr'",
                "Asia/Kathmandu is not a whole number of half hours");
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
