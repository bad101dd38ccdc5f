package org.vigil.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class StaffingApiTest extends IntegrationTest {

    private static Map<String, Object> question() {
        // Call Centre Helper's worked example: 100 contacts in 30 minutes, 180 s handling, 80 % in 20 s.
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("model", "erlang_c");
        q.put("arrivals", 100);
        q.put("intervalMinutes", 30);
        q.put("ahtSeconds", 180);
        q.put("targetServiceLevel", 0.8);
        q.put("targetSeconds", 20);
        return q;
    }

    @Test
    void theRequiredAgentsForATargetComeWithTheFiguresTheyAchieve() {
        Map<String, Object> q = question();
        q.put("shrinkage", 0.3);
        JsonNode answer = admin.post("/api/v1/workforce/staffing", q).json();
        assertThat(answer.get("agents").asInt()).isEqualTo(14);
        assertThat(answer.get("probabilityOfWaiting").asDouble()).isCloseTo(0.1741, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(answer.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(answer.get("occupancy").asDouble()).isCloseTo(10.0 / 14, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(answer.get("scheduledAgents").asInt()).isEqualTo(20);
    }

    @Test
    void withAgentsItAnswersWhatThatManyAchieveAndAnOverloadedQueueIsUnstable() {
        Map<String, Object> q = question();
        q.put("agents", 12);
        JsonNode twelve = admin.post("/api/v1/workforce/staffing", q).json();
        assertThat(twelve.get("agents").asInt()).isEqualTo(12);
        assertThat(twelve.get("probabilityOfWaiting").asDouble()).isCloseTo(0.4494, org.assertj.core.data.Offset.offset(1e-4));
        q.put("agents", 9);
        JsonNode nine = admin.post("/api/v1/workforce/staffing", q).json();
        assertThat(nine.get("stable").asBoolean()).isFalse();
        assertThat(nine.get("asa").isNull()).isTrue();
    }

    @Test
    void erlangAWithAbandonmentCanNeedFewerAgentsThanErlangs() {
        Map<String, Object> q = question();
        q.put("model", "erlang_a");
        q.put("arrivals", 300);
        q.put("ahtSeconds", 300);
        q.put("targetServiceLevel", 0.5);
        q.put("targetSeconds", 60);
        q.put("patienceSeconds", 60);
        q.put("maxAbandonment", 0.25);
        JsonNode answer = admin.post("/api/v1/workforce/staffing", q).json();
        assertThat(answer.get("offeredLoadErlangs").asDouble()).isEqualTo(50.0);
        assertThat(answer.get("agents").asInt()).isLessThan(50);
        assertThat(answer.get("abandonment").asDouble()).isLessThanOrEqualTo(0.25);
        assertThat(answer.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void badQuestionsGetAProblemNamingTheField() {
        Map<String, Object> q = question();
        q.put("ahtSeconds", -1);
        Api.Answer answer = admin.post("/api/v1/workforce/staffing", q);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("ahtSeconds");

        Map<String, Object> c = question();
        c.put("patienceSeconds", 30);
        assertThat(admin.post("/api/v1/workforce/staffing", c).json().get("errors").get(0).get("field").asString())
                .isEqualTo("patienceSeconds");
        Map<String, Object> missing = question();
        missing.remove("model");
        assertThat(admin.post("/api/v1/workforce/staffing", missing).json().get("errors").get(0).get("field").asString())
                .isEqualTo("model");
        assertThat(anonymous().post("/api/v1/workforce/staffing", question()).status()).isEqualTo(401);
        assertThat(integration("intake").post("/api/v1/workforce/staffing", question()).status()).isEqualTo(403);
    }
}
