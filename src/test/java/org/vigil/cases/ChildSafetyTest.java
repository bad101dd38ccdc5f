package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ChildSafetyTest extends IntegrationTest {

    private record Person(long id, Api api) {
    }

    private Person person(String role, List<String> clearances) {
        long team = admin.post("/api/v1/teams", Map.of("name", "Child safety " + unique(), "vendor", false)).json()
                .get("id").asLong();
        String name = role.toLowerCase() + "-" + unique();
        long id = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of(role), "teamId", team, "clearances", clearances)).json().get("id").asLong();
        return new Person(id, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret")
                .asString()));
    }

    private long report(String reason) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("subject", Map.of("type", "image", "id", "cs_" + unique(), "ownerId", "acct_" + unique(),
                "content", Map.of("mediaUrls", List.of("https://cdn.example.com/evidence/1.jpg"))));
        report.put("source", "hash_match");
        report.put("reason", reason);
        report.put("scores", Map.of(reason, 0.99));
        return admin.post("/api/v1/reports", report).json().get("caseId").asLong();
    }

    @Test
    void childSafetyEvidenceIsHeldSeenOnlyWithTheClearanceAndEveryLookIsRecorded() {
        long caseId = report("child_sexual_exploitation");
        assertThat(admin.get("/api/v1/cases/" + caseId).json().get("legalHoldSince").isNull()).isFalse();

        Person agent = person("AGENT", List.of());
        Person specialist = person("SPECIALIST", List.of("child_safety"));
        assertThat(agent.api().get("/api/v1/cases/" + caseId + "/reports").status()).isEqualTo(403);
        assertThat(specialist.api().get("/api/v1/cases/" + caseId + "/reports").status()).isEqualTo(200);
        JsonNode views = admin.get("/api/v1/cases/" + caseId + "/evidence-views").json().get("views");
        assertThat(views.valueStream().map(v -> v.get("actor").asString())).containsExactly("user:" + specialist.id());

        assertThatThrownBy(() -> jdbc.sql("delete from report where case_id = :id").param("id", caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("legal hold");
        assertThatThrownBy(() -> jdbc.sql("update report set description = 'edited' where case_id = :id")
                .param("id", caseId).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aSpecialistGetsADraftForTheAuthoritiesAndRecordsTheFiling() {
        long caseId = report("child_sexual_exploitation");
        Person specialist = person("SPECIALIST", List.of("child_safety"));
        Person agent = person("AGENT", List.of());
        assertThat(agent.api().get("/api/v1/cases/" + caseId + "/authority-report").status()).isEqualTo(403);

        JsonNode draft = specialist.api().get("/api/v1/cases/" + caseId + "/authority-report").json();
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("incidentSummary").get("incidentType").asString()).startsWith("Child Pornography");
        assertThat(draft.get("personOrUserReported").get("espIdentifier").asString()).startsWith("acct_");
        assertThat(draft.get("evidence").get(0).get("content").get("mediaUrls").get(0).asString())
                .isEqualTo("https://cdn.example.com/evidence/1.jpg");
        assertThat(draft.get("preservation").get("legalHoldSince").asString()).isNotEqualTo("null");

        Api.Answer filed = specialist.api().post("/api/v1/cases/" + caseId + "/authority-report/filed",
                Map.of("reference", "CT-2026-000123"));
        assertThat(filed.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/cases/" + caseId + "/events").json().get("events").valueStream()
                .map(e -> e.get("type").asString())).contains("authority_report_filed");
        assertThat(specialist.api().get("/api/v1/cases/" + report("spam") + "/authority-report").status())
                .isEqualTo(409);
    }

    @Test
    void leadsPlaceLegalHoldsAndOnlyAdminsReleaseThem() {
        long caseId = report("harassment");
        assertThat(admin.get("/api/v1/cases/" + caseId).json().get("legalHoldSince").isNull()).isTrue();
        Person lead = person("LEAD", List.of());
        Person agent = person("AGENT", List.of());
        assertThat(agent.api().post("/api/v1/cases/" + caseId + "/legal-hold", Map.of("reason", "x")).status())
                .isEqualTo(403);
        JsonNode held = lead.api().post("/api/v1/cases/" + caseId + "/legal-hold",
                Map.of("reason", "Police preservation request 2026/118")).json();
        assertThat(held.get("legalHoldSince").isNull()).isFalse();
        assertThat(lead.api().post("/api/v1/cases/" + caseId + "/legal-hold/release", Map.of("reason", "done"))
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/cases/" + caseId + "/legal-hold/release", Map.of()).status()).isEqualTo(422);
        JsonNode released = admin.post("/api/v1/cases/" + caseId + "/legal-hold/release",
                Map.of("reason", "Request withdrawn")).json();
        assertThat(released.get("legalHoldSince").isNull()).isTrue();
        assertThat(jdbc.sql("update report set description = 'note' where case_id = :id").param("id", caseId).update())
                .isEqualTo(1);
    }
}
