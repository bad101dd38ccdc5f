package org.vigil.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class PlanningApiTest extends IntegrationTest {

    private static Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", "erlang_c");
        s.put("intervalMinutes", 30);
        s.put("ahtSeconds", 180);
        s.put("targetServiceLevel", 0.8);
        s.put("targetSeconds", 20);
        s.put("shrinkage", 0.3);
        return s;
    }

    /** A day of a review queue: quiet nights, a peak in the evening. */
    private static List<Double> day() {
        List<Double> arrivals = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            arrivals.add(i < 14 ? 20.0 : i < 36 ? 100.0 : 160.0);
        }
        return arrivals;
    }

    @Test
    void aDayIsStaffedIntervalByIntervalAndTotalledInPaidHours() {
        JsonNode plan = admin.post("/api/v1/workforce/plans", Map.of("settings", settings(), "arrivals", day())).json();
        JsonNode intervals = plan.get("intervals");
        assertThat(intervals).hasSize(48);
        // Call Centre Helper's worked example: 100 contacts in 30 min at 180 s, 80/20 → 14 agents, 20 with 30 % shrinkage
        assertThat(intervals.get(20).get("agents").asInt()).isEqualTo(14);
        assertThat(intervals.get(20).get("scheduledAgents").asInt()).isEqualTo(20);
        double hours = 0;
        int peak = 0;
        for (JsonNode interval : intervals) {
            hours += interval.get("scheduledAgents").asInt() * 0.5;
            peak = Math.max(peak, interval.get("scheduledAgents").asInt());
            assertThat(interval.get("targetsMet").asBoolean()).isTrue();
        }
        assertThat(plan.get("agentHours").asDouble()).isEqualTo(hours);
        assertThat(plan.get("peakScheduledAgents").asInt()).isEqualTo(peak);
        assertThat(plan.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(plan.get("intervalsMissingTarget").asInt()).isZero();

        String[] csv = admin.post("/api/v1/workforce/plans?format=csv", Map.of("settings", settings(), "arrivals", day()))
                .body().split("\r\n");
        assertThat(csv).hasSize(49);
        assertThat(csv[21]).startsWith("20,14,20,");
    }

    @Test
    void givenAgentsThePlanSaysWhereTheTargetIsMissed() {
        List<Integer> agents = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            agents.add(14);
        }
        JsonNode plan = admin.post("/api/v1/workforce/plans", Map.of("settings", settings(), "arrivals", day(),
                "agents", agents)).json();
        // 160 arrivals need more than 14 agents: the last 12 intervals miss the target
        assertThat(plan.get("intervalsMissingTarget").asInt()).isEqualTo(12);
        assertThat(plan.get("intervals").get(40).get("agents").asInt()).isEqualTo(14);
        assertThat(plan.get("serviceLevel").asDouble()).isLessThan(0.8);
    }

    @Test
    void scenariosShowWhatMoreVolumeAndAVendorShareCostAndWhatDoingNothingDoesToService() {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("settings", settings());
        question.put("arrivals", day());
        question.put("inHouseCostPerHour", 40);
        question.put("vendorCostPerHour", 22);
        question.put("variants", List.of(
                Map.of("name", "launch +20 %", "volumeChangePercent", 20),
                Map.of("name", "launch +20 %, same staff", "volumeChangePercent", 20, "keepBaselineStaffing", true),
                Map.of("name", "half to vendor", "vendorShare", 0.5)));
        Api.Answer answer = admin.post("/api/v1/workforce/scenarios", question);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode scenarios = answer.json().get("scenarios");
        JsonNode baseline = scenarios.get(0);
        assertThat(baseline.get("name").asString()).isEqualTo("baseline");
        assertThat(baseline.get("cost").asDouble()).isCloseTo(baseline.get("agentHours").asDouble() * 40, offset(1e-6));

        JsonNode launch = scenarios.get(1);
        assertThat(launch.get("agentHoursChange").asDouble()).isPositive();
        assertThat(launch.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);

        JsonNode sameStaff = scenarios.get(2);
        assertThat(sameStaff.get("agentHoursChange").asDouble()).isZero();
        assertThat(sameStaff.get("serviceLevelChange").asDouble()).isNegative();
        assertThat(sameStaff.get("intervalsMissingTarget").asInt()).isPositive();

        JsonNode vendor = scenarios.get(3);
        double hours = baseline.get("agentHours").asDouble();
        assertThat(vendor.get("vendorCost").asDouble()).isCloseTo(hours * 0.5 * 22, offset(1e-6));
        assertThat(vendor.get("costChange").asDouble()).isCloseTo(-hours * 0.5 * (40 - 22), offset(1e-6));
        assertThat(vendor.get("serviceLevelChange").asDouble()).isZero();

        question.put("variants", List.of(Map.of("name", "=HYPERLINK(\"x\")", "vendorShare", 0.5)));
        String csv = admin.post("/api/v1/workforce/scenarios?format=csv", question).body();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("name,cost,inHouseCost,vendorCost,agentHoursChange,costChange,");
        assertThat(lines.get(2)).startsWith("\"'=HYPERLINK(\"\"x\"\")\",");
        List<String> columns = List.of(lines.get(0).split(","));
        String[] numbers = lines.get(2).substring(lines.get(2).indexOf("\",") + 2).split(",");
        assertThat(Double.parseDouble(numbers[columns.indexOf("costChange") - 1]))
                .isCloseTo(-hours * 0.5 * (40 - 22), offset(1e-6));
    }

    @Test
    void reviewWorkWithAnSlaOfHoursIsStaffedToClearItInTime() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("arrivals", java.util.Collections.nCopies(48, 60.0));
        q.put("intervalMinutes", 30);
        q.put("ahtSeconds", 120);
        q.put("slaMinutes", 240);
        q.put("maxOccupancy", 0.85);
        q.put("shrinkage", 0.2);
        // 60 items × 120 s per half hour is 4 agents of pure work; at 85 % occupancy that takes 4.7, so 5
        JsonNode needed = admin.post("/api/v1/workforce/deferred", q).json();
        assertThat(needed.get("agents").asInt()).isEqualTo(5);
        assertThat(needed.get("scheduledAgents").asInt()).isEqualTo(7);
        assertThat(needed.get("slaMet").asBoolean()).isTrue();
        assertThat(needed.get("maxDelayMinutes").asDouble()).isLessThanOrEqualTo(240);
        q.put("agents", 4);
        JsonNode four = admin.post("/api/v1/workforce/deferred", q).json();
        assertThat(four.get("slaMet").asBoolean()).isFalse();
        assertThat(four.get("intervals").get(47).get("backlog").asDouble()).isPositive();
        q.put("slaMinutes", 0);
        assertThat(admin.post("/api/v1/workforce/deferred", q).json().get("errors").get(0).get("field").asString())
                .isEqualTo("slaMinutes");
    }

    @Test
    void badPlansAreRefusedNamingTheField() {
        List<Object> arrivals = new ArrayList<>(day());
        arrivals.set(3, -5);
        Map<String, Object> settings = settings();
        settings.remove("ahtSeconds");
        Api.Answer bad = admin.post("/api/v1/workforce/plans", Map.of("settings", settings, "arrivals", arrivals));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("arrivals[3]", "settings.ahtSeconds");

        List<Double> tooMany = new ArrayList<>();
        for (int i = 0; i < 2_017; i++) {
            tooMany.add(1.0);
        }
        Api.Answer long_ = admin.post("/api/v1/workforce/plans", Map.of("settings", settings(), "arrivals", tooMany));
        assertThat(long_.json().get("errors").get(0).get("field").asString()).isEqualTo("arrivals");

        Map<String, Object> shrinking = settings();
        shrinking.put("shrinkage", 1.5);
        Api.Answer kernel = admin.post("/api/v1/workforce/plans", Map.of("settings", shrinking, "arrivals", day()));
        assertThat(kernel.status()).isEqualTo(422);
        assertThat(kernel.json().get("errors").get(0).get("field").asString()).isEqualTo("settings.shrinkage");

        Api.Answer variant = admin.post("/api/v1/workforce/scenarios", Map.of("settings", settings(), "arrivals", day(),
                "inHouseCostPerHour", 40, "variants", List.of(Map.of("name", "x", "vendorShare", 2))));
        assertThat(variant.status()).isEqualTo(422);
        assertThat(variant.json().get("errors").get(0).get("field").asString()).isEqualTo("variants[0].vendorShare");
    }
}
