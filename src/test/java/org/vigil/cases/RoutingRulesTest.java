package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Routing rules are global, so every rule here matches only reports carrying this test's own
 * follower count, and is disabled at the end.
 */
class RoutingRulesTest extends IntegrationTest {

    private static long marker() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    }

    private Map<String, Object> report(String reason, String source, Map<String, Double> scores, long followers) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("subject", Map.of("type", "character", "id", "rules_" + unique(),
                "reach", Map.of("views24h", 1200, "followers", followers)));
        report.put("source", source);
        report.put("reason", reason);
        report.put("scores", scores);
        if (source.equals("user")) {
            report.put("reporter", Map.of("id", "u-" + unique()));
        }
        return report;
    }

    private long rule(String name, String condition, List<Map<String, Object>> actions) {
        Api.Answer created = admin.post("/api/v1/rules", Map.of("name", name + " " + unique(),
                "condition", condition, "actions", actions));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void disable(long rule) {
        assertThat(admin.put("/api/v1/rules/" + rule, Map.of("enabled", false)).status()).isEqualTo(200);
    }

    private List<JsonNode> events(long caseId, String type) {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/api/v1/cases/" + caseId + "/events").json().get("events").forEach(e -> {
            if (e.get("type").asString().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void aRuleOverScoresSendsImminentSelfHarmToTheSpecialistsAndSaysWhatItDid() {
        long followers = marker();
        long specialists = admin.post("/api/v1/queues", Map.of("name", "Self-harm specialists " + unique(),
                "kind", "review", "allTeams", true, "clearance", "self_harm")).json().get("id").asLong();
        long rule = rule("Imminent self-harm", "reason == \"self_harm\" && scores[\"self_harm\"] > 0.8\n"
                        + "  && followers == " + followers,
                List.of(Map.of("type", "set_queue", "queueId", specialists),
                        Map.of("type", "set_priority", "priority", "P0"),
                        Map.of("type", "set_severity", "severity", "critical"),
                        Map.of("type", "add_tags", "tags", List.of("imminent_risk"))));
        try {
            long high = admin.post("/api/v1/reports", report("self_harm", "classifier", Map.of("self_harm", 0.93),
                    followers)).json().get("caseId").asLong();
            long low = admin.post("/api/v1/reports", report("self_harm", "classifier", Map.of("self_harm", 0.4),
                    followers)).json().get("caseId").asLong();

            JsonNode routed = admin.get("/api/v1/cases/" + high).json();
            assertThat(routed.get("queueId").asLong()).isEqualTo(specialists);
            assertThat(routed.get("priority").asString()).isEqualTo("P0");
            assertThat(routed.get("severity").asString()).isEqualTo("critical");
            assertThat(routed.get("tags").valueStream().map(JsonNode::asString)).containsExactly("imminent_risk");
            JsonNode applied = events(high, "rule_applied").getFirst();
            assertThat(applied.get("actor").asString()).isEqualTo("system:rules");
            assertThat(applied.get("data").get("ruleId").asLong()).isEqualTo(rule);
            assertThat(applied.get("data").get("ruleVersion").asInt()).isEqualTo(1);
            assertThat(applied.get("data").get("changes").get("queueId").get("to").asLong()).isEqualTo(specialists);

            JsonNode untouched = admin.get("/api/v1/cases/" + low).json();
            assertThat(untouched.get("queueId").asLong()).isNotEqualTo(specialists);
            assertThat(events(low, "rule_applied")).isEmpty();
        } finally {
            disable(rule);
        }
    }

    @Test
    void laterRulesSeeWhatEarlierOnesChangedAndAnEditMakesANewVersion() {
        long followers = marker();
        long first = rule("Tag mass reports", "report_count >= 1 && followers == " + followers,
                List.of(Map.of("type", "add_tags", "tags", List.of("watch"))));
        long second = rule("Watched and popular", "\"watch\" in tags && views_24h > 1000 && followers == " + followers,
                List.of(Map.of("type", "set_priority", "priority", "P1")));
        try {
            long id = admin.post("/api/v1/reports", report("harassment", "user", Map.of(), followers)).json()
                    .get("caseId").asLong();
            assertThat(admin.get("/api/v1/cases/" + id).json().get("priority").asString()).isEqualTo("P1");
            assertThat(events(id, "rule_applied")).hasSize(2);

            Api.Answer edited = admin.put("/api/v1/rules/" + second, Map.of("actions",
                    List.of(Map.of("type", "set_priority", "priority", "P0"))));
            assertThat(edited.json().get("version").asInt()).isEqualTo(2);
            JsonNode versions = admin.get("/api/v1/rules/" + second + "/versions").json().get("versions");
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).get("actions").get(0).get("priority").asString()).isEqualTo("P1");
            assertThat(versions.get(1).get("changedBy").asString()).startsWith("key:");

            long next = admin.post("/api/v1/reports", report("harassment", "user", Map.of(), followers)).json()
                    .get("caseId").asLong();
            assertThat(admin.get("/api/v1/cases/" + next).json().get("priority").asString()).isEqualTo("P0");
            assertThat(events(next, "rule_applied").getLast().get("data").get("ruleVersion").asInt()).isEqualTo(2);
        } finally {
            disable(first);
            disable(second);
        }
    }

    @Test
    void aRuleAutoClosesCertainSpamWithItsReasonAndEscalationTellsTheLeads() {
        long followers = marker();
        long team = admin.post("/api/v1/teams", Map.of("name", "Escalations " + unique(), "vendor", false)).json()
                .get("id").asLong();
        String name = "lead-" + unique();
        long leadId = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of("LEAD"), "teamId", team)).json().get("id").asLong();
        Api lead = api(admin.post("/api/v1/users/" + leadId + "/tokens", Map.of()).json().get("secret").asString());
        long spam = rule("Certain spam", "source == \"classifier\" && scores[\"spam\"] >= 0.99 && followers == "
                + followers, List.of(Map.of("type", "auto_close", "as", "spam", "reason", "bulk link drop")));
        long escalate = rule("Escalate violent extremism", "reason == \"violent_extremism\" && followers == "
                + followers, List.of(Map.of("type", "escalate", "reason", "possible attack planning")));
        try {
            long closed = admin.post("/api/v1/reports", report("spam", "classifier", Map.of("spam", 0.995), followers))
                    .json().get("caseId").asLong();
            JsonNode kase = admin.get("/api/v1/cases/" + closed).json();
            assertThat(kase.get("status").asString()).isEqualTo("solved");
            assertThat(kase.get("slaDueAt").isNull()).isTrue();
            JsonNode status = events(closed, "status_changed").getFirst().get("data");
            assertThat(status.get("reason").asString()).startsWith("auto-closed as spam by rule 'Certain spam")
                    .endsWith(": bulk link drop");

            long escalated = admin.post("/api/v1/reports", report("violent_extremism", "user", Map.of(), followers))
                    .json().get("caseId").asLong();
            JsonNode raised = admin.get("/api/v1/cases/" + escalated).json();
            assertThat(raised.get("priority").asString()).isEqualTo("P0");
            assertThat(raised.get("tags").valueStream().map(JsonNode::asString)).contains("escalated");
            assertThat(lead.get("/api/v1/notifications").json().get("notifications").valueStream()
                    .map(n -> n.get("caseId").asLong())).contains(escalated);
        } finally {
            disable(spam);
            disable(escalate);
        }
    }

    @Test
    void aRuleThatFailsAtRunTimeMatchesNothingAndIsRecorded() {
        long followers = marker();
        long rule = rule("Unknown category", "followers == " + followers + " && scores[\"weapons\"] > 0.5",
                List.of(Map.of("type", "set_priority", "priority", "P0")));
        try {
            long id = admin.post("/api/v1/reports", report("other", "user", Map.of(), followers)).json()
                    .get("caseId").asLong();
            assertThat(admin.get("/api/v1/cases/" + id).json().get("priority").asString()).isNotEqualTo("P0");
            List<JsonNode> failed = events(id, "rule_failed");
            assertThat(failed).hasSize(1);
            assertThat(failed.getFirst().get("data").get("error").asString()).isNotBlank();
        } finally {
            disable(rule);
        }
    }

    @Test
    void aConditionThatDoesNotCompileIsRefusedWithItsPosition() {
        Api.Answer syntax = admin.post("/api/v1/rules", Map.of("name", "Broken " + unique(),
                "condition", "reason == ", "actions", List.of(Map.of("type", "add_tags", "tags", List.of("x")))));
        assertThat(syntax.status()).isEqualTo(422);
        JsonNode error = syntax.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("condition");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isGreaterThan(1);

        Api.Answer unknown = admin.post("/api/v1/rules", Map.of("name", "Typo " + unique(),
                "condition", "report_count > 2 &&\n  reasn == \"spam\"",
                "actions", List.of(Map.of("type", "add_tags", "tags", List.of("x")))));
        assertThat(unknown.status()).isEqualTo(422);
        JsonNode typo = unknown.json().get("errors").get(0);
        assertThat(typo.get("line").asInt()).isEqualTo(2);
        assertThat(typo.get("column").asInt()).isEqualTo(3);
        assertThat(typo.get("detail").asString()).contains("reasn");

        Api.Answer notBoolean = admin.post("/api/v1/rules", Map.of("name", "Count " + unique(),
                "condition", "report_count", "actions", List.of(Map.of("type", "add_tags", "tags", List.of("x")))));
        assertThat(notBoolean.status()).isEqualTo(422);

        Api.Answer badActions = admin.post("/api/v1/rules", Map.of("name", "Actions " + unique(),
                "condition", "true", "actions", List.of(Map.of("type", "set_queue", "queueId", 999_999),
                        Map.of("type", "set_priority", "priority", "P7"), Map.of("type", "teleport"))));
        assertThat(badActions.status()).isEqualTo(422);
        assertThat(badActions.json().get("errors").findValuesAsString("field"))
                .containsExactly("actions[0].queueId", "actions[1].priority", "actions[2].type");
        assertThat(admin.get("/api/v1/rules").json().get("rules").valueStream()
                .map(r -> r.get("name").asString())).noneMatch(n -> n.startsWith("Actions ") || n.startsWith("Typo "));
    }

    @Test
    void aDryRunCountsWhatADraftWouldMatchAndChangeWithoutChangingAnything() {
        long followers = marker();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(admin.post("/api/v1/reports", report("hate", "user", Map.of(), followers)).json()
                    .get("caseId").asLong());
        }
        Api.Answer run = admin.post("/api/v1/rules/dry-run", Map.of("condition", "followers == " + followers,
                "actions", List.of(Map.of("type", "set_priority", "priority", "P0"),
                        Map.of("type", "set_priority", "priority", "P2")),
                "days", 1));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode result = run.json();
        assertThat(result.get("matched").asLong()).isEqualTo(5);
        assertThat(result.get("evaluated").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(result.get("sampleCaseIds").valueStream().map(JsonNode::asLong)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(result.get("impact").get(0).get("wouldChange").asLong()).isEqualTo(5);
        // hate defaults to P2, so setting P2 changes nothing
        assertThat(result.get("impact").get(1).get("wouldChange").asLong()).isZero();
        for (long id : ids) {
            assertThat(admin.get("/api/v1/cases/" + id).json().get("priority").asString()).isEqualTo("P2");
            assertThat(events(id, "rule_applied")).isEmpty();
        }

        Api.Answer broken = admin.post("/api/v1/rules/dry-run", Map.of("condition", "followers ==", "days", 1));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/rules/dry-run", Map.of("condition", "true", "days", 365)).status())
                .isEqualTo(422);
    }

    @Test
    void leadsReadAndTryRulesAndOnlyAdminsChangeThem() {
        long team = admin.post("/api/v1/teams", Map.of("name", "Rules team " + unique(), "vendor", false)).json()
                .get("id").asLong();
        Map<String, Api> people = new LinkedHashMap<>();
        for (String role : List.of("AGENT", "LEAD")) {
            String name = role.toLowerCase() + "-" + unique();
            long id = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                    "roles", List.of(role), "teamId", team)).json().get("id").asLong();
            people.put(role, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret")
                    .asString()));
        }
        Map<String, Object> rule = Map.of("name", "Nope " + unique(), "condition", "true",
                "actions", List.of(Map.of("type", "add_tags", "tags", List.of("x"))));
        assertThat(people.get("AGENT").get("/api/v1/rules").status()).isEqualTo(403);
        assertThat(people.get("AGENT").post("/api/v1/rules/dry-run", Map.of("condition", "true")).status())
                .isEqualTo(403);
        assertThat(people.get("LEAD").get("/api/v1/rules").status()).isEqualTo(200);
        assertThat(people.get("LEAD").post("/api/v1/rules/dry-run", Map.of("condition", "false", "days", 1)).status())
                .isEqualTo(200);
        assertThat(people.get("LEAD").post("/api/v1/rules", rule).status()).isEqualTo(403);
        assertThat(integration("intake").post("/api/v1/rules", rule).status()).isEqualTo(403);
    }
}
