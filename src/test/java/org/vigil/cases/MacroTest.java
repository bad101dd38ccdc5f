package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class MacroTest extends IntegrationTest {

    private long inquiry(String locale) {
        return admin.post("/api/v1/inquiries", Map.of("requester", Map.of("userId", "u_" + unique(), "locale", locale),
                "subject", "I don't want to be here anymore", "body", "Everything feels pointless.",
                "category", "safety")).json().get("caseId").asLong();
    }

    private long macro(String name) {
        return admin.get("/api/v1/macros").json().get("macros").valueStream()
                .filter(m -> m.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asLong();
    }

    private record Agent(long id, String name, Api api) {
    }

    private Agent agent() {
        long team = admin.post("/api/v1/teams", Map.of("name", "Care " + unique(), "vendor", false)).json()
                .get("id").asLong();
        String name = "Robin " + unique();
        long id = admin.post("/api/v1/users", Map.of("name", name, "email", "robin-" + unique() + "@example.com",
                "roles", List.of("AGENT"), "teamId", team)).json().get("id").asLong();
        return new Agent(id, name, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret")
                .asString()));
    }

    @Test
    void theSelfHarmAnswerCarriesTheCrisisLineOfTheRequestersCountry() {
        Agent agent = agent();
        long brazil = inquiry("pt-BR");
        JsonNode pt = agent.api().get("/api/v1/cases/" + brazil + "/macros/"
                + macro("Self-harm: reaching out with care (pt)") + "/preview").json();
        assertThat(pt.get("body").asString()).contains("CVV").contains("call 188").contains(agent.name())
                .doesNotContain("{{");
        assertThat(pt.get("crisisResource").get("country").asString()).isEqualTo("BR");

        long us = inquiry("en-US");
        JsonNode en = agent.api().get("/api/v1/cases/" + us + "/macros/"
                + macro("Self-harm: reaching out with care (en)") + "/preview").json();
        assertThat(en.get("body").asString()).contains("988 Suicide & Crisis Lifeline: call 988 or text 988");

        long elsewhere = inquiry("ja-JP");
        JsonNode fallback = agent.api().get("/api/v1/cases/" + elsewhere + "/macros/"
                + macro("Self-harm: reaching out with care (en)") + "/preview").json();
        assertThat(fallback.get("body").asString()).contains("https://findahelpline.com");
        assertThat(fallback.get("crisisResource").get("country").asString()).isEqualTo("ZZ");
        JsonNode chosen = agent.api().get("/api/v1/cases/" + elsewhere + "/macros/"
                + macro("Self-harm: reaching out with care (en)") + "/preview?country=GB").json();
        assertThat(chosen.get("body").asString()).contains("Samaritans: call 116 123");
    }

    @Test
    void applyingAMacroRepliesSetsTheStatusAndTagsInOneAction() {
        Agent agent = agent();
        long id = inquiry("en-US");
        Api.Answer applied = agent.api().post("/api/v1/cases/" + id + "/macros/"
                + macro("Self-harm: reaching out with care (en)") + "/apply", Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("solved");
        assertThat(applied.json().get("tags").valueStream().map(JsonNode::asString))
                .contains("self_harm", "crisis_resources_sent");
        JsonNode thread = admin.get("/api/v1/cases/" + id + "/messages").json().get("messages");
        assertThat(thread.get(thread.size() - 1).get("body").asString()).contains("call 988");

        long edited = inquiry("en-US");
        String body = "Hi — <script>alert(1)</script> we're here for you. Call or text 988.";
        agent.api().post("/api/v1/cases/" + edited + "/macros/" + macro("Need more information (en)") + "/apply",
                Map.of("body", body));
        JsonNode kase = admin.get("/api/v1/cases/" + edited).json();
        assertThat(kase.get("status").asString()).isEqualTo("pending");
        JsonNode messages = admin.get("/api/v1/cases/" + edited + "/messages").json().get("messages");
        assertThat(messages.get(messages.size() - 1).get("body").asString()).isEqualTo(body);
    }

    @Test
    void aTemplateWithAnUnknownVariableIsRefusedWithItsPosition() {
        Api.Answer bad = admin.post("/api/v1/macros", Map.of("name", "Bad " + unique(), "language", "en",
                "body", "Hello,\nyour password is {{user.password}}."));
        assertThat(bad.status()).isEqualTo(422);
        JsonNode error = bad.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("column").asInt()).isEqualTo(18);

        Api.Answer good = admin.post("/api/v1/macros", Map.of("name", "Refund sent " + unique(), "language", "en",
                "body", "Your refund for case {{case.id}} is on its way. — {{agent.name}}", "setStatus", "solved",
                "addTags", List.of("refund")));
        assertThat(good.status()).isEqualTo(201);
        assertThat(agent().api().post("/api/v1/macros", Map.of("name", "x", "language", "en", "body", "x"))
                .status()).isEqualTo(403);
    }

    @Test
    void operationsKeepsTheCrisisLinesCurrent() {
        Api.Answer saved = admin.put("/api/v1/crisis-resources/NZ", Map.of("name", "Need to talk? 1737",
                "phone", "1737", "textLine", "text 1737", "url", "https://1737.org.nz"));
        assertThat(saved.status()).isEqualTo(200);
        long id = inquiry("en-NZ");
        JsonNode preview = admin.get("/api/v1/cases/" + id + "/macros/" + macro("Self-harm: reaching out with care (en)")
                + "/preview").json();
        assertThat(preview.get("body").asString()).contains("Need to talk? 1737: call 1737 or text 1737");
        Api.Answer bad = admin.put("/api/v1/crisis-resources/nz", Map.of("name", "x", "url", "http://insecure"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("country", "url");
    }
}
