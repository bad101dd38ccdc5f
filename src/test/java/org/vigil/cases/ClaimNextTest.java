package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class ClaimNextTest extends IntegrationTest {

    @Autowired
    Work work;

    private long team() {
        return admin.post("/api/v1/teams", Map.of("name", "Claimers " + unique(), "vendor", false)).json()
                .get("id").asLong();
    }

    private long queue(String skill, String clearance, long team) {
        Map<String, Object> q = new java.util.LinkedHashMap<>(Map.of("name", "Queue " + unique(), "kind", "review",
                "teamIds", List.of(team), "requiredSkills", List.of(skill)));
        if (clearance != null) {
            q.put("clearance", clearance);
        }
        return admin.post("/api/v1/queues", q).json().get("id").asLong();
    }

    private record Agent(long id, Api api) {
    }

    private Agent agent(long team, List<String> skills, List<String> clearances) {
        String name = "agent-" + unique();
        long id = admin.post("/api/v1/users", Map.of("name", name, "email", name + "@example.com",
                "roles", List.of("AGENT"), "teamId", team, "skills", skills, "clearances", clearances))
                .json().get("id").asLong();
        String token = admin.post("/api/v1/users/" + id + "/tokens", Map.of()).json().get("secret").asString();
        return new Agent(id, api(token));
    }

    /** Files reports about fresh subjects and moves their cases into the queue. */
    private List<Long> cases(long queue, int n, String reason, int views) {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < n; from += 1000) {
            List<Object> items = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                items.add(Map.of("subject", Map.of("type", "character", "id", "claim_" + unique() + "_" + i,
                                "reach", Map.of("views24h", views)), "source", "classifier", "reason", reason,
                        "scores", Map.of(reason, 0.9)));
            }
            admin.post("/api/v1/reports/batch", Map.of("reports", items)).json().get("results")
                    .forEach(r -> ids.add(r.get("caseId").asLong()));
        }
        jdbc.sql("update vigil_case set queue_id = ? where id = any(?)").param(queue).param(ids.toArray(Long[]::new))
                .update();
        return ids;
    }

    @Test
    void theMostUrgentCaseComesFirstAndIsOpenedAndLeased() {
        long team = team();
        String skill = "s" + unique();
        long queue = queue(skill, null, team);
        long spam = cases(queue, 1, "spam", 1_000_000).getFirst();
        long selfHarm = cases(queue, 1, "self_harm", 10).getFirst();
        long viral = cases(queue, 1, "harassment", 500_000).getFirst();
        long quiet = cases(queue, 1, "harassment", 5).getFirst();
        Agent agent = agent(team, List.of(skill), List.of());

        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode claimed = agent.api().post("/api/v1/work/next", Map.of("queueId", queue)).json();
            assertThat(claimed.get("status").asString()).isEqualTo("open");
            assertThat(claimed.get("assigneeId").asLong()).isEqualTo(agent.id());
            assertThat(claimed.get("leaseUntil").isNull()).isFalse();
            order.add(claimed.get("id").asLong());
        }
        // P0 self-harm first; then P2 harassment by harm (views × severity × confidence).
        assertThat(order).containsExactly(selfHarm, viral, quiet);
        Api.Answer fourth = agent.api().post("/api/v1/work/next", Map.of("queueId", queue));
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().get("detail").asString()).contains("limit is 3");

        agent.api().post("/api/v1/cases/" + selfHarm + "/status", Map.of("status", "solved"));
        assertThat(agent.api().post("/api/v1/work/next", Map.of("queueId", queue)).json().get("id").asLong())
                .isEqualTo(spam);
        List<String> types = new ArrayList<>();
        admin.get("/api/v1/cases/" + selfHarm + "/events").json().get("events")
                .forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsSubsequence("created", "claimed", "status_changed");
    }

    @Test
    void agentsGetOnlyWorkTheyAreEligibleFor() {
        long team = team();
        String skill = "s" + unique();
        long childSafety = queue(skill, "child_safety", team);
        cases(childSafety, 2, "child_sexual_exploitation", 10);
        Agent uncleared = agent(team, List.of(skill), List.of());
        Agent specialist = agent(team, List.of(skill), List.of("child_safety"));
        Agent unskilled = agent(team, List.of("other"), List.of("child_safety"));

        assertThat(uncleared.api().post("/api/v1/work/next", Map.of("queueId", childSafety)).status()).isEqualTo(409);
        assertThat(unskilled.api().post("/api/v1/work/next", Map.of("queueId", childSafety)).status()).isEqualTo(409);
        JsonNode claimed = specialist.api().post("/api/v1/work/next", Map.of("queueId", childSafety)).json();
        assertThat(claimed.get("queueId").asLong()).isEqualTo(childSafety);
        assertThat(claimed.get("priority").asString()).isEqualTo("P0");
        assertThat(integration("read").post("/api/v1/work/next", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void releasedAndLapsedClaimsGoBackToTheQueue() {
        long team = team();
        String skill = "s" + unique();
        long queue = queue(skill, null, team);
        long only = cases(queue, 1, "hate", 100).getFirst();
        Agent first = agent(team, List.of(skill), List.of());
        Agent second = agent(team, List.of(skill), List.of());

        assertThat(first.api().post("/api/v1/work/next", Map.of("queueId", queue)).json().get("id").asLong()).isEqualTo(only);
        assertThat(second.api().post("/api/v1/work/next", Map.of("queueId", queue)).status()).isEqualTo(204);
        assertThat(second.api().post("/api/v1/work/" + only + "/release", Map.of()).status()).isEqualTo(409);
        JsonNode released = first.api().post("/api/v1/work/" + only + "/release", Map.of()).json();
        assertThat(released.get("assigneeId").isNull()).isTrue();
        assertThat(second.api().post("/api/v1/work/next", Map.of("queueId", queue)).json().get("id").asLong()).isEqualTo(only);

        jdbc.sql("update vigil_case set lease_until = now() - interval '1 second' where id = ?").param(only).update();
        assertThat(work.sweepLapsedLeases()).isGreaterThanOrEqualTo(1);
        JsonNode lapsed = admin.get("/api/v1/cases/" + only).json();
        assertThat(lapsed.get("assigneeId").isNull()).isTrue();
        assertThat(first.api().post("/api/v1/work/next", Map.of("queueId", queue)).json().get("id").asLong()).isEqualTo(only);
    }

    @Test
    void oneHundredTwentyAgentsDrainingThousandsOfCasesClaimEachExactlyOnce() throws Exception {
        long team = team();
        String skill = "s" + unique();
        long queue = queue(skill, null, team);
        Set<Long> queued = new HashSet<>(cases(queue, 2000, "spam", 10));
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            agents.add(agent(team, List.of(skill), List.of()));
        }
        ConcurrentLinkedQueue<Long> claims = new ConcurrentLinkedQueue<>();
        List<Callable<Integer>> drains = new ArrayList<>();
        for (Agent agent : agents) {
            drains.add(() -> {
                int mine = 0;
                while (true) {
                    Api.Answer next = agent.api().post("/api/v1/work/next", Map.of("queueId", queue));
                    if (next.status() == 204) {
                        return mine;
                    }
                    assertThat(next.status()).as(next.body()).isEqualTo(200);
                    long id = next.json().get("id").asLong();
                    claims.add(id);
                    mine++;
                    assertThat(agent.api().post("/api/v1/cases/" + id + "/status", Map.of("status", "solved")).status())
                            .isEqualTo(200);
                }
            });
        }
        int total = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(agents.size())) {
            for (Future<Integer> f : pool.invokeAll(drains)) {
                total += f.get();
            }
        }
        assertThat(total).isEqualTo(2000);
        assertThat(new HashSet<>(claims)).hasSize(claims.size()).isEqualTo(queued);
        assertThat(count("select count(*) from case_event where type = 'claimed' and case_id = any(?)",
                (Object) queued.toArray(Long[]::new))).isEqualTo(2000);
    }
}
