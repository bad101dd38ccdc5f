package org.vigil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.platform.Reloaded;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContentPolicyTest extends IntegrationTest {

    @Autowired
    JsonMapper json;

    private static JsonNode category(JsonNode policy, String code) {
        return policy.get("document").get("categories").valueStream()
                .filter(c -> c.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> categories() {
        JsonNode current = admin.get("/api/v1/policy").json().get("document").get("categories");
        return Api.JSON.convertValue(current, List.class);
    }

    private Map<String, Object> report(String reason) {
        return userReport("character", "policy_" + unique(), reason, "r-" + unique());
    }

    @Test
    void theDefaultPolicyFitsAnAiCharacterChatProduct() {
        JsonNode policy = admin.get("/api/v1/policy").json();
        assertThat(policy.get("version").asInt()).isPositive();
        assertThat(policy.get("document").get("categories").valueStream().map(c -> c.get("code").asString()))
                .contains("child_sexual_exploitation", "self_harm", "violent_extremism", "graphic_violence",
                        "sexual_content", "hate", "harassment", "dangerous_activities", "privacy", "impersonation",
                        "spam", "intellectual_property");
        JsonNode csam = category(policy, "child_sexual_exploitation");
        assertThat(csam.get("clearance").asString()).isEqualTo("child_safety");
        assertThat(csam.get("defaultPriority").asString()).isEqualTo("P0");
        assertThat(csam.get("allowedActions").valueStream().map(JsonNode::asString)).contains("report_to_authorities")
                .doesNotContain("no_action");
        assertThat(category(policy, "self_harm").get("subReasons").valueStream().map(s -> s.get("code").asString()))
                .contains("imminent_risk");
    }

    @Test
    void aChangeMakesANewVersionThatIntakeFollowsAndOldVersionsStayReadable() {
        List<Map<String, Object>> original = categories();
        int before = admin.get("/api/v1/policy").json().get("version").asInt();
        List<Map<String, Object>> changed = new ArrayList<>(original.stream()
                .filter(c -> !c.get("code").equals("intellectual_property")).toList());
        Map<String, Object> weapons = new LinkedHashMap<>();
        weapons.put("code", "weapons_trade");
        weapons.put("name", "Weapons trade");
        weapons.put("tier", "high");
        weapons.put("severityWeight", 45);
        weapons.put("defaultPriority", "P1");
        weapons.put("allowedActions", List.of("remove_content", "ban", "no_action"));
        weapons.put("subReasons", List.of(Map.of("code", "firearms", "name", "Selling firearms")));
        changed.add(weapons);
        try {
            Api.Answer put = admin.put("/api/v1/policy", Map.of("categories", changed, "note", "Add weapons trade"));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            assertThat(put.json().get("version").asInt()).isEqualTo(before + 1);

            Api.Answer accepted = admin.post("/api/v1/reports", report("weapons_trade"));
            assertThat(accepted.status()).isEqualTo(201);
            long caseId = accepted.json().get("caseId").asLong();
            assertThat(admin.get("/api/v1/cases/" + caseId).json().get("priority").asString()).isEqualTo("P1");

            Api.Answer refused = admin.post("/api/v1/reports", report("intellectual_property"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

            JsonNode old = admin.get("/api/v1/policy/versions/" + before).json();
            assertThat(category(old, "intellectual_property").get("name").asString()).isEqualTo("Intellectual property");
            JsonNode versions = admin.get("/api/v1/policy/versions").json().get("versions");
            assertThat(versions.get(0).get("version").asInt()).isEqualTo(before + 1);
            assertThat(versions.get(0).get("note").asString()).isEqualTo("Add weapons trade");
        } finally {
            assertThat(admin.put("/api/v1/policy", Map.of("categories", original, "note", "Back to the default"))
                    .status()).isEqualTo(200);
        }
        assertThat(admin.post("/api/v1/reports", report("intellectual_property")).status()).isEqualTo(201);
    }

    @Test
    void anotherInstanceServesAChangeWithinTheReloadTimeWithoutAnyCallerWaiting() {
        AtomicLong nanos = new AtomicLong();
        List<Runnable> background = new ArrayList<>();
        ContentPolicy other = new ContentPolicy(jdbc, json, nanos::get, background::add);
        int before = other.current().version();

        // a change made through this instance: the other one learns of it by reloading
        Api.Answer put = admin.put("/api/v1/policy", Map.of("categories", categories(), "note", "Same rules again"));
        assertThat(put.json().get("version").asInt()).isEqualTo(before + 1);
        assertThat(other.current().version()).isEqualTo(before);

        nanos.addAndGet(Reloaded.RELOAD.plusSeconds(1).toNanos());
        assertThat(other.current().version()).as("served at once, while the reload waits its turn").isEqualTo(before);
        assertThat(background).isNotEmpty();
        // the reload, and whatever it queues in turn
        for (int i = 0; i < 100 && !background.isEmpty(); i++) {
            background.removeFirst().run();
        }
        assertThat(other.current().version()).isEqualTo(before + 1);

        // an instance nobody used for longer than a version may be old reads it again before answering
        admin.put("/api/v1/policy", Map.of("categories", categories(), "note", "Same rules once more"));
        nanos.addAndGet(Reloaded.OLDEST.plusSeconds(1).toNanos());
        assertThat(other.current().version()).isEqualTo(before + 2);
    }

    @Test
    void aBadPolicyIsRefusedWholeNamingEveryField() {
        int before = admin.get("/api/v1/policy").json().get("version").asInt();
        List<Map<String, Object>> bad = new ArrayList<>(categories());
        Map<String, Object> first = new LinkedHashMap<>(bad.get(0));
        first.put("allowedActions", List.of("vaporise"));
        first.put("defaultPriority", "P9");
        bad.set(0, first);
        Map<String, Object> second = new LinkedHashMap<>(bad.get(1));
        second.put("code", bad.get(0).get("code"));
        bad.set(1, second);
        Api.Answer answer = admin.put("/api/v1/policy", Map.of("categories", bad));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains(
                "categories[0].allowedActions[0]", "categories[0].defaultPriority", "categories[1].code");
        assertThat(admin.get("/api/v1/policy").json().get("version").asInt()).isEqualTo(before);
        assertThat(admin.put("/api/v1/policy", Map.of("categories", List.of())).status()).isEqualTo(422);
    }

    @Test
    void everyoneWhoReadsCasesReadsThePolicyAndOnlyAdminsChangeIt() {
        assertThat(integration("read").get("/api/v1/policy").status()).isEqualTo(200);
        assertThat(integration("read").put("/api/v1/policy", Map.of("categories", categories())).status())
                .isEqualTo(403);
        assertThat(integration("intake").get("/api/v1/policy").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/policy/versions/99999").status()).isEqualTo(404);
    }
}
