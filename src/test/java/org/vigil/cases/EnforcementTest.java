package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.enforcement.Webhooks;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class EnforcementTest extends IntegrationTest {

    private static final String SECRET = "whsec_enforcement_tests_0123456789";

    /**
     * The product's side: checks every signature, fails the first attempt of every delivery, lets the
     * second attempt of every third one time out, and accepts the rest.
     */
    private static final class Receiver implements AutoCloseable {

        final HttpServer server;
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, JsonNode> accepted = new ConcurrentHashMap<>();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicReference<String> mode = new AtomicReference<>("flaky");

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String signature = exchange.getRequestHeaders().getFirst("Vigil-Signature");
                long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
                if (!Webhooks.signature(SECRET, t, body).equals(signature)) {
                    badSignatures.incrementAndGet();
                }
                int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                int status = 200;
                if (mode.get().equals("down")) {
                    status = 503;
                } else if (mode.get().equals("flaky")) {
                    if (attempt == 1) {
                        status = 500;
                    } else if (attempt == 2 && Math.floorMod(key.hashCode(), 3) == 0) {
                        try {
                            Thread.sleep(2_500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                if (status == 200) {
                    accepted.put(key, Api.JSON.readTree(body));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private final List<Long> webhooks = new ArrayList<>();

    @AfterEach
    void stopSending() {
        webhooks.forEach(id -> admin.delete("/api/v1/webhooks/" + id));
    }

    private long webhook(String url) {
        Api.Answer created = admin.post("/api/v1/webhooks", Map.of("url", url, "secret", SECRET,
                "events", List.of("enforcement.action")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET);
        long id = created.json().get("id").asLong();
        webhooks.add(id);
        return id;
    }

    private record Reviewer(long id, Api api) {
    }

    private Reviewer reviewer(List<String> clearances) {
        long team = admin.post("/api/v1/teams", Map.of("name", "Reviewers " + unique(), "vendor", false)).json()
                .get("id").asLong();
        String name = "reviewer-" + unique();
        long id = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of("AGENT"), "teamId", team, "skills", List.of("review"), "clearances", clearances))
                .json().get("id").asLong();
        return new Reviewer(id, api(admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret")
                .asString()));
    }

    /** A report about a character owned by {@code account}, taken by the reviewer. */
    private long held(Reviewer reviewer, String account, String reason) {
        Map<String, Object> report = new java.util.LinkedHashMap<>(userReport("character", "enf_" + unique(), reason,
                "r-" + unique()));
        report.put("subject", Map.of("type", "character", "id", "enf_" + unique(), "ownerId", account,
                "content", Map.of("text", "evidence")));
        long caseId = admin.post("/api/v1/reports", report).json().get("caseId").asLong();
        Api.Answer taken = reviewer.api().post("/api/v1/cases/" + caseId + "/assignment",
                Map.of("assigneeId", reviewer.id()));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        return caseId;
    }


    @Test
    void decisionsReachTheProductSignedAtLeastOnceThroughFailuresAndTimeouts() throws Exception {
        try (Receiver receiver = new Receiver()) {
            webhook(receiver.url());
            Reviewer reviewer = reviewer(List.of());
            String account = "acct_" + unique();
            List<Long> cases = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long caseId = held(reviewer, account, "harassment");
                Api.Answer decided = reviewer.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                        "verdict", "violating", "category", "harassment", "subReason", "targeted_abuse",
                        "actions", List.of(Map.of("type", "remove_content"), Map.of("type", "warn")),
                        "rationale", "Repeated insults aimed at a named classmate."));
                assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
                assertThat(decided.json().get("policyVersion").asInt()).isPositive();
                assertThat(decided.json().get("handleSeconds").asInt()).isNotNegative();
                cases.add(caseId);
            }

            await("12 actions accepted", () -> receiver.accepted.size() == 12);
            assertThat(receiver.badSignatures.get()).isZero();
            assertThat(receiver.attempts.values()).allSatisfy(a -> assertThat(a.get()).isGreaterThanOrEqualTo(2));
            JsonNode first = receiver.accepted.values().iterator().next();
            assertThat(first.get("action").get("type").asString()).isIn("remove_content", "warn");
            assertThat(first.get("accountId").asString()).isEqualTo(account);
            assertThat(first.get("subject").get("type").asString()).isEqualTo("character");
            assertThat(cases).contains(first.get("caseId").asLong());
            assertThat(first.get("decision").get("category").asString()).isEqualTo("harassment");

            JsonNode kase = admin.get("/api/v1/cases/" + cases.getFirst()).json();
            assertThat(kase.get("status").asString()).isEqualTo("solved");
            JsonNode clock = admin.get("/api/v1/cases/" + cases.getFirst() + "/sla").json().get("metrics").get(0);
            assertThat(clock.get("state").asString()).isEqualTo("achieved");

            JsonNode standing = admin.get("/api/v1/accounts/" + account + "/strikes").json();
            assertThat(standing.get("active").asInt()).isEqualTo(6);
            assertThat(standing.get("strikes").get(0).get("action").asString()).isEqualTo("warn");
            assertThat(standing.get("nextAction").get("type").asString()).isEqualTo("ban");
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadUntilRetriedByHand() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.mode.set("down");
            long webhook = webhook(receiver.url());
            Reviewer reviewer = reviewer(List.of());
            long caseId = held(reviewer, "acct_" + unique(), "spam");
            assertThat(reviewer.api().post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "violating",
                    "category", "spam", "actions", List.of(Map.of("type", "remove_content")),
                    "rationale", "Link farm.")).status()).isEqualTo(201);

            String key = "decision-";
            AtomicReference<JsonNode> dead = new AtomicReference<>();
            await("a dead delivery", () -> {
                for (JsonNode d : admin.get("/api/v1/webhooks/deliveries?status=dead").json().get("deliveries")) {
                    if (d.get("webhookId").asLong() == webhook && d.get("idempotencyKey").asString().startsWith(key)) {
                        dead.set(d);
                        return true;
                    }
                }
                return false;
            });
            assertThat(dead.get().get("attempts").asInt()).isEqualTo(4);
            assertThat(dead.get().get("lastStatus").asInt()).isEqualTo(503);

            receiver.mode.set("ok");
            assertThat(admin.post("/api/v1/webhooks/deliveries/" + dead.get().get("id").asLong() + "/retry", Map.of())
                    .status()).isEqualTo(202);
            await("the retried delivery", () -> receiver.accepted.containsKey(dead.get().get("idempotencyKey").asString()));
            assertThat(admin.post("/api/v1/webhooks/deliveries/" + dead.get().get("id").asLong() + "/retry", Map.of())
                    .status()).isEqualTo(409);
        }
    }

    @Test
    void onlyTheHolderDecidesOnlyWhatThePolicyAllowsAndOnlyWithTheClearance() {
        Reviewer holder = reviewer(List.of());
        Reviewer other = reviewer(List.of());
        long caseId = held(holder, "acct_" + unique(), "harassment");
        Map<String, Object> remove = Map.of("verdict", "violating", "category", "harassment",
                "actions", List.of(Map.of("type", "remove_content")), "rationale", "Abuse.");

        assertThat(other.api().post("/api/v1/cases/" + caseId + "/decision", remove).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/cases/" + caseId + "/decision", remove).status()).isEqualTo(409);

        Api.Answer notAllowed = holder.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                "verdict", "violating", "category", "harassment",
                "actions", List.of(Map.of("type", "report_to_authorities"), Map.of("type", "suspend")),
                "rationale", "x"));
        assertThat(notAllowed.status()).isEqualTo(422);
        assertThat(notAllowed.json().get("errors").findValuesAsString("field"))
                .containsExactly("actions[0].type", "actions[1].durationHours");

        Api.Answer noActions = holder.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                "verdict", "not_violating", "actions", List.of(Map.of("type", "warn")), "rationale", "Fine."));
        assertThat(noActions.status()).isEqualTo(422);
        assertThat(noActions.json().get("errors").get(0).get("field").asString()).isEqualTo("actions");

        Api.Answer cleared = holder.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                "verdict", "violating", "category", "self_harm", "actions", List.of(Map.of("type", "remove_content")),
                "rationale", "x"));
        assertThat(cleared.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/cases/" + caseId).json().get("status").asString()).isEqualTo("open");
        assertThat(admin.get("/api/v1/cases/" + caseId + "/decisions").json().get("decisions")).isEmpty();

        Api.Answer fine = holder.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                "verdict", "not_violating", "rationale", "Banter between friends."));
        assertThat(fine.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/cases/" + caseId).json().get("status").asString()).isEqualTo("solved");
        assertThat(holder.api().post("/api/v1/cases/" + caseId + "/decision", remove).status()).isEqualTo(409);
    }

    @Test
    void escalationAndReportsToTheAuthoritiesStayInVigilWhileTheRestIsEnforced() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.mode.set("ok");
            webhook(receiver.url());
            Reviewer reviewer = reviewer(List.of("child_safety"));
            long harassment = held(reviewer, "acct_" + unique(), "harassment");
            assertThat(reviewer.api().post("/api/v1/cases/" + harassment + "/decision", Map.of("verdict", "violating",
                    "category", "harassment", "actions", List.of(Map.of("type", "remove_content")),
                    "rationale", "Threat against a named person; removing now.")).status()).isEqualTo(201);
            long csam = held(reviewer, "acct_" + unique(), "child_sexual_exploitation");
            Api.Answer decided = reviewer.api().post("/api/v1/cases/" + csam + "/decision", Map.of(
                    "verdict", "violating", "category", "child_sexual_exploitation", "subReason", "grooming",
                    "actions", List.of(Map.of("type", "remove_content"), Map.of("type", "ban"),
                            Map.of("type", "report_to_authorities"), Map.of("type", "escalate")),
                    "rationale", "Grooming of a minor."));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(201);

            await("the product's two actions", () -> receiver.accepted.values().stream()
                    .filter(b -> b.get("caseId").asLong() == csam).count() == 2);
            Thread.sleep(500);
            assertThat(receiver.accepted.values().stream().filter(b -> b.get("caseId").asLong() == csam)
                    .map(b -> b.get("action").get("type").asString())).containsExactlyInAnyOrder("remove_content", "ban");
            JsonNode kase = admin.get("/api/v1/cases/" + csam).json();
            assertThat(kase.get("status").asString()).isEqualTo("open");
            assertThat(kase.get("assigneeId").isNull()).isTrue();
            assertThat(kase.get("tags").valueStream().map(JsonNode::asString))
                    .contains("escalated", "authority_report_due");
        }
    }

    @Test
    void escalatingHandsTheCaseBackOnePriorityHigherForASpecialist() {
        Reviewer holder = reviewer(List.of());
        long caseId = held(holder, "acct_" + unique(), "harassment");
        Api.Answer escalated = holder.api().post("/api/v1/cases/" + caseId + "/decision", Map.of(
                "verdict", "escalate", "rationale", "Mentions a school and a date: possible threat."));
        assertThat(escalated.status()).isEqualTo(201);
        JsonNode kase = admin.get("/api/v1/cases/" + caseId).json();
        assertThat(kase.get("priority").asString()).isEqualTo("P1");
        assertThat(kase.get("assigneeId").isNull()).isTrue();
        assertThat(kase.get("status").asString()).isEqualTo("open");
        assertThat(kase.get("tags").valueStream().map(JsonNode::asString)).contains("escalated");
    }

    @Test
    void whoEscalatedACaseIsNotHandedItAgainButAColleagueIs() {
        long team = newTeam(false);
        long queue = admin.post("/api/v1/queues", Map.of("name", "Escalations " + unique(), "kind", "review",
                "teamIds", List.of(team), "requiredSkills", List.of("review"))).json().get("id").asLong();
        Member holder = member("AGENT", team);
        Member colleague = member("AGENT", team);
        long caseId = admin.post("/api/v1/reports", userReport("character", "esc_" + unique(), "self_harm",
                "r-" + unique())).json().get("caseId").asLong();
        jdbc.sql("update vigil_case set queue_id = :queue where id = :id").param("queue", queue).param("id", caseId)
                .update();
        assertThat(holder.api().post("/api/v1/work/next", Map.of("queueId", queue)).json().get("id").asLong())
                .isEqualTo(caseId);
        // without the self-harm clearance the holder can only escalate it
        assertThat(holder.api().post("/api/v1/cases/" + caseId + "/decision", Map.of("verdict", "escalate",
                "rationale", "Needs the self-harm desk.")).status()).isEqualTo(201);
        assertThat(holder.api().post("/api/v1/work/next", Map.of("queueId", queue)).status()).isEqualTo(204);
        assertThat(colleague.api().post("/api/v1/work/next", Map.of("queueId", queue)).json().get("id").asLong())
                .isEqualTo(caseId);
    }
}
