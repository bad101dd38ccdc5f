package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.Webhooks;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The whole path of a report: a rule routes it to a desk, a reviewer claims and decides it, the product
 * receives the signed enforcement, the user appeals, a second reviewer overturns it and the product
 * receives the reversal and the message for the user.
 */
class ReviewJourneyTest extends IntegrationTest {

    private static final String SECRET = "whsec_journey_tests_0123456789abcd";

    private record Received(String event, JsonNode body) {
    }

    private record Person(long id, Api api) {
    }

    private Person person(long team, List<String> skills) {
        String name = "reviewer-" + unique();
        long id = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of("AGENT"), "teamId", team, "skills", skills)).json().get("id").asLong();
        return new Person(id, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret")
                .asString()));
    }


    @Test
    void aReportIsRoutedDecidedEnforcedAppealedAndOverturnedByASecondReviewer() throws Exception {
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        AtomicInteger badSignatures = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/product", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("Vigil-Signature");
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            if (!Webhooks.signature(SECRET, t, body).equals(signature)) {
                badSignatures.incrementAndGet();
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Vigil-Event"), Api.JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        long webhook = admin.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/product", "secret", SECRET,
                "events", List.of("enforcement.action", "enforcement.reversal", "appeal.decided"))).json()
                .get("id").asLong();
        long rule = 0;
        try {
            long followers = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
            String skill = "harassment_desk_" + unique();
            long team = admin.post("/api/v1/teams", Map.of("name", "Desk " + unique(), "vendor", false)).json()
                    .get("id").asLong();
            long desk = admin.post("/api/v1/queues", Map.of("name", "Harassment desk " + unique(), "kind", "review",
                    "teamIds", List.of(team), "requiredSkills", List.of(skill))).json().get("id").asLong();
            rule = admin.post("/api/v1/rules", Map.of("name", "Harassment to the desk " + unique(),
                    "condition", "reason == \"harassment\" && followers == " + followers,
                    "actions", List.of(Map.of("type", "set_queue", "queueId", desk)))).json().get("id").asLong();
            Person first = person(team, List.of(skill));
            Person second = person(team, List.of(skill));
            String account = "acct_" + unique();

            // report → rule → queue
            Map<String, Object> report = new java.util.LinkedHashMap<>(userReport("character", "x", "harassment",
                    "r-" + unique()));
            report.put("subject", Map.of("type", "character", "id", "journey_" + unique(), "ownerId", account,
                    "reach", Map.of("followers", followers)));
            long caseId = integration("intake").post("/api/v1/reports", report).json().get("caseId").asLong();
            assertThat(admin.get("/api/v1/cases/" + caseId).json().get("queueId").asLong()).isEqualTo(desk);

            // → claim → decide
            JsonNode claimed = first.api().post("/api/v1/work/next", Map.of("queueId", desk)).json();
            assertThat(claimed.get("id").asLong()).isEqualTo(caseId);
            Api.Answer decided = first.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                    "verdict", "violating", "category", "harassment",
                    "actions", List.of(Map.of("type", "remove_content"), Map.of("type", "warn")),
                    "rationale", "Insults aimed at another user."));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
            long decisionId = decided.json().get("id").asLong();

            // → webhook received and verified: the product removes the content and warns the user
            await("the enforcement", () -> received.stream().filter(r -> r.event().equals("enforcement.action")
                    && r.body().get("caseId").asLong() == caseId).count() == 2);
            assertThat(admin.get("/api/v1/accounts/" + account + "/strikes").json().get("active").asInt()).isEqualTo(1);
            // → the user is told why, and how to appeal
            JsonNode notice = integration("read").get("/api/v1/cases/" + caseId + "/statement-of-reasons").json();
            assertThat(notice.get("decision_visibility").get(0).asString()).isEqualTo("DECISION_VISIBILITY_CONTENT_REMOVED");
            assertThat(notice.get("redress").asString()).contains("appeal");

            // → the user appeals
            Api.Answer appealed = integration("intake").post("/api/v1/appeals", Map.of("caseId", caseId,
                    "accountId", account, "statement", "It was a joke between friends; they said so in the chat."));
            assertThat(appealed.status()).as(appealed.toString()).isEqualTo(201);
            long appealId = appealed.json().get("appealCaseId").asLong();
            JsonNode appeal = admin.get("/api/v1/cases/" + appealId).json();
            assertThat(appeal.get("kind").asString()).isEqualTo("appeal");
            assertThat(metric(appealId, "appeal_decision").get("state").asString()).isEqualTo("active");
            assertThat(integration("intake").post("/api/v1/appeals", Map.of("caseId", caseId, "accountId", account,
                    "statement", "again")).status()).isEqualTo(409);

            // the first reviewer can neither claim, be assigned nor decide it
            long appealsQueue = appeal.get("queueId").asLong();
            Api.Answer notMine = first.api().post("/api/v1/work/next", Map.of("queueId", appealsQueue));
            assertThat(notMine.status() == 204 || notMine.json().get("id").asLong() != appealId).isTrue();
            if (notMine.status() == 200) {
                first.api().post("/api/v1/work/" + notMine.json().get("id").asLong() + "/release", Map.of());
            }
            assertThat(admin.post("/api/v1/cases/" + appealId + "/assignment", Map.of("assigneeId", first.id()))
                    .status()).isEqualTo(409);

            // → overturned by a second reviewer
            assertThat(second.api().post("/api/v1/cases/" + appealId + "/assignment", Map.of("assigneeId", second.id()))
                    .status()).isEqualTo(200);
            Api.Answer overturned = second.api().post("/api/v1/cases/" + appealId + "/appeal-decision", Map.of(
                    "outcome", "overturned", "rationale", "The other user confirmed it was consensual banter."));
            assertThat(overturned.status()).as(overturned.toString()).isEqualTo(201);

            // → reversal received, the user told, the strike gone
            await("the reversal and the answer", () -> received.stream().filter(r ->
                    r.event().equals("enforcement.reversal") && r.body().get("decisionId").asLong() == decisionId)
                    .count() == 2 && received.stream().anyMatch(r -> r.event().equals("appeal.decided")
                    && r.body().get("appealCaseId").asLong() == appealId));
            assertThat(badSignatures.get()).isZero();
            Received told = received.stream().filter(r -> r.event().equals("appeal.decided")).findFirst().orElseThrow();
            assertThat(told.body().get("outcome").asString()).isEqualTo("overturned");
            assertThat(told.body().get("accountId").asString()).isEqualTo(account);
            assertThat(told.body().get("message").asString()).contains("reversed");
            assertThat(admin.get("/api/v1/accounts/" + account + "/strikes").json().get("active").asInt()).isZero();
            assertThat(admin.get("/api/v1/cases/" + appealId).json().get("status").asString()).isEqualTo("solved");
            JsonNode thread = admin.get("/api/v1/cases/" + appealId + "/messages").json().get("messages");
            assertThat(thread.get(0).get("authorType").asString()).isEqualTo("requester");
            assertThat(thread.get(1).get("body").asString()).contains("reversed");
            assertThat(metric(appealId, "appeal_decision").get("state").asString()).isEqualTo("achieved");
        } finally {
            admin.delete("/api/v1/webhooks/" + webhook);
            if (rule != 0) {
                admin.put("/api/v1/rules/" + rule, Map.of("enabled", false));
            }
            receiver.stop(0);
        }
    }

    @Test
    void theDeciderCannotDecideTheAppealAndOnlyTheEnforcedAccountMayAppeal() {
        long team = admin.post("/api/v1/teams", Map.of("name", "Desk " + unique(), "vendor", false)).json()
                .get("id").asLong();
        Person first = person(team, List.of());
        Person second = person(team, List.of());
        String account = "acct_" + unique();
        Map<String, Object> report = new java.util.LinkedHashMap<>(userReport("character", "x", "spam", "r-" + unique()));
        report.put("subject", Map.of("type", "character", "id", "appeal_" + unique(), "ownerId", account));
        long caseId = admin.post("/api/v1/reports", report).json().get("caseId").asLong();
        first.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", first.id()));

        Api.Answer early = integration("intake").post("/api/v1/appeals", Map.of("caseId", caseId, "accountId", account,
                "statement", "Not spam."));
        assertThat(early.status()).isEqualTo(409);

        first.api().post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "violating", "category", "spam",
                "actions", List.of(Map.of("type", "remove_content")), "rationale", "Link farm."));
        Api.Answer stranger = integration("intake").post("/api/v1/appeals", Map.of("caseId", caseId,
                "accountId", "someone_else", "statement", "Not spam."));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.json().get("errors").get(0).get("field").asString()).isEqualTo("accountId");
        assertThat(integration("intake").post("/api/v1/appeals", Map.of("caseId", caseId)).json().get("errors")
                .findValuesAsString("field")).containsExactlyInAnyOrder("accountId", "statement");

        long appealId = integration("intake").post("/api/v1/appeals", Map.of("caseId", caseId, "accountId", account,
                "statement", "Not spam.")).json().get("appealCaseId").asLong();
        assertThat(first.api().post("/api/v1/cases/" + appealId + "/appeal-decision", Map.of("outcome", "upheld",
                "rationale", "x")).status()).isEqualTo(403);
        second.api().post("/api/v1/cases/" + appealId + "/assignment", Map.of("assigneeId", second.id()));
        Api.Answer badModify = second.api().post("/api/v1/cases/" + appealId + "/appeal-decision", Map.of(
                "outcome", "modified", "rationale", "x", "actions", List.of(Map.of("type", "report_to_authorities"))));
        assertThat(badModify.status()).isEqualTo(422);
        assertThat(badModify.json().get("errors").get(0).get("field").asString()).isEqualTo("actions[0].type");
        Api.Answer modified = second.api().post("/api/v1/cases/" + appealId + "/appeal-decision", Map.of(
                "outcome", "modified", "rationale", "Restricting is enough.",
                "actions", List.of(Map.of("type", "restrict_visibility"))));
        assertThat(modified.status()).as(modified.toString()).isEqualTo(201);
        assertThat(modified.json().get("actions").get(0).get("type").asString()).isEqualTo("restrict_visibility");
    }

    private JsonNode metric(long caseId, String code) {
        for (JsonNode m : admin.get("/api/v1/cases/" + caseId + "/sla").json().get("metrics")) {
            if (m.get("metric").asString().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no " + code);
    }
}
