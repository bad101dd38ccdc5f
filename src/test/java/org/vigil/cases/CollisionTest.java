package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class CollisionTest extends IntegrationTest {

    private record Person(long id, String name, Api api) {
    }

    private Person person(long team, String role) {
        String name = role.toLowerCase() + "-" + unique();
        long id = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of(role), "teamId", team)).json().get("id").asLong();
        return new Person(id, name, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret")
                .asString()));
    }

    private long inquiry() {
        return admin.post("/api/v1/inquiries", Map.of("requester", Map.of("email", "twice@example.com"),
                "subject", "Refund", "body", "Where is my refund?", "category", "billing")).json().get("caseId").asLong();
    }

    private static long newestMessage(Api api, long caseId) {
        JsonNode messages = api.get("/api/v1/cases/" + caseId + "/messages").json().get("messages");
        return messages.get(messages.size() - 1).get("id").asLong();
    }

    @Test
    void agentsOnOneTicketSeeEachOtherAndWhoIsReplying() {
        long team = admin.post("/api/v1/teams", Map.of("name", "Desk " + unique(), "vendor", false)).json()
                .get("id").asLong();
        Person ana = person(team, "AGENT");
        Person ben = person(team, "AGENT");
        long id = inquiry();

        JsonNode alone = ana.api().put("/api/v1/cases/" + id + "/presence", Map.of("activity", "viewing")).json();
        assertThat(alone.get("others")).isEmpty();

        JsonNode seenByBen = ben.api().put("/api/v1/cases/" + id + "/presence", Map.of("activity", "replying")).json();
        assertThat(seenByBen.get("others")).hasSize(1);
        assertThat(seenByBen.get("others").get(0).get("name").asString()).isEqualTo(ana.name());
        assertThat(seenByBen.get("others").get(0).get("activity").asString()).isEqualTo("viewing");

        JsonNode seenByAna = ana.api().put("/api/v1/cases/" + id + "/presence", Map.of("activity", "viewing")).json();
        assertThat(seenByAna.get("others").get(0).get("userId").asLong()).isEqualTo(ben.id());
        assertThat(seenByAna.get("others").get(0).get("activity").asString()).isEqualTo("replying");
        assertThat(admin.get("/api/v1/cases/" + id + "/presence").json().get("others")).hasSize(2);

        assertThat(ben.api().delete("/api/v1/cases/" + id + "/presence").status()).isEqualTo(204);
        assertThat(ana.api().get("/api/v1/cases/" + id + "/presence").json().get("others")).isEmpty();
    }

    @Test
    void aReplyWrittenOnAnOutdatedThreadIsRefusedUntilTheAgentHasReadTheNewAnswer() {
        long team = admin.post("/api/v1/teams", Map.of("name", "Desk " + unique(), "vendor", false)).json()
                .get("id").asLong();
        Person ana = person(team, "AGENT");
        Person ben = person(team, "AGENT");
        long id = inquiry();
        long seenByAna = newestMessage(ana.api(), id);

        Api.Answer benReplies = ben.api().post("/api/v1/cases/" + id + "/replies",
                Map.of("body", "Refund sent today.", "afterMessageId", newestMessage(ben.api(), id)));
        assertThat(benReplies.status()).isEqualTo(200);

        Api.Answer late = ana.api().post("/api/v1/cases/" + id + "/replies",
                Map.of("body", "Looking into it!", "afterMessageId", seenByAna));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("afterMessageId");
        assertThat(late.json().get("detail").asString()).contains("user:" + ben.id());
        assertThat(ana.api().get("/api/v1/cases/" + id + "/messages").json().get("messages")).hasSize(2);

        Api.Answer informed = ana.api().post("/api/v1/cases/" + id + "/replies",
                Map.of("body", "Adding: it takes 3 days to show.", "afterMessageId", newestMessage(ana.api(), id)));
        assertThat(informed.status()).isEqualTo(200);
        // one's own earlier replies never block the next
        Api.Answer again = ana.api().post("/api/v1/cases/" + id + "/replies",
                Map.of("body", "And a receipt is on its way.", "afterMessageId", newestMessage(ana.api(), id) - 1));
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void presenceIsForPeopleWhoMaySeeTheCase() {
        long id = inquiry();
        long vendorTeam = admin.post("/api/v1/teams", Map.of("name", "Vendor " + unique(), "vendor", true)).json()
                .get("id").asLong();
        long inHouse = admin.post("/api/v1/teams", Map.of("name", "In-house " + unique(), "vendor", false)).json()
                .get("id").asLong();
        long inHouseQueue = admin.post("/api/v1/queues", Map.of("name", "In-house only " + unique(), "kind", "review",
                "teamIds", List.of(inHouse))).json().get("id").asLong();
        Person vendor = person(vendorTeam, "AGENT");
        long reviewCase = admin.post("/api/v1/reports", userReport("character", "presence_" + unique(), "spam",
                "r-" + unique())).json().get("caseId").asLong();
        jdbc.sql("update vigil_case set queue_id = :queue where id = :id")
                .param("queue", inHouseQueue).param("id", reviewCase).update();

        assertThat(vendor.api().put("/api/v1/cases/" + reviewCase + "/presence", Map.of("activity", "viewing"))
                .status()).isEqualTo(404);
        Api.Answer bad = vendor.api().put("/api/v1/cases/" + id + "/presence", Map.of("activity", "typing"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("activity");
        assertThat(admin.put("/api/v1/cases/" + id + "/presence", Map.of("activity", "viewing")).status())
                .isEqualTo(403);
    }
}
