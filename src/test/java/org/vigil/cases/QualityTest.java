package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

class QualityTest extends IntegrationTest {

    private static final Map<String, Object> VIOLATING = Map.of("verdict", "violating", "category", "harassment",
            "subReason", "threats", "actions", List.of(Map.of("type", "remove_content")), "rationale", "Threats.");
    private static final Map<String, Object> CLEAR = Map.of("verdict", "not_violating", "actions", List.of(),
            "rationale", "Banter.");

    /** A harassment report decided by the reviewer; answers the decision's id. */
    private long decide(Member reviewer, Map<String, Object> decision) {
        long caseId = admin.post("/api/v1/reports", Map.of("subject", Map.of("type", "character", "id",
                "qa_" + unique()), "source", "user", "reason", "harassment", "reporter", Map.of("id", "r-" + unique())))
                .json().get("caseId").asLong();
        reviewer.api().post("/api/v1/cases/" + caseId + "/assignment", Map.of("assigneeId", reviewer.id()));
        Api.Answer answer = reviewer.api().post("/api/v1/cases/" + caseId + "/decision", decision);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        long decisionId = answer.json().get("id").asLong();
        // Every decision but an escalation is in the random sample exactly when its id falls in it.
        assertThat(count("select count(*) from qa_review where decision_id = ? and sampled_by = 'system'", decisionId))
                .isEqualTo(Quality.sampled(decisionId, 0.05) && !"escalate".equals(decision.get("verdict")) ? 1 : 0);
        return decisionId;
    }

    /** The decision's sample: taken by the lead, or the one the random sample already took. */
    private long sampleOf(Member lead, long decisionId) {
        Api.Answer taken = lead.api().post("/api/v1/qa/samples", Map.of("decisionId", decisionId));
        if (taken.status() == 201) {
            assertThat(taken.json().get("original").isNull()).as("blind").isTrue();
            return taken.json().get("id").asLong();
        }
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        return count("select id from qa_review where decision_id = ?", decisionId);
    }

    private static String today() {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        return "/api/v1/qa/agreement?from=" + day + "&to=" + day;
    }

    @Test
    void aSampledDecisionIsReviewedBlindByAnotherReviewer() {
        long team = newTeam(false);
        Member agent = member("AGENT", team);
        Member lead = member("LEAD", team);
        Member qa = member("QA", team);
        long decision = decide(agent, VIOLATING);
        long sample = sampleOf(lead, decision);
        Api.Answer again = lead.api().post("/api/v1/qa/samples", Map.of("decisionId", decision));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("decisionId");

        JsonNode pending = qa.api().get("/api/v1/qa/samples?status=pending&limit=500").json().get("samples");
        JsonNode mine = null;
        for (JsonNode s : pending) {
            if (s.get("id").asLong() == sample) {
                mine = s;
            }
        }
        assertThat(mine).as("the sample waits for review").isNotNull();
        assertThat(mine.get("original").isNull()).as("no verdict shown before the review").isTrue();

        Api.Answer missing = qa.api().post("/api/v1/qa/samples/" + sample + "/review", Map.of("rationale", "x"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("verdict");
        Api.Answer stray = qa.api().post("/api/v1/qa/samples/" + sample + "/review",
                Map.of("verdict", "not_violating", "category", "hate", "rationale", "x"));
        assertThat(stray.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        Api.Answer unknown = qa.api().post("/api/v1/qa/samples/" + sample + "/review",
                Map.of("verdict", "violating", "category", "rudeness", "rationale", "x"));
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(agent.api().post("/api/v1/qa/samples/" + sample + "/review",
                Map.of("verdict", "violating", "category", "hate", "rationale", "x")).status()).isEqualTo(403);

        Api.Answer reviewed = qa.api().post("/api/v1/qa/samples/" + sample + "/review",
                Map.of("verdict", "violating", "category", "hate", "rationale", "Slurs, not threats."));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        JsonNode body = reviewed.json();
        assertThat(body.get("original").get("verdict").asString()).isEqualTo("violating");
        assertThat(body.get("original").get("category").asString()).isEqualTo("harassment");
        assertThat(body.get("original").get("decidedBy").asLong()).isEqualTo(agent.id());
        assertThat(body.get("review").get("reviewerId").asLong()).isEqualTo(qa.id());
        assertThat(body.get("verdictAgrees").asBoolean()).isTrue();
        assertThat(body.get("categoryAgrees").asBoolean()).isFalse();
        assertThat(qa.api().post("/api/v1/qa/samples/" + sample + "/review",
                Map.of("verdict", "violating", "category", "hate", "rationale", "again")).status()).isEqualTo(409);

        // A lead who decided a case does not review it; vendor users take no part; agents may not sample.
        long own = decide(lead, CLEAR);
        long ownSample = sampleOf(lead, own);
        Api.Answer self = lead.api().post("/api/v1/qa/samples/" + ownSample + "/review",
                Map.of("verdict", "not_violating", "rationale", "Fine."));
        assertThat(self.status()).as(self.toString()).isEqualTo(403);
        assertThat(member("LEAD", newTeam(true)).api().get("/api/v1/qa/samples").status()).isEqualTo(403);
        assertThat(agent.api().post("/api/v1/qa/samples", Map.of("decisionId", own)).status()).isEqualTo(403);
        Api.Answer escalation = lead.api().post("/api/v1/qa/samples",
                Map.of("decisionId", decide(agent, Map.of("verdict", "escalate", "rationale", "Unsure."))));
        assertThat(escalation.status()).isEqualTo(409);
        assertThat(lead.api().post("/api/v1/qa/samples", Map.of("decisionId", Long.MAX_VALUE)).status())
                .isEqualTo(404);
    }

    @Test
    void agreementIsReportedPerReviewerWithCohensKappa() {
        long team = newTeam(false);
        Member agent = member("AGENT", team);
        Member lead = member("LEAD", team);
        Member qa = member("QA", team);
        // original: violating, violating, clear, clear; QA: violating, clear, clear, clear
        List<Long> decisions = List.of(decide(agent, VIOLATING), decide(agent, VIOLATING), decide(agent, CLEAR),
                decide(agent, CLEAR));
        List<String> verdicts = List.of("violating", "not_violating", "not_violating", "not_violating");
        for (int i = 0; i < decisions.size(); i++) {
            long sample = sampleOf(lead, decisions.get(i));
            Map<String, Object> review = verdicts.get(i).equals("violating")
                    ? Map.of("verdict", "violating", "category", "harassment", "rationale", "Agreed.")
                    : Map.of("verdict", "not_violating", "rationale", "Not a threat.");
            assertThat(qa.api().post("/api/v1/qa/samples/" + sample + "/review", review).status()).isEqualTo(200);
        }

        JsonNode agreement = integration("read").get(today()).json();
        JsonNode reviewer = null;
        for (JsonNode r : agreement.get("reviewers")) {
            if (r.get("reviewerId").asLong() == agent.id()) {
                reviewer = r;
            }
        }
        assertThat(reviewer).isNotNull();
        assertThat(reviewer.get("samples").asInt()).isEqualTo(4);
        // po = 3/4; pe = 1/2 · 1/4 + 1/2 · 3/4 = 1/2; kappa = (3/4 − 1/2) / (1 − 1/2) = 1/2
        assertThat(reviewer.get("verdictAgreement").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(reviewer.get("verdictKappa").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(reviewer.get("bothViolating").asInt()).isEqualTo(1);
        assertThat(reviewer.get("categoryAgreement").asDouble()).isEqualTo(1.0);
        assertThat(agreement.get("overall").get("samples").asInt()).isGreaterThanOrEqualTo(4);

        Api.Answer backwards = qa.api().get("/api/v1/qa/agreement?from=2026-02-02&to=2026-02-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(agent.api().get(today()).status()).isEqualTo(403);
    }

    @Test
    void decisionsFallIntoTheRandomSampleAsTheyAreMade() {
        long team = newTeam(false);
        Member agent = member("AGENT", team);
        Member qa = member("QA", team);
        // One decision in twenty is sampled; two hundred without one would happen once in 30,000 runs.
        long sampled = 0;
        for (int i = 0; i < 200 && sampled == 0; i++) {
            long decision = decide(agent, i % 2 == 0 ? VIOLATING : CLEAR);
            sampled = Quality.sampled(decision, 0.05) ? decision : 0;
        }
        assertThat(sampled).as("a decision in the random sample").isPositive();
        long id = count("select id from qa_review where decision_id = ? and sampled_by = 'system'", sampled);
        JsonNode pending = qa.api().get("/api/v1/qa/samples?status=pending&limit=500").json().get("samples");
        assertThat(pending.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
    }

    @Test
    void theRandomSampleTakesTheConfiguredShareOfDecisions() {
        long taken = LongStream.rangeClosed(1, 100_000).filter(id -> Quality.sampled(id, 0.05)).count();
        assertThat(taken).isBetween(4_800L, 5_200L);
        assertThat(LongStream.rangeClosed(1, 1_000).filter(id -> Quality.sampled(id, 0)).count()).isZero();
        assertThat(LongStream.rangeClosed(1, 1_000).filter(id -> Quality.sampled(id, 1)).count()).isEqualTo(1_000);
    }
}
